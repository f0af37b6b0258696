import { describe, expect, it } from "vitest";
import { checkReconfirm, isUnconfirmedPastDeadline, reconfirmSchedule } from "./reconfirm.js";
import type { EngagementStatus } from "../catalog/enums.js";

const s = { reconfirmHours: 2, reconfirmReminderHours: 12 };
const start = new Date("2026-12-01T01:00:00Z"); // 09:00 in Quanzhou
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);

describe("reconfirmation before the start (到岗确认)", () => {
  it.each<[string, number, number, number, boolean]>([
    // accepted (h before start), remind (h before), deadline (h before), confirmed on accept
    ["two days ahead: reminder 12 h before, deadline 2 h before", 48, 12, 2, false],
    ["5 h ahead: the reminder is due at once", 5, 5, 2, false],
    ["exactly at the deadline: the accept is the confirmation", 2, 2, 2, true],
    ["1 h ahead (a backfill): the accept is the confirmation", 1, 1, 2, true],
  ])("%s", (_, acceptedBefore, remindBefore, deadlineBefore, confirmedOnAccept) => {
    const schedule = reconfirmSchedule(start, hoursBefore(acceptedBefore), s);
    expect(schedule).toEqual({ remindAt: hoursBefore(remindBefore), deadline: hoursBefore(deadlineBefore), confirmedOnAccept });
  });

  it.each<[string, EngagementStatus, number, string]>([
    ["ACTIVE well before the deadline", "ACTIVE", 10, "confirm"],
    ["ACTIVE one minute before the deadline", "ACTIVE", 2 + 1 / 60, "confirm"],
    ["ACTIVE at the deadline", "ACTIVE", 2, "RECONFIRM_DEADLINE_PASSED"],
    ["ACTIVE after the start", "ACTIVE", -1, "RECONFIRM_DEADLINE_PASSED"],
    ["CONFIRMED already (a second tap)", "CONFIRMED", 10, "already"],
    ["withdrawn", "WITHDRAWN", 10, "ENGAGEMENT_NOT_ACTIVE"],
    ["cancelled by the employer", "CANCELLED", 10, "ENGAGEMENT_NOT_ACTIVE"],
  ])("%s → %s", (_, status, hours, expected) => {
    const r = checkReconfirm({ status, startsAt: start }, hoursBefore(hours), s);
    expect(r.ok ? r.value : r.reasons.map((x) => x.code).join()).toBe(expected);
  });

  it.each<[EngagementStatus, number, boolean]>([
    ["ACTIVE", 3, false],
    ["ACTIVE", 2, true],
    ["ACTIVE", 0.5, true],
    ["ACTIVE", 0, false], // started: attendance decides now, not the reconfirmation
    ["CONFIRMED", 1, false],
    ["WITHDRAWN", 1, false],
  ])("%s %f h before the start is released: %s", (status, hours, released) => {
    expect(isUnconfirmedPastDeadline({ status, startsAt: start }, hoursBefore(hours), s)).toBe(released);
  });
});
