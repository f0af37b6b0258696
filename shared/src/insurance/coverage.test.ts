import { describe, expect, it } from "vitest";
import { coverageStatus, coversDay } from "./coverage.js";

const window = { coverFrom: new Date("2026-11-27T23:00:00Z"), coverTo: new Date("2026-11-28T03:00:00Z") };
const taken = new Date("2026-11-26T02:00:00Z");
const paid = new Date("2026-11-28T06:00:00Z");

describe("零工保 coverage", () => {
  it.each([
    ["nothing recorded", { takenAt: null, paidAt: null }, "NOT_RECORDED"],
    ["taken, not paid", { takenAt: taken, paidAt: null }, "TAKEN_NOT_PAID"],
    ["taken and paid", { takenAt: taken, paidAt: paid }, "COVERED"],
  ] as const)("%s → %s", (_n, facts, expected) => {
    expect(coverageStatus({ ...window, ...facts })).toBe(expected);
  });

  it("covers the Shanghai days of the work window only, and only when paid on the platform", () => {
    const f = { ...window, takenAt: taken, paidAt: paid };
    // 23:00 UTC on the 27th is 07:00 on the 28th in Shanghai.
    expect(coversDay(f, "2026-11-27")).toBe(false);
    expect(coversDay(f, "2026-11-28")).toBe(true);
    expect(coversDay(f, "2026-11-29")).toBe(false);
    expect(coversDay({ ...f, paidAt: null }, "2026-11-28")).toBe(false);
  });
});
