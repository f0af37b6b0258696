import type { Result } from "../result.js";

/** A venue's recognition lifecycle (认定): PENDING_RECOGNITION → RECOGNIZED → SUSPENDED | REVOKED. */
export type VenueStatus = "PENDING_RECOGNITION" | "RECOGNIZED" | "SUSPENDED" | "REVOKED";
export type VenueAction = "RECOGNIZE" | "SUSPEND" | "REVOKE";

const TRANSITIONS: Record<VenueAction, { from: readonly VenueStatus[]; to: VenueStatus; needsReason: boolean }> = {
  // Recognising a suspended venue reinstates it; its first recognition date stays.
  RECOGNIZE: { from: ["PENDING_RECOGNITION", "SUSPENDED"], to: "RECOGNIZED", needsReason: false },
  SUSPEND: { from: ["RECOGNIZED"], to: "SUSPENDED", needsReason: true },
  REVOKE: { from: ["PENDING_RECOGNITION", "RECOGNIZED", "SUSPENDED"], to: "REVOKED", needsReason: true },
};

const STATUS_NAMES: Record<VenueStatus, string> = {
  PENDING_RECOGNITION: "待认定",
  RECOGNIZED: "已认定",
  SUSPENDED: "已暂停",
  REVOKED: "已撤销",
};

/** The status an action leads to, or the reasons it is refused. */
export function nextVenueStatus(from: VenueStatus, action: VenueAction, reason?: string | null): Result<VenueStatus> {
  const t = TRANSITIONS[action];
  if (!t.from.includes(from)) {
    return { ok: false, reasons: [{ code: "VENUE_TRANSITION", message: `场所当前状态为“${STATUS_NAMES[from]}”，不能执行该操作` }] };
  }
  if (t.needsReason && !reason?.trim()) {
    return { ok: false, reasons: [{ code: "VENUE_REASON_REQUIRED", message: "暂停或撤销认定必须填写原因" }] };
  }
  return { ok: true, value: t.to };
}
