import { describe, expect, it } from "vitest";
import { formatSummary, percentile, SimStats } from "./stats.js";

describe("percentile (nearest rank)", () => {
  it.each([
    [[], 50, Number.NaN],
    [[7], 50, 7],
    [[7], 95, 7],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 50, 2],
    [[1, 2, 3, 4], 95, 4],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
    [Array.from({ length: 100 }, (_, i) => i + 1), 50, 50],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
    [[5, 1, 9], 0, 1],
    [[5, 1, 9], 100, 9],
  ])("%j at p%d is %d", (values, p, expected) => {
    expect(percentile(values, p)).toEqual(expected);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("SimStats", () => {
  it("reports latency per operation, errors by code and by operation", () => {
    const s = new SimStats(0);
    for (const ms of [10, 20, 30, 40, 100]) s.record("acceptOffer", ms);
    s.record("acceptOffer", 5, "CONFLICT", "OFFER_TAKEN");
    s.record("postTask", 50, "BAD_USER_INPUT");
    s.record("postTask", 70);
    const snap = s.snapshot(60_000);
    expect(snap.requests).toBe(8);
    expect(snap.operations.acceptOffer).toEqual({ count: 6, errors: 1, p50Ms: 20, p95Ms: 100, maxMs: 100 });
    expect(snap.operations.postTask).toMatchObject({ count: 2, errors: 1, p50Ms: 50, p95Ms: 70 });
    expect(snap.errorsByCode).toEqual({ BAD_USER_INPUT: 1, CONFLICT: 1 });
    expect(snap.errorsByOperation).toEqual({ "acceptOffer:CONFLICT:OFFER_TAKEN": 1, "postTask:BAD_USER_INPUT": 1 });
  });

  it("computes tasks per minute over the elapsed time and the fill rate over posted seats", () => {
    const s = new SimStats(1_000);
    expect(s.snapshot(1_000)).toMatchObject({ tasksPerMinute: 0, fillRate: null });
    s.count("tasksPosted", 9);
    s.count("seatsPosted", 12);
    s.count("seatsFilled", 9);
    const snap = s.snapshot(31_000);
    expect(snap.elapsedSeconds).toBe(30);
    expect(snap.tasksPerMinute).toBe(18);
    expect(snap.fillRate).toBe(0.75);
    expect(snap.totals.tasksPosted).toBe(9);
    expect(snap.totals.settlementsPaid).toBe(0);
  });

  it("a snapshot is a copy: later counts do not change it", () => {
    const s = new SimStats(0);
    s.count("checkIns");
    const snap = s.snapshot(1000);
    s.count("checkIns");
    expect(snap.totals.checkIns).toBe(1);
    expect(s.total("checkIns")).toBe(2);
  });

  it("formats a summary naming rate, fill, every operation and every error code", () => {
    const s = new SimStats(0);
    s.count("tasksPosted", 2);
    s.count("seatsPosted", 4);
    s.count("seatsFilled", 1);
    s.record("postTask", 12);
    s.record("signContract", 30, "BAD_USER_INPUT");
    const text = formatSummary(s.snapshot(60_000));
    expect(text).toContain("2 tasks/min");
    expect(text).toContain("fill 25%");
    expect(text).toContain("postTask 1× p50 12 p95 12 ms");
    expect(text).toContain("signContract 1× p50 30 p95 30 ms (1 err)");
    expect(text).toContain("errors: BAD_USER_INPUT 1");
  });
});
