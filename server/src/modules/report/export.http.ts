// GET /exports/<kind>?…&token= (a link from one of the export mutations): the .xlsx streamed as it is built.
import type { Express, NextFunction, Request, Response } from "express";
import type { Logger } from "../../logger.js";
import { AppError } from "../../errors.js";
import { XLSX_MIME } from "./annex.service.js";
import type { ExportLinkService } from "./export-link.service.js";

const REFUSED = "链接无效或已过期，请在平台重新导出";

/** RFC 5987 ext-value: UTF-8, percent-encoded except attr-char (encodeURIComponent leaves ' ( ) * as they are). */
export function rfc5987(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The route behind the export links; a refused link is 403 and changes nothing. */
export function mountExportRoutes(app: Express, exportLinks: ExportLinkService, logger: Logger): void {
  app.get("/exports/:kind", async (req: Request, res: Response, next: NextFunction) => {
    const meta = { requestId: String(req.id ?? ""), ip: req.ip ?? null, userAgent: req.get("user-agent") ?? null };
    let file;
    try {
      file = await exportLinks.open(String(req.params.kind), req.query as Record<string, unknown>, meta);
    } catch (err) {
      if (!(err instanceof AppError)) return next(err);
      const status = err.code === "NOT_FOUND" ? 404 : 403;
      res.status(status).json({ errors: [{ message: err.message, extensions: { code: err.code } }] });
      return;
    }
    if (!file) {
      res.status(403).json({ errors: [{ message: REFUSED, extensions: { code: "FORBIDDEN" } }] });
      return;
    }
    res.status(200).set({
      "Content-Type": XLSX_MIME,
      // An ASCII name for old clients, the zh-CN name for everyone else.
      "Content-Disposition": `attachment; filename="${String(req.params.kind)}.xlsx"; filename*=${rfc5987(file.filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex",
    });
    try {
      await file.write(res);
    } catch (err) {
      // Headers are gone: cut the connection so the client sees a broken download, not a short file.
      (req.log ?? logger).error({ err: err instanceof Error ? err.message : String(err) }, "export failed while streaming");
      res.destroy(err instanceof Error ? err : undefined);
    }
  });
}
