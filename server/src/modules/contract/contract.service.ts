// 合同签订 (issue 7): a contract for every engagement, signed by both parties after an SMS code and an
// explicit intent confirmation; each signature carries the platform's Ed25519 signature over (hash, signer,
// time, previous signature). Anyone can verify a contract by its hash; only the parties, the venue's staff
// and officers in scope can read it.
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  allowsWork,
  buildContractTerms,
  CONTRACT_LIFECYCLE,
  contractKindFor,
  intentStatement,
  maskName,
  signaturePayload,
  termsText,
  type ContractParty,
} from "@qz/shared";
import { maskMiddle } from "@qz/shared/identity/mask";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { requireActor, type Actor, type Caller } from "../../access/actor.js";
import { assertRegionInScope } from "../../access/scope.js";
import { recordAudit, recordAudits } from "../audit/audit.js";
import type { ReferenceService } from "../reference/reference.service.js";
import { invalidSmsCode, type SmsService } from "../sms/sms.service.js";
import { shanghaiDate } from "../dispatch/task.service.js";
import { createSigningKey, sha256Hex, type SigningKey } from "./contract.signing.js";
import * as repo from "./contract.repo.js";

export const CANCELLATION_FEE_HOURS = 4;
export const PRINT_LINK_TTL_SECONDS = 300;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export type ContractService = ReturnType<typeof createContractService>;

/** Read access: the parties; staff of the contract's venue; county officers of its area; city officers. */
function assertCanRead(actor: Actor, c: repo.ContractRow): void {
  switch (actor.role) {
    case "WORKER":
      if (c.workerId !== actor.userId) throw notFound("合同", c.id);
      return;
    case "EMPLOYER":
      if (c.employerId !== actor.userId) throw notFound("合同", c.id);
      return;
    case "VENUE_STAFF":
      if (actor.venueId !== c.venueId) throw new AppError("FORBIDDEN", "只能查看本场所经办岗位的合同");
      return;
    default:
      assertRegionInScope(actor, c.regionCode);
  }
}

const partyOf = (actor: Actor, c: repo.ContractRow): ContractParty | null =>
  actor.role === "WORKER" && c.workerId === actor.userId ? "WORKER" : actor.role === "EMPLOYER" && c.employerId === actor.userId ? "EMPLOYER" : null;

/** Checks a contract's stored terms and signatures: the hash, each platform signature and the chain. */
export function verifyRows(key: Pick<SigningKey, "verify">, c: Pick<repo.ContractRow, "terms" | "termsHash" | "status">, signatures: repo.SignatureRow[]) {
  const termsIntact = sha256Hex(termsText(c.terms)) === c.termsHash;
  let previous: string | null = null;
  const checked = signatures.map((s) => {
    const payload = signaturePayload({ termsHash: c.termsHash, signerId: s.signerId, party: s.party, signedAt: s.signedAt, previous: s.previousSignature });
    const valid = s.termsHash === c.termsHash && s.previousSignature === previous && key.verify(payload, s.platformSignature);
    previous = s.platformSignature;
    return { ...s, valid };
  });
  const needsBoth = c.status === "SIGNED" || c.status === "COMPLETED" || c.status === "TERMINATED";
  const complete = !needsBoth || new Set(checked.filter((s) => s.valid).map((s) => s.party)).size === 2;
  return { termsIntact, signatures: checked, valid: termsIntact && complete && checked.every((s) => s.valid) };
}

