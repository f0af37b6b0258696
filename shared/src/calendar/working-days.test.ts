import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { CN_HOLIDAY_CALENDAR } from "./holidays.js";
import { addDays, toEpochDay } from "./iso-date.js";
import { addWorkingDays, calendarFrom, isWorkingDay, shanghaiDate } from "./working-days.js";

const cal = calendarFrom(CN_HOLIDAY_CALENDAR);

describe("calendarFrom", () => {
  it("keys every row by date", () => {
    expect(cal.size).toBe(CN_HOLIDAY_CALENDAR.length);
    expect(cal.get("2026-02-14")).toBe("WORKDAY");
  });

  it("rejects a date listed as both kinds, and invalid dates", () => {
    expect(() =>
      calendarFrom([
        { date: "2026-01-01", kind: "HOLIDAY" },
        { date: "2026-01-01", kind: "WORKDAY" },
      ]),
    ).toThrow(RangeError);
    expect(() => calendarFrom([{ date: "2026-02-30", kind: "HOLIDAY" }])).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-02-14", true], // Saturday, 春节调休上班
    ["2026-02-16", false], // Monday, 春节
    ["2026-02-15", false], // Sunday and holiday
    ["2026-02-24", true], // Tuesday after the break
    ["2026-02-28", true], // Saturday, 调休上班
    ["2025-10-08", false], // Wednesday, 国庆节、中秋节
    ["2025-10-11", true], // Saturday, 调休上班
    ["2025-10-12", false], // ordinary Sunday
    ["2025-10-13", true], // ordinary Monday
    ["2027-01-02", false], // Saturday outside the data: plain week
    ["2027-01-04", true],
  ])("%s → %s", (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it("uses Monday–Friday with an empty calendar", () => {
    expect(isWorkingDay("2026-02-16", new Map())).toBe(true);
    expect(isWorkingDay("2026-02-14", new Map())).toBe(false);
  });

  it("rejects an invalid date", () => {
    expect(() => isWorkingDay("2026-13-01", cal)).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2025-09-30", 1, "2025-10-09"], // over 国庆节、中秋节
    ["2025-09-26", 1, "2025-09-28"], // Friday → Sunday make-up day
    ["2025-09-30", 0, "2025-09-30"], // n = 0 on a working day: the day itself
    ["2025-10-01", 0, "2025-10-09"], // n = 0 on a holiday: the next working day
    ["2025-10-01", 1, "2025-10-09"],
    ["2025-10-01", 2, "2025-10-10"],
    ["2025-10-01", 3, "2025-10-11"], // Saturday make-up day
    ["2025-10-01", 4, "2025-10-13"],
    ["2026-02-13", 1, "2026-02-14"],
    ["2026-02-14", 1, "2026-02-24"],
    ["2026-02-13", 6, "2026-02-28"], // 02-14, 02-24..27, Saturday 02-28
    ["2026-02-13", 7, "2026-03-02"],
    ["2025-12-31", 1, "2026-01-04"], // over 元旦 (01-01..03) to the Sunday make-up day
  ])("%s + %i working days = %s", (date, n, expected) => {
    expect(addWorkingDays(date, n, cal)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])("rejects n = %s", (n) => {
    expect(() => addWorkingDays("2025-01-01", n, cal)).toThrow(RangeError);
  });

  it("always lands on a working day, never before the input, with exactly n working days passed", () => {
    const date = fc.integer({ min: 0, max: 900 }).map((d) => addDays("2024-12-01", d));
    fc.assert(
      fc.property(date, fc.nat(40), (d, n) => {
        const result = addWorkingDays(d, n, cal);
        expect(isWorkingDay(result, cal)).toBe(true);
        expect(result >= d).toBe(true);
        if (n > 0) {
          let passed = 0;
          for (let x = addDays(d, 1); x <= result; x = addDays(x, 1)) if (isWorkingDay(x, cal)) passed++;
          expect(passed).toBe(n);
          expect(result > d).toBe(true);
        }
        // One more working day moves strictly forward (n = 0 and n = 1 coincide only on a non-working day).
        const next = addWorkingDays(d, n + 1, cal);
        expect(next > result || (n === 0 && next === result && !isWorkingDay(d, cal))).toBe(true);
      }),
    );
  });
});

describe("shanghaiDate", () => {
  it.each([
    ["2025-12-31T15:59:59.999Z", "2025-12-31"],
    ["2025-12-31T16:00:00.000Z", "2026-01-01"], // midnight in Shanghai
    ["2026-02-16T23:00:00-05:00", "2026-02-17"], // 04:00Z → 12:00 in Shanghai
    ["1969-12-31T16:00:00Z", "1970-01-01"],
    ["1969-12-31T15:59:59Z", "1969-12-31"],
  ])("%s → %s", (iso, expected) => {
    expect(shanghaiDate(new Date(iso))).toBe(expected);
  });

  it("rejects an invalid Date", () => {
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("matches the UTC date eight hours later", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        const expected = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(shanghaiDate(new Date(ms))).toBe(expected);
        expect(toEpochDay(shanghaiDate(new Date(ms)))).toBe(Math.floor((ms + 8 * 3_600_000) / 86_400_000));
      }),
    );
  });
});
