import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ageOn, isOlderWorker, OLDER_WORKER_AGE } from "./priority.js";
import { addDays } from "../calendar/iso-date.js";

describe("ageOn", () => {
  it.each([
    ["1990-06-15", "2025-06-14", 34],
    ["1990-06-15", "2025-06-15", 35], // the birthday counts
    ["1990-06-15", "2025-06-16", 35],
    ["1990-06-15", "1990-06-15", 0],
    ["1990-06-15", "1990-06-14", -1],
    ["2000-02-29", "2025-02-28", 24],
    ["2000-02-29", "2025-03-01", 25], // leap-day birthday reached on 1 March in a common year
    ["2000-02-29", "2024-02-29", 24],
    ["1975-12-31", "2026-01-01", 50],
  ])("born %s, on %s → %i", (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it("rejects invalid dates", () => {
    expect(() => ageOn("1990-02-30", "2025-01-01")).toThrow(RangeError);
    expect(() => ageOn("1990-01-01", "2025/01/01")).toThrow(RangeError);
  });

  it("is never more than the day count allows and grows by one a year", () => {
    const day = fc.integer({ min: 0, max: 60_000 }).map((d) => addDays("1900-01-01", d));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40_000 }), (birth, after) => {
        const age = ageOn(birth, addDays(birth, after));
        expect(age).toBeGreaterThanOrEqual(0);
        expect(age * 365).toBeLessThanOrEqual(after);
        expect(ageOn(birth, addDays(birth, after + 366))).toBeGreaterThanOrEqual(age + 1);
      }),
    );
  });
});

describe("isOlderWorker", () => {
  it("uses the 4050 thresholds", () => {
    expect(OLDER_WORKER_AGE).toEqual({ MALE: 50, FEMALE: 40 });
  });

  it.each([
    ["MALE", "1975-06-15", "2025-06-14", false],
    ["MALE", "1975-06-15", "2025-06-15", true],
    ["MALE", "1985-06-15", "2025-06-15", false],
    ["FEMALE", "1985-06-15", "2025-06-14", false],
    ["FEMALE", "1985-06-15", "2025-06-15", true],
    ["FEMALE", "1960-01-01", "2025-06-15", true],
    ["FEMALE", "2000-01-01", "2025-06-15", false],
  ] as const)("%s born %s on %s → %s", (gender, birth, on, expected) => {
    expect(isOlderWorker(gender, birth, on)).toBe(expected);
  });
});
