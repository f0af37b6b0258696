import { describe, expect, it } from "vitest";
import { exceedsPartTimeWeek, partTimeWeekOf } from "./part-time-week.js";

describe("part-time 24-hour week (劳动合同法 §68)", () => {
  it.each([
    // Shanghai is UTC+8: Sunday 23:59 Shanghai is still the old week, Monday 00:00 the new one.
    ["2026-11-29T15:59:00Z", "2026-11-23", "2026-11-29"], // Sun 29 Nov 23:59 Shanghai
    ["2026-11-29T16:00:00Z", "2026-11-30", "2026-12-06"], // Mon 30 Nov 00:00 Shanghai
    ["2026-11-30T02:00:00Z", "2026-11-30", "2026-12-06"], // Mon 10:00
    ["2026-12-03T10:00:00Z", "2026-11-30", "2026-12-06"], // Thu 18:00
    ["2027-01-01T01:00:00Z", "2026-12-28", "2027-01-03"], // a week across the new year
    ["2024-02-29T04:00:00Z", "2024-02-26", "2024-03-03"], // leap day
  ])("%s falls in the week %s – %s", (at, start, end) => {
    expect(partTimeWeekOf(new Date(at))).toEqual({ weekStart: start, weekEnd: end });
  });

  it.each([
    [0, false],
    [23 * 60 + 45, false],
    [24 * 60, false],
    [24 * 60 + 15, true],
    [40 * 60, true],
  ])("%i approved minutes in a week → over the limit: %s", (minutes, over) => {
    expect(exceedsPartTimeWeek(minutes)).toBe(over);
  });
});
