import { defineLifecycle } from "../catalog/lifecycle.js";
import { VENUE_STATUS } from "../catalog/enums.js";
import type { EnumValue } from "../catalog/define-enum.js";
import type { Result } from "../result.js";

/** A venue's recognition lifecycle (认定): PENDING_RECOGNITION → RECOGNIZED → SUSPENDED | REVOKED. */
export type VenueStatus = EnumValue<typeof VENUE_STATUS>;
export type VenueAction = "RECOGNIZE" | "SUSPEND" | "REVOKE";

export const VENUE_LIFECYCLE = defineLifecycle<VenueStatus, VenueAction>({
  code: "VENUE",
  noun: "场所",
  states: VENUE_STATUS,
  reasonMessage: "暂停或撤销认定必须填写原因",
  transitions: {
    // Recognising a suspended venue reinstates it; its first recognition date stays.
    RECOGNIZE: { from: ["PENDING_RECOGNITION", "SUSPENDED"], to: "RECOGNIZED" },
    SUSPEND: { from: ["RECOGNIZED"], to: "SUSPENDED", needsReason: true },
    REVOKE: { from: ["PENDING_RECOGNITION", "RECOGNIZED", "SUSPENDED"], to: "REVOKED", needsReason: true },
  },
});

/** The status an action leads to, or the reasons it is refused. */
export function nextVenueStatus(from: VenueStatus, action: VenueAction, reason?: string | null): Result<VenueStatus> {
  return VENUE_LIFECYCLE.next(from, action, reason);
}
