// 附件 exports through short-lived signed links, the contract print link's mechanism: a mutation checks that the
// caller may have the export and signs its parameters with the caller's id and an expiry (on the API's clock);
// GET /exports/<kind>?…&token= checks the signature and the expiry, then builds the workbook as that user, with
// the role and scope they hold now, and streams it. Files stay out of GraphQL (no base64 in a JSON answer).
import { createHmac, timingSafeEqual } from "node:crypto";
import { requireActor, type Caller, type RequestMeta } from "../../access/actor.js";
import type { Deps } from "../../deps.js";
import type { SessionService } from "../identity/session.service.js";
import type { AnnexService, PreparedExport } from "./annex.service.js";

/** Long enough to start a download after clicking, short enough that a leaked link soon stops working. */
export const EXPORT_LINK_TTL_SECONDS = 300;

/** One export and its parameters: 附件3 认定申请表 … 附件7 建设情况汇总表. */
export type ExportRequest =
  | { kind: "annex3"; venueId: string }
  | { kind: "annex4"; applicationId: string }
  | { kind: "annex5"; venueId: string; year: number; fullIds: boolean }
  | { kind: "annex6"; venueId: string; year: number }
  | { kind: "annex7"; year: number; regionCode: string | null };
export type ExportKind = ExportRequest["kind"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The request's parameters as query pairs, in a fixed order: the signed text and the link's query are the same. */
function paramsOf(r: ExportRequest): [string, string][] {
  switch (r.kind) {
    case "annex3":
      return [["venueId", r.venueId]];
    case "annex4":
      return [["applicationId", r.applicationId]];
    case "annex5":
      return [["venueId", r.venueId], ["year", String(r.year)], ["fullIds", r.fullIds ? "1" : "0"]];
    case "annex6":
      return [["venueId", r.venueId], ["year", String(r.year)]];
    case "annex7":
      return r.regionCode ? [["year", String(r.year)], ["regionCode", r.regionCode]] : [["year", String(r.year)]];
  }
}

/** A link's query back into a request, or null when anything is missing or malformed. */
export function parseExportRequest(kind: string, q: Record<string, unknown>): ExportRequest | null {
  const text = (name: string) => (typeof q[name] === "string" ? (q[name] as string) : null);
  const uuid = (name: string) => (UUID.test(text(name) ?? "") ? text(name)! : null);
  const yearText = text("year");
  const year = yearText && /^\d{4}$/.test(yearText) && Number(yearText) >= 2023 && Number(yearText) <= 2100 ? Number(yearText) : null;
  switch (kind) {
    case "annex3":
      return uuid("venueId") ? { kind, venueId: uuid("venueId")! } : null;
    case "annex4":
      return uuid("applicationId") ? { kind, applicationId: uuid("applicationId")! } : null;
    case "annex5": {
      const fullIds = text("fullIds");
      return uuid("venueId") && year && (fullIds === "0" || fullIds === "1") ? { kind, venueId: uuid("venueId")!, year, fullIds: fullIds === "1" } : null;
    }
    case "annex6":
      return uuid("venueId") && year ? { kind, venueId: uuid("venueId")!, year } : null;
    case "annex7": {
      const regionCode = text("regionCode");
      if (!year || (regionCode !== null && !/^\d{6}$/.test(regionCode))) return null;
      return { kind, year, regionCode };
    }
    default:
      return null;
  }
}

export type ExportLinkService = ReturnType<typeof createExportLinkService>;

export function createExportLinkService({ config, now }: Deps, parts: { annexes: AnnexService; sessions: SessionService }) {
  const { annexes, sessions } = parts;
  // A key of its own, derived from the JWT secret, so an export signature is never anything else's MAC.
  const linkKey = createHmac("sha256", config.jwtSecret).update("export-link/v1").digest();
  const mac = (r: ExportRequest, userId: string, exp: number) =>
    createHmac("sha256", linkKey).update(`${r.kind}\n${new URLSearchParams(paramsOf(r)).toString()}\n${userId}\n${exp}`).digest("base64url");

  /** The annex's own scope checks (and its file name); the workbook is built only when written. */
  function prepare(caller: Caller, r: ExportRequest): Promise<PreparedExport> {
    switch (r.kind) {
      case "annex3":
        return annexes.recognitionForm(caller, r.venueId);
      case "annex4":
        return annexes.applicationForm(caller, r.applicationId);
      case "annex5":
        return annexes.placementRoster(caller, r.venueId, r.year, r.fullIds);
      case "annex6":
        return annexes.assessmentForm(caller, r.venueId, r.year);
      case "annex7":
        return annexes.yearSummary(caller, r.year, r.regionCode);
    }
  }

  return {
    /** A download link valid for EXPORT_LINK_TTL_SECONDS, issued only when the caller may have the export now. */
    async link(caller: Caller, r: ExportRequest): Promise<{ url: string; filename: string; expiresAt: Date }> {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const { filename } = await prepare(caller, r);
      const exp = Math.floor(now().getTime() / 1000) + EXPORT_LINK_TTL_SECONDS;
      const query = new URLSearchParams(paramsOf(r));
      query.set("token", `${actor.userId}.${exp}.${mac(r, actor.userId, exp)}`);
      return { url: `/exports/${r.kind}?${query.toString()}`, filename, expiresAt: new Date(exp * 1000) };
    },

    /**
     * The export behind a link, prepared as its user with the scope they hold now; null when the link is
     * malformed, forged, altered, expired, or its user is gone or disabled. A user who lost the scope since gets
     * the scope check's FORBIDDEN.
     */
    async open(kind: string, query: Record<string, unknown>, meta: RequestMeta): Promise<PreparedExport | null> {
      const r = parseExportRequest(kind, query);
      const token = typeof query.token === "string" ? query.token.slice(0, 200) : "";
      const [userId, expText, given] = token.split(".");
      if (!r || !userId || !UUID.test(userId) || !given || !/^\d{1,12}$/.test(expText ?? "")) return null;
      const exp = Number(expText);
      const want = Buffer.from(mac(r, userId, exp));
      const got = Buffer.from(given);
      if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
      if (exp * 1000 < now().getTime()) return null;
      const actor = await sessions.currentActor(userId);
      if (!actor) return null;
      return prepare({ actor, meta }, r);
    },
  };
}
