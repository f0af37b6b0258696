// Evidence over plain HTTP (files do not belong in GraphQL): an authenticated upload of the raw bytes, and
// downloads through short-lived signed links (so an <img> or a video player can fetch them without a token).
import express, { Router, type Request, type Response } from "express";
import type { Actor } from "../../access/actor.js";
import type { Config } from "../../config.js";
import { AppError, type ErrorCode } from "../../errors.js";
import type { Services } from "../../services.js";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  RATE_LIMITED: 429,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function fail(res: Response, err: unknown): void {
  if (err instanceof AppError) {
    res.status(STATUS[err.code]).json({ errors: [{ message: err.message, extensions: { code: err.code, reasons: err.reasons } }] });
    return;
  }
  throw err;
}

/**
 * POST /complaints/:id/evidence (Authorization: Bearer, body = the file's bytes, any content type: the type
 * is read from the bytes) → { id, fileType, sizeBytes, sha256 }. GET /evidence/:id?exp&sig → the file.
 */
export function evidenceRouter(opts: { services: Services; config: Config; authenticate: (authorization: string) => Promise<Actor> }): Router {
  const { services, config } = opts;
  const router = Router();
  router.post(
    "/complaints/:id/evidence",
    // Checked while streaming: a body over the limit is cut off with 413 before it is all read.
    express.raw({ type: () => true, limit: config.evidenceMaxBytes }),
    async (req: Request<{ id: string }>, res) => {
      try {
        const id = req.params.id;
        if (!UUID.test(id)) throw new AppError("BAD_USER_INPUT", "投诉编号格式不正确", [{ code: "INVALID_FIELD", field: "id", message: "not a UUID" }]);
        const auth = req.get("authorization");
        if (!auth) throw new AppError("UNAUTHENTICATED", "请先登录");
        const actor = await opts.authenticate(auth);
        const meta = { requestId: String(req.id ?? ""), ip: req.ip ?? null, userAgent: req.get("user-agent") ?? null };
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const row = await services.evidence.addEvidence({ actor, meta }, id, body);
        res.status(201).json({ id: row.id, fileType: row.fileType, sizeBytes: row.sizeBytes, sha256: row.sha256 });
      } catch (err) {
        fail(res, err);
      }
    },
  );
  router.get("/evidence/:id", async (req: Request<{ id: string }>, res) => {
    const file = await services.evidence.openSignedLink(req.params.id, String(req.query.exp ?? ""), String(req.query.sig ?? ""));
    if (!file) {
      res.status(404).json({ errors: [{ message: "链接无效或已过期", extensions: { code: "NOT_FOUND" } }] });
      return;
    }
    res.set({
      "Content-Type": file.mime,
      "Content-Length": String(file.data.length),
      // Never rendered as anything but the file it is, and never kept in a shared cache.
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "Content-Disposition": `inline; filename="evidence-${file.sha256.slice(0, 12)}.${file.ext}"`,
      ETag: `"${file.sha256}"`,
    });
    res.end(file.data);
  });
  return router;
}
