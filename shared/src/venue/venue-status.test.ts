import { describe, expect, it } from "vitest";
import { nextVenueStatus, type VenueAction, type VenueStatus } from "./venue-status.js";

describe("nextVenueStatus", () => {
  const cases: [VenueStatus, VenueAction, string | null, VenueStatus | string][] = [
    ["PENDING_RECOGNITION", "RECOGNIZE", null, "RECOGNIZED"],
    ["SUSPENDED", "RECOGNIZE", null, "RECOGNIZED"],
    ["RECOGNIZED", "RECOGNIZE", null, "VENUE_TRANSITION"],
    ["RECOGNIZED", "SUSPEND", "整改", "SUSPENDED"],
    ["RECOGNIZED", "SUSPEND", "  ", "VENUE_REASON_REQUIRED"],
    ["PENDING_RECOGNITION", "SUSPEND", "x", "VENUE_TRANSITION"],
    ["PENDING_RECOGNITION", "REVOKE", "不符合条件", "REVOKED"],
    ["SUSPENDED", "REVOKE", "逾期未整改", "REVOKED"],
    ["REVOKED", "RECOGNIZE", null, "VENUE_TRANSITION"],
    ["REVOKED", "REVOKE", "again", "VENUE_TRANSITION"],
    ["RECOGNIZED", "REVOKE", null, "VENUE_REASON_REQUIRED"],
  ];
  it.each(cases)("%s + %s (%s) → %s", (from, action, reason, expected) => {
    const r = nextVenueStatus(from, action, reason);
    if (r.ok) expect(r.value).toBe(expected);
    else expect(r.reasons.map((x) => x.code)).toEqual([expected]);
  });
});