export function createContractService(deps: Deps, parts: { sms: SmsService; reference: ReferenceService }) {
  const { db, now, config } = deps;
  const key = createSigningKey(config.contractSigningSeed);
  const linkKey = createHmac("sha256", config.jwtSecret).update("contract-print-link/v1").digest();
  const linkMac = (id: string, userId: string, exp: number) => createHmac("sha256", linkKey).update(`${id}\n${userId}\n${exp}`).digest("base64url");

  async function readable(caller: Caller, id: string) {
    const actor = requireActor(caller);
    const c = await repo.findContract(db, id);
    if (!c) throw notFound("合同", id);
    assertCanRead(actor, c);
    return { actor, contract: c };
  }

  async function signerPhone(userId: string) {
    const phone = await repo.phoneOf(db, userId);
    if (!phone) throw new AppError("PRECONDITION_FAILED", "账号没有登记手机号，不能签署");
    return phone;
  }

  function assertMaySign(party: ContractParty | null, c: repo.ContractRow, signed: repo.SignatureRow[]) {
    if (!party) throw new AppError("FORBIDDEN", "只有合同当事人可以签署");
    if (signed.some((s) => s.party === party)) throw new AppError("CONFLICT", "您已签署该合同", [{ code: "ALREADY_SIGNED", message: "您已签署该合同" }]);
    const next = CONTRACT_LIFECYCLE.next(c.status, c.status === "PENDING" ? "SIGN_FIRST" : "SIGN_LAST");
    if (!next.ok) throw new AppError("PRECONDITION_FAILED", next.reasons.map((r) => r.message).join("；"), next.reasons);
    return next.value;
  }

  return {
    /** The service's clock (the PDF's issue time). */
    now,

    signingKey: { keyId: key.keyId, algorithm: "Ed25519", publicKeyBase64: key.publicKeyBase64, publicKeyPem: key.publicKeyPem },

    /**
     * For the engagement.created job: drafts the engagement's contract from the current template (once:
     * a second run finds it). Nothing is drafted for an engagement that already ended.
     */
    async draftForEngagement(caller: Caller, engagementId: string) {
      const facts = await repo.loadEngagementFacts(db, engagementId);
      if (!facts) throw notFound("用工记录", engagementId);
      const existing = await repo.findContractByEngagement(db, engagementId);
      if (existing) return existing;
      if (facts.engagementStatus !== "ACTIVE" && facts.engagementStatus !== "CONFIRMED") return null;
      const standard = await parts.reference.minimumWageOn(facts.regionCode, shanghaiDate(facts.startsAt));
      if (!standard) throw new AppError("PRECONDITION_FAILED", "该地区尚未登记最低工资标准");
      const terms = buildContractTerms({
        engagementId,
        employer: {
          id: facts.employerId,
          kind: facts.employerKind,
          name: facts.employerName,
          maskedId: facts.employerKind === "COMPANY" ? maskMiddle(facts.employerCreditCode ?? "", 6, 4) : (facts.employerMaskedId ?? ""),
        },
        worker: { id: facts.workerId, name: facts.workerName, maskedId: facts.workerMaskedId },
        venue: { id: facts.venueId, name: facts.venueName },
        task: { id: facts.taskId, title: facts.taskTitle, skillName: facts.skillName, address: facts.address, lat: facts.lat, lng: facts.lng, regionName: facts.regionName },
        startsAt: facts.startsAt,
        endsAt: facts.endsAt,
        payRateFen: facts.payRateFen,
        payUnit: facts.payUnit,
        minimumHourlyFen: standard.hourlyFen,
        cancellationFeeHours: CANCELLATION_FEE_HOURS,
      });
      const termsHash = sha256Hex(termsText(terms));
      const at = now();
      return db.transaction(async (tx) => {
        const created = await repo.insertContract(tx, {
          engagementId,
          taskId: facts.taskId,
          workerId: facts.workerId,
          employerId: facts.employerId,
          venueId: facts.venueId,
          regionCode: facts.regionCode,
          kind: contractKindFor(facts.employerKind),
          templateVersion: terms.template,
          terms,
          termsHash,
          createdAt: at,
          updatedAt: at,
        });
        if (!created) return repo.findContractByEngagement(tx, engagementId);
        await recordAudit(tx, caller, { action: "contract.draft", entityType: "contract", entityId: created.id, after: { engagementId, termsHash, template: terms.template } });
        await emitEvent(tx, "contract.drafted", { contractId: created.id, engagementId, workerId: facts.workerId, employerId: facts.employerId });
        return created;
      });
    },

    /** Texts the signer a SIGN_CONTRACT code (identity confirmation before signing). */
    async requestSigningCode(caller: Caller, contractId: string) {
      const { actor, contract } = await readable(caller, contractId);
      assertMaySign(partyOf(actor, contract), contract, await repo.listSignatures(db, contractId));
      return parts.sms.requestCode(caller, await signerPhone(actor.userId), "SIGN_CONTRACT");
    },

    /**
     * Signs as the caller's party: the code texted to them (consumed in the transaction and recorded), an
     * explicit `confirmIntent`, and the hash of the terms they read (a stale page cannot sign other terms).
     */
    async signContract(caller: Caller, input: { contractId: string; smsCode: string; termsHash: string; confirmIntent: boolean }) {
      const { actor, contract } = await readable(caller, input.contractId);
      if (input.confirmIntent !== true) badInput("confirmIntent", [{ code: "INTENT_REQUIRED", message: "请确认已阅读并同意合同全部条款" }]);
      if (!HASH_PATTERN.test(input.termsHash)) badInput("termsHash", [{ code: "HASH_FORMAT", message: "合同摘要应为64位十六进制" }]);
      if (input.termsHash !== contract.termsHash) throw new AppError("CONFLICT", "合同内容与您阅读的版本不一致，请刷新后重新阅读", [{ code: "TERMS_MISMATCH", message: "合同摘要不一致" }]);
      const party = partyOf(actor, contract);
      assertMaySign(party, contract, await repo.listSignatures(db, contract.id));
      const phone = await signerPhone(actor.userId);
      const codeId = await parts.sms.checkCode(phone, "SIGN_CONTRACT", input.smsCode);
      if (!codeId) throw invalidSmsCode();
      const signed = await db.transaction(async (tx) => {
        const locked = (await repo.getContractForUpdate(tx, contract.id))!;
        const signatures = await repo.listSignatures(tx, contract.id);
        const nextStatus = assertMaySign(party, locked, signatures);
        if (!(await parts.sms.consumeCode(tx, codeId))) throw invalidSmsCode();
        const at = now();
        const previous = signatures.at(-1)?.platformSignature ?? null;
        const signature = await repo.insertSignature(tx, {
          contractId: contract.id,
          seq: signatures.length + 1,
          signerId: actor.userId,
          party: party!,
          termsHash: locked.termsHash,
          signedAt: at,
          ip: caller.meta.ip,
          userAgent: caller.meta.userAgent?.slice(0, 500) ?? null,
          smsCodeId: codeId,
          intentStatement: intentStatement(party!, String(locked.terms.title), locked.termsHash),
          previousSignature: previous,
          platformSignature: key.sign(signaturePayload({ termsHash: locked.termsHash, signerId: actor.userId, party: party!, signedAt: at, previous })),
          keyId: key.keyId,
          createdAt: at,
        });
        const after = await repo.updateContract(tx, contract.id, { status: nextStatus, signedAt: nextStatus === "SIGNED" ? at : null, updatedAt: at });
        await recordAudit(tx, caller, { action: "contract.sign", entityType: "contract", entityId: contract.id, before: { status: locked.status }, after: { status: after.status, party: party!, signatureId: signature.id } });
        if (after.status === "SIGNED") await emitEvent(tx, "contract.signed", { contractId: contract.id, engagementId: contract.engagementId, workerId: contract.workerId, employerId: contract.employerId });
        return after;
      });
      return signed;
    },

    /** Public: what a hash proves — masked parties, status and whether every signature checks out. */
    async verifyContract(hash: string) {
      if (!HASH_PATTERN.test(hash)) badInput("hash", [{ code: "HASH_FORMAT", message: "合同摘要应为64位十六进制" }]);
      const c = await repo.findContractByHash(db, hash);
      if (!c) return null;
      const result = verifyRows(key, c, await repo.listSignatures(db, c.id));
      const parties = (c.terms as { parties: { employer: { name: string; maskedId: string }; worker: { name: string; maskedId: string } } }).parties;
      return {
        termsHash: c.termsHash,
        kind: c.kind,
        templateVersion: c.templateVersion,
        status: c.status,
        employerName: maskName(parties.employer.name),
        employerMaskedId: parties.employer.maskedId,
        workerName: maskName(parties.worker.name),
        workerMaskedId: parties.worker.maskedId,
        termsIntact: result.termsIntact,
        valid: result.valid,
        signatures: result.signatures.map((s) => ({ party: s.party, signedAt: s.signedAt, keyId: s.keyId, valid: s.valid })),
      };
    },

    getContract: async (caller: Caller, id: string) => (await readable(caller, id)).contract,

    /** The engagement's contract, for whoever may read it (null before it is drafted). */
    async contractOfEngagement(caller: Caller, engagementId: string) {
      const c = await repo.findContractByEngagement(db, engagementId);
      if (!c) return null;
      assertCanRead(requireActor(caller), c);
      return c;
    },

    async signaturesOf(caller: Caller, contractId: string) {
      await readable(caller, contractId);
      return repo.listSignatures(db, contractId);
    },

    myContracts(caller: Caller, limit: number) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER");
      return repo.listContractsOf(db, actor.role === "WORKER" ? { workerId: actor.userId } : { employerId: actor.userId }, limit);
    },

    /** A short-lived signed link to the printable page and the PDF (free, any time, for anyone who may read the contract). */
    async printLink(caller: Caller, id: string) {
      const { actor, contract } = await readable(caller, id);
      const exp = Math.floor(now().getTime() / 1000) + PRINT_LINK_TTL_SECONDS;
      const token = `${actor.userId}.${exp}.${linkMac(contract.id, actor.userId, exp)}`;
      return { path: `/contracts/${contract.id}/print?token=${token}`, pdfPath: `/contracts/${contract.id}/pdf?token=${token}`, expiresAt: new Date(exp * 1000) };
    },

    /** The contract behind a print link, or null when the link is forged or expired (or the reader lost access). */
    async contractForPrint(id: string, token: string) {
      const [userId, expText, mac] = token.split(".");
      const exp = Number(expText);
      if (!userId || !mac || !Number.isSafeInteger(exp) || exp * 1000 < now().getTime()) return null;
      const want = Buffer.from(linkMac(id, userId, exp));
      const got = Buffer.from(mac);
      if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
      const c = await repo.findContract(db, id);
      if (!c) return null;
      const signatures = await repo.listSignatures(db, id);
      return { contract: c, signatures, verification: verifyRows(key, c, signatures) };
    },

    /** For attendance: whether work may start under the engagement's contract. */
    async assertWorkAllowed(engagementId: string, tx: DbOrTx = db) {
      const c = await repo.findContractByEngagement(tx, engagementId);
      if (!c || !allowsWork(c.status)) {
        throw new AppError("PRECONDITION_FAILED", "合同尚未由双方签署，不能开工签到", [{ code: "CONTRACT_NOT_SIGNED", message: "合同尚未由双方签署" }]);
      }
      return c;
    },

    /** For jobs: voids the unsigned contracts of a cancelled task or a withdrawn engagement. */
    async voidUnsigned(caller: Caller, scope: { taskId?: string; engagementId?: string }, reason: string) {
      const at = now();
      return db.transaction(async (tx) => {
        let rows: repo.ContractRow[] = [];
        if (scope.taskId) rows = await repo.listUnsignedOfTask(tx, scope.taskId);
        else if (scope.engagementId) {
          const c = await repo.findContractByEngagement(tx, scope.engagementId);
          const locked = c ? await repo.getContractForUpdate(tx, c.id) : null;
          rows = locked && (locked.status === "PENDING" || locked.status === "PARTIALLY_SIGNED") ? [locked] : [];
        }
        for (const c of rows) {
          const next = CONTRACT_LIFECYCLE.next(c.status, "VOID", reason);
          if (!next.ok) continue;
          await repo.updateContract(tx, c.id, { status: next.value, endedAt: at, endReason: reason, updatedAt: at });
          await recordAudit(tx, caller, { action: "contract.void", entityType: "contract", entityId: c.id, before: { status: c.status }, after: { status: next.value, reason } });
        }
        return rows.length;
      });
    },

    /** For settlement: the contract is fulfilled once its wages are paid. */
    async complete(caller: Caller, engagementId: string, tx: DbOrTx) {
      const c = await repo.findContractByEngagement(tx, engagementId);
      if (!c || c.status !== "SIGNED") return;
      const at = now();
      await repo.updateContract(tx, c.id, { status: "COMPLETED", endedAt: at, updatedAt: at });
      await recordAudit(tx, caller, { action: "contract.complete", entityType: "contract", entityId: c.id, before: { status: c.status }, after: { status: "COMPLETED" } });
    },

    /**
     * For the payout (inside its transaction, contract read as SIGNED there): COMPLETED and audited in one
     * round trip; throws (rolling the payout back for a retry) if the contract changed meanwhile.
     */
    async completeSigned(caller: Caller, contractId: string, tx: DbOrTx) {
      const at = now();
      const [updated] = await Promise.all([
        repo.updateContractIf(tx, contractId, "SIGNED", { status: "COMPLETED", endedAt: at, updatedAt: at }),
        recordAudit(tx, caller, { action: "contract.complete", entityType: "contract", entityId: contractId, before: { status: "SIGNED" }, after: { status: "COMPLETED" } }),
      ]);
      if (!updated) throw new Error(`contract ${contractId} left SIGNED during its payout`);
    },

    /** completeSigned for a batch of payouts: one update and one audit statement, pipelined. */
    async completeSignedMany(caller: Caller, contractIds: string[], tx: DbOrTx) {
      if (!contractIds.length) return;
      const at = now();
      const [updated] = await Promise.all([
        repo.completeSignedContracts(tx, contractIds, at),
        recordAudits(
          tx,
          caller,
          contractIds.map((id) => ({ action: "contract.complete" as const, entityType: "contract" as const, entityId: id, before: { status: "SIGNED" }, after: { status: "COMPLETED" } })),
        ),
      ]);
      if (updated !== contractIds.length) throw new Error("a contract left SIGNED during its payout");
    },

    /** For settlement (inside its transaction): the engagement's contract row. */
    contractOfEngagementRow: (engagementId: string, tx: DbOrTx = db) => repo.findContractByEngagement(tx, engagementId),

    /** For notifications: who signed what. */
    findContractRow: (id: string) => repo.findContract(db, id),
  };
}
