import { describe, expect, it } from "vitest";
import { checkCalendarYear } from "./calendar-year.js";
import { CN_HOLIDAY_CALENDAR } from "./holidays.js";

describe("checkCalendarYear", () => {
  it("accepts the published 2026 calendar and returns it in date order with trimmed names", () => {
    const rows = CN_HOLIDAY_CALENDAR.filter((r) => r.date.startsWith("2026"));
    const shuffled = [...rows].reverse().map((r) => ({ ...r, name: ` ${r.name}　` }));
    expect(checkCalendarYear(2026, shuffled)).toEqual({ ok: true, value: rows });
  });

  it("accepts an empty year (an officer withdrawing a year entered by mistake)", () => {
    expect(checkCalendarYear(2027, [])).toEqual({ ok: true, value: [] });
  });

  it.each([
    [1999, [], "year", "YEAR_OUT_OF_RANGE"],
    [2101, [], "year", "YEAR_OUT_OF_RANGE"],
    [2026.5, [], "year", "YEAR_OUT_OF_RANGE"],
    [2026, Array.from({ length: 61 }, () => ({ date: "2026-01-01", kind: "HOLIDAY", name: "元旦" })), "days", "TOO_MANY_DAYS"],
    [2026, [{ date: "2027-01-01", kind: "HOLIDAY", name: "元旦" }], "days[0].date", "DATE_NOT_IN_YEAR"],
    [2026, [{ date: "2026-02-30", kind: "HOLIDAY", name: "春节" }], "days[0].date", "DATE_NOT_IN_YEAR"],
    [
      2026,
      [
        { date: "2026-01-01", kind: "HOLIDAY", name: "元旦" },
        { date: "2026-01-01", kind: "HOLIDAY", name: "元旦" },
      ],
      "days[1].date",
      "DATE_DUPLICATE",
    ],
    [2026, [{ date: "2026-01-05", kind: "WORKDAY", name: "调休上班" }], "days[0].kind", "WORKDAY_NOT_WEEKEND"], // a Monday
    [2026, [{ date: "2026-01-01", kind: "FESTIVAL", name: "元旦" }], "days[0].kind", "KIND_UNKNOWN"],
    [2026, [{ date: "2026-01-01", kind: "HOLIDAY", name: "  " }], "days[0].name", "NAME_LENGTH"],
    [2026, [{ date: "2026-01-01", kind: "HOLIDAY", name: "节".repeat(51) }], "days[0].name", "NAME_LENGTH"],
  ])("%s %j → %s %s", (year, days, field, code) => {
    const result = checkCalendarYear(year, days);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons).toContainEqual(expect.objectContaining({ field, code }));
  });
});
