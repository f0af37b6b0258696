import { describe, expect, it } from "vitest";
import { billableMinutes, cancellationFeeFen, checkCheckInTime, computeWage, SETTLEMENT_LIFECYCLE } from "./wage-rules.js";

const w = { startsAt: new Date("2026-12-01T00:00:00Z"), endsAt: new Date("2026-12-01T04:00:00Z") };
const at = (hhmm: string, day = "2026-12-01") => new Date(`${day}T${hhmm}:00Z`);
const code = <T>(r: { ok: true; value: T } | { ok: false; reasons: { code: string }[] }) => (r.ok ? r.value : r.reasons[0]!.code);

describe("attendance and wages", () => {
  it.each([
    ["23:29", "2026-11-30", "CHECK_IN_TOO_EARLY"],
    ["23:30", "2026-11-30", true],
    ["03:59", "2026-12-01", true],
    ["04:00", "2026-12-01", "CHECK_IN_TOO_LATE"],
  ])("check-in at %s %s → %s", (t, d, want) => expect(code(checkCheckInTime(at(t, d), w))).toBe(want));

  it.each([
    ["23:40", "04:20", 240], // early and late: capped to the window
    ["00:07", "03:58", 225], // 231 min → 15-minute units
    ["01:00", "01:14", 0],
    ["02:00", "01:00", "CHECK_OUT_BEFORE_IN"],
  ])("in %s out %s → %s minutes", (i, o, want) => {
    const inAt = i.startsWith("23") ? at(i, "2026-11-30") : at(i);
    expect(code(billableMinutes(inAt, at(o), w))).toBe(want);
  });

  it("hours entered past the window are refused when strict", () => {
    expect(code(billableMinutes(at("00:00"), at("05:00"), w, { strict: true }))).toBe("HOURS_OVER_WINDOW");
  });

  it.each([
    [{ unit: "HOUR" as const, rateFen: 2500, minutes: 225 }, 9375],
    [{ unit: "HOUR" as const, rateFen: 2501, minutes: 15 }, 625], // 625.25 → 625
    [{ unit: "DAY" as const, rateFen: 20000, minutes: 240 }, 20000],
    [{ unit: "DAY" as const, rateFen: 20000, minutes: 120 }, 10000],
    [{ unit: "PIECE" as const, rateFen: 150, minutes: 240, pieces: 80 }, 12000],
  ])("wage %j = %i fen", (i, want) => {
    expect(code(computeWage({ windowMinutes: 240, minimumHourlyFen: 2050, ...i }))).toEqual({ wageFen: want, minimumFen: Math.ceil((2050 * i.minutes) / 60) });
  });

  it("pay below the hourly minimum is refused with the figures", () => {
    const r = computeWage({ unit: "PIECE", rateFen: 100, minutes: 240, pieces: 10, windowMinutes: 240, minimumHourlyFen: 2050 });
    expect(r.ok ? null : r.reasons[0]).toMatchObject({ code: "PAY_BELOW_MINIMUM_WAGE" });
    expect(code(computeWage({ unit: "HOUR", rateFen: 2000, minutes: 60, windowMinutes: 240, minimumHourlyFen: 2050 }))).toBe("PAY_BELOW_MINIMUM_WAGE");
    expect(code(computeWage({ unit: "PIECE", rateFen: 100, minutes: 60, pieces: -1, windowMinutes: 240, minimumHourlyFen: 2050 }))).toBe("PIECES_INVALID");
  });

  it("late cancellation pays 4 hours", () => {
    expect(cancellationFeeFen({ unit: "HOUR", rateFen: 2500, windowMinutes: 240, minimumHourlyFen: 2050, hours: 4 })).toBe(10000);
    expect(cancellationFeeFen({ unit: "DAY", rateFen: 24000, windowMinutes: 480, minimumHourlyFen: 2050, hours: 4 })).toBe(12000);
    expect(cancellationFeeFen({ unit: "PIECE", rateFen: 1, windowMinutes: 240, minimumHourlyFen: 2050, hours: 4 })).toBe(8200);
    expect(cancellationFeeFen({ unit: "HOUR", rateFen: 1800, windowMinutes: 240, minimumHourlyFen: 2050, hours: 4 })).toBe(8200); // never below the minimum
    expect(cancellationFeeFen({ unit: "DAY", rateFen: 20000, windowMinutes: 420, minimumHourlyFen: 2050, hours: 4 })).toBe(11428); // 2857.14 → 2857 fen an hour
    expect(cancellationFeeFen({ unit: "HOUR", rateFen: 2500, windowMinutes: 240, minimumHourlyFen: 2050, hours: 0 })).toBe(0);
    expect(() => cancellationFeeFen({ unit: "HOUR", rateFen: 2500, windowMinutes: 240, minimumHourlyFen: 2050, hours: 25 })).toThrow(RangeError);
  });

  it("a dispute needs a reason; paying needs confirmation", () => {
    expect(code(SETTLEMENT_LIFECYCLE.next("SUBMITTED", "DISPUTE", ""))).toBe("SETTLEMENT_REASON_REQUIRED");
    expect(code(SETTLEMENT_LIFECYCLE.next("SUBMITTED", "PAY"))).toBe("SETTLEMENT_TRANSITION");
    expect(code(SETTLEMENT_LIFECYCLE.next("CONFIRMED", "PAY"))).toBe("PAID");
  });
});
