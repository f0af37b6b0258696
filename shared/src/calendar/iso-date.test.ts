import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isIsoDate, isLeapYear, toEpochDay, fromEpochDay, addDays, dayOfWeek } from "./iso-date.js";

describe("isIsoDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["1900-02-29", false], // century, not a leap year
    ["2000-02-29", true], // divisible by 400
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-1-01", false],
    ["20250101", false],
    [" 2025-01-01", false],
  ])("%s → %s", (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });

  it("leap years follow the Gregorian rule", () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
  });
});

describe("epoch days", () => {
  it.each([
    ["1970-01-01", 0],
    ["1969-12-31", -1],
    ["2000-03-01", 11017],
    ["2025-01-01", 20089],
    ["0050-06-15", -701100], // a two-digit year stays in the first century
  ])("%s ↔ %i", (s, n) => {
    expect(toEpochDay(s)).toBe(n);
    expect(fromEpochDay(n)).toBe(s);
  });

  it("agrees with Date.UTC over years 1000–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -354285, max: 2932896 }), (n) => {
        expect(fromEpochDay(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(toEpochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });

  it("rejects invalid dates", () => {
    expect(() => toEpochDay("2025-02-30")).toThrow(RangeError);
  });
});

describe("addDays and dayOfWeek", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
  ])("%s + %i = %s", (s, n, expected) => {
    expect(addDays(s, n)).toBe(expected);
  });

  it.each([
    ["1970-01-01", 4],
    ["2025-10-01", 3],
    ["2026-02-14", 6],
    ["2026-02-15", 0],
  ])("%s is weekday %i", (s, w) => {
    expect(dayOfWeek(s)).toBe(w);
  });
});
