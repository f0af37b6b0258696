import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { EVIDENCE_TYPES, sniffEvidenceType } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import type { Deps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import { assertCanRead } from "./complaint.access.js";
import * as repo from "./complaint.repo.js";
import { createEvidenceStorage, evidenceKey, type EvidenceStorage } from "./evidence.storage.js";

/** Files per complaint: enough for photos, a contract scan and a video; a cap so no one fills the disk. */
export const MAX_EVIDENCE_PER_COMPLAINT = 20;

export type EvidenceService = ReturnType<typeof createEvidenceService>;

/** Evidence files (投诉证据): checked by content, stored under generated keys, served through short signed links. */
export function createEvidenceService({ db, now, config }: Deps, storage: EvidenceStorage = createEvidenceStorage(config.evidenceStorage)) {
  // A key of its own, derived from the blind-index key, so a link signature is never anything else's MAC.
  const linkKey = createHmac("sha256", config.piiBlindIndexKey).update("evidence-link/v1").digest();
  const sign = (id: string, exp: number) => createHmac("sha256", linkKey).update(`${id}.${exp}`).digest("base64url");

  return {
    /**
     * Adds a file to a complaint the caller may read and that is still open. The type comes from the bytes
     * (JPEG, PNG, PDF, MP4); the same file twice returns the first copy.
     */
    async addEvidence(caller: Caller, complaintId: string, data: Buffer) {
      const actor = requireActor(caller);
      const c = await repo.findComplaint(db, complaintId);
      if (!c) throw notFound("投诉", complaintId);
      assertCanRead(actor, c);
      if (c.status === "CLOSED" || c.status === "REJECTED") throw new AppError("PRECONDITION_FAILED", "投诉已办结，不能再上传证据");
      if (data.length === 0) throw new AppError("BAD_USER_INPUT", "文件为空", [{ code: "EVIDENCE_EMPTY", field: "file", message: "文件为空" }]);
      if (data.length > config.evidenceMaxBytes) {
        throw new AppError("BAD_USER_INPUT", `文件过大，上限 ${Math.floor(config.evidenceMaxBytes / 1024 / 1024)} MB`, [{ code: "EVIDENCE_TOO_LARGE", field: "file", message: "文件过大" }]);
      }
      const type = sniffEvidenceType(data.subarray(0, 16));
      if (!type) {
        throw new AppError("BAD_USER_INPUT", "只接受 JPEG、PNG 图片，PDF 文件和 MP4 视频（按文件内容识别）", [{ code: "EVIDENCE_TYPE", field: "file", message: "文件类型不被接受" }]);
      }
      const sha256 = createHash("sha256").update(data).digest("hex");
      const existing = await repo.findEvidenceByHash(db, complaintId, sha256);
      if (existing) return existing;
      if ((await repo.countEvidence(db, complaintId)) >= MAX_EVIDENCE_PER_COMPLAINT) {
        throw new AppError("PRECONDITION_FAILED", `每件投诉最多上传 ${MAX_EVIDENCE_PER_COMPLAINT} 个证据文件`, [{ code: "EVIDENCE_LIMIT", message: "证据文件数量已达上限" }]);
      }
      const at = now();
      const storageKey = evidenceKey(at, EVIDENCE_TYPES[type].ext);
      await storage.put(storageKey, data);
      return db.transaction(async (tx) => {
        const row = await repo.insertEvidence(tx, { complaintId, uploadedBy: actor.userId, fileType: type, sizeBytes: data.length, sha256, storageKey, createdAt: at });
        // Two uploads of the same file at once: the second finds the first (its own bytes stay unreferenced).
        if (!row) return (await repo.findEvidenceByHash(tx, complaintId, sha256))!;
        await recordAudit(tx, caller, { action: "complaint.add-evidence", entityType: "complaint_evidence", entityId: row.id, after: { complaintId, fileType: type, sizeBytes: data.length, sha256 } });
        return row;
      });
    },

    /** The complaint's files, for a caller who may read it (checked by the caller of this on the complaint row). */
    listEvidence: (complaintId: string) => repo.listEvidence(db, complaintId),

    /** A download link valid for EVIDENCE_LINK_TTL_SECONDS, for parties and handlers only. */
    async evidenceLink(caller: Caller, evidence: repo.EvidenceRow): Promise<{ url: string; expiresAt: Date }> {
      const actor = requireActor(caller);
      const c = await repo.getComplaint(db, evidence.complaintId);
      assertCanRead(actor, c);
      const exp = Math.floor(now().getTime() / 1000) + config.evidenceLinkTtlSeconds;
      return { url: `/evidence/${evidence.id}?exp=${exp}&sig=${sign(evidence.id, exp)}`, expiresAt: new Date(exp * 1000) };
    },

    /** The file behind a signed link, or null when the link is forged, altered or expired. */
    async openSignedLink(id: string, expRaw: string, sig: string): Promise<{ data: Buffer; mime: string; ext: string; sha256: string } | null> {
      if (!/^[0-9a-f-]{36}$/.test(id) || !/^\d{1,12}$/.test(expRaw) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
      const exp = Number(expRaw);
      const expected = Buffer.from(sign(id, exp));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      if (exp * 1000 < now().getTime()) return null;
      const row = await repo.findEvidence(db, id);
      if (!row) return null;
      const data = await storage.get(row.storageKey);
      if (!data) return null;
      const type = EVIDENCE_TYPES[row.fileType as keyof typeof EVIDENCE_TYPES];
      return { data, mime: type.mime, ext: type.ext, sha256: row.sha256 };
    },
  };
}
