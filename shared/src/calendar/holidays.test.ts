import { describe, it, expect } from "vitest";
import { CN_HOLIDAY_CALENDAR } from "./holidays.js";
import { dayOfWeek, isIsoDate } from "./iso-date.js";

const isWeekend = (d: string) => [0, 6].includes(dayOfWeek(d));
const dates = (kind: "HOLIDAY" | "WORKDAY", year: string) =>
  CN_HOLIDAY_CALENDAR.filter((r) => r.kind === kind && r.date.startsWith(year)).map((r) => r.date);

describe("CN_HOLIDAY_CALENDAR", () => {
  it("has valid, unique dates in ascending order", () => {
    const all = CN_HOLIDAY_CALENDAR.map((r) => r.date);
    expect(all.every(isIsoDate)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
  });

  it("makes every make-up workday a weekend day (调休上班 only moves weekends)", () => {
    for (const d of dates("WORKDAY", "")) expect(isWeekend(d)).toBe(true);
  });

  it.each([
    // [year, holiday days, make-up workdays] as counted from each notice
    ["2025", 1 + 8 + 3 + 5 + 3 + 8, ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]],
    [
      "2026",
      3 + 9 + 3 + 5 + 3 + 3 + 7,
      ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ],
  ])("%s has %i holiday days and the published make-up workdays", (year, holidays, workdays) => {
    expect(dates("HOLIDAY", year)).toHaveLength(holidays);
    expect(dates("WORKDAY", year)).toEqual(workdays);
  });

  it.each([
    ["2025-01-28", "春节"],
    ["2025-10-06", "国庆节、中秋节"],
    ["2026-02-23", "春节"],
    ["2026-09-25", "中秋节"],
    ["2026-10-07", "国庆节"],
  ])("%s is a holiday (%s)", (date, name) => {
    expect(CN_HOLIDAY_CALENDAR.find((r) => r.date === date)).toEqual({ date, kind: "HOLIDAY", name });
  });
});
