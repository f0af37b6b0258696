import { describe, expect, it } from "vitest";
import { DEFAULT_REACH, reachMeters, travelMinutes, widestReachMeters } from "./reach.js";
import { checkRankingWeights, DEFAULT_RANKING_WEIGHTS, factorValues, rankCandidates, scoreCandidate, waveSize, type Candidate } from "./ranking.js";
import { checkTaskDraft, TASK_LIFECYCLE, type TaskDraft } from "./task-rules.js";
import { freshWaveRound, OFFER_LIFECYCLE, waveRoundRunOut } from "./offer-rules.js";

describe("reach: the 1-hour circle", () => {
  it.each([
    ["WALK", 60, 3846],
    ["BICYCLE", 60, 9231],
    ["EBIKE", 60, 11538],
    ["TRANSIT", 60, 15385],
    ["CAR", 60, 23077],
    ["EBIKE", 30, 5769],
  ] as const)("%s for %i min reaches %i m in a straight line", (mode, minutes, metres) => {
    expect(Math.round(reachMeters(mode, minutes))).toBe(metres);
  });

  it("travel time is the inverse of reach, rounded up", () => {
    expect(travelMinutes(reachMeters("EBIKE", 45), "EBIKE")).toBe(45);
    expect(travelMinutes(1000, "WALK")).toBe(16); // 1.3 km at 5 km/h = 15.6 min
    expect(widestReachMeters(60)).toBeCloseTo(reachMeters("CAR", 60));
    expect(DEFAULT_REACH.detourFactor).toBe(1.3);
  });
});

const base: Candidate = {
  workerId: "w",
  distanceMeters: 2000,
  reachMeters: 10_000,
  skillLevel: 3,
  requiredLevel: 1,
  completedCount: 0,
  noShowCount: 0,
  lateWithdrawalCount: 0,
  ratingSum: 0,
  ratingCount: 0,
  hoursLast7Days: 0,
  older: false,
  hardToEmploy: false,
  zeroEmploymentFamily: false,
};

describe("ranking", () => {
  it.each<[string, Partial<Candidate>, keyof ReturnType<typeof factorValues>, number]>([
    ["at the door", { distanceMeters: 0 }, "proximity", 1],
    ["at the edge of reach", { distanceMeters: 10_000 }, "proximity", 0],
    ["half way", { distanceMeters: 5_000 }, "proximity", 0.5],
    ["exactly the level asked", { skillLevel: 2, requiredLevel: 2 }, "skill", 0.5],
    ["top level", { skillLevel: 5, requiredLevel: 2 }, "skill", 1],
    ["level 5 asked and held", { skillLevel: 5, requiredLevel: 5 }, "skill", 1],
    ["newcomer", {}, "reliability", 0.8],
    ["20 done, none missed", { completedCount: 20 }, "reliability", 24 / 25],
    ["one no-show in 4", { completedCount: 3, noShowCount: 1 }, "reliability", 7 / 10],
    ["one late withdrawal in 4", { completedCount: 3, lateWithdrawalCount: 1 }, "reliability", 7 / 9],
    ["no ratings yet", {}, "rating", 0.5],
    ["ten 5-star ratings", { ratingSum: 50, ratingCount: 10 }, "rating", (56 / 12 - 1) / 4],
    ["idle this week", { hoursLast7Days: 0 }, "fairness", 1],
    ["full week", { hoursLast7Days: 40 }, "fairness", 0],
    ["over a full week", { hoursLast7Days: 60 }, "fairness", 0],
    ["大龄", { older: true }, "priority", 1],
    ["就业困难人员", { hardToEmploy: true }, "priority", 1],
    ["零就业家庭", { zeroEmploymentFamily: true }, "priority", 1],
    ["no group", {}, "priority", 0],
  ])("%s → %s = %f", (_name, patch, factor, expected) => {
    expect(factorValues({ ...base, ...patch })[factor]).toBeCloseTo(expected, 6);
  });

  it("the breakdown is the weighted factors and adds up to the total", () => {
    const s = scoreCandidate({ ...base, older: true });
    expect(s.priority).toBe(DEFAULT_RANKING_WEIGHTS.priority);
    const sum = s.proximity + s.skill + s.reliability + s.rating + s.fairness + s.priority;
    expect(s.total).toBeCloseTo(sum, 3);
    expect(checkRankingWeights(DEFAULT_RANKING_WEIGHTS)).toEqual([]);
    expect(checkRankingWeights({ ...DEFAULT_RANKING_WEIGHTS, priority: 0.5 })).toEqual(["weights sum to 1.35, not 1"]);
  });

  it("ranks nearer, fairer and priority workers first; ties go to the nearer one, then by id", () => {
    const ranked = rankCandidates([
      { ...base, workerId: "far", distanceMeters: 9_000 },
      { ...base, workerId: "near", distanceMeters: 500 },
      { ...base, workerId: "busy-near", distanceMeters: 500, hoursLast7Days: 40 },
      { ...base, workerId: "older-mid", distanceMeters: 4_000, older: true },
      { ...base, workerId: "a-twin", distanceMeters: 3_000 },
      { ...base, workerId: "b-twin", distanceMeters: 3_000 },
    ]);
    expect(ranked.map((r) => r.candidate.workerId)).toEqual(["older-mid", "near", "a-twin", "b-twin", "busy-near", "far"]);
  });

  it("a wave offers three per open seat, at most 20", () => {
    expect([0, 1, 3, 6, 7, 100].map((n) => waveSize(n))).toEqual([0, 3, 9, 18, 20, 20]);
  });
});

describe("task drafts", () => {
  const now = new Date("2026-11-27T02:00:00Z");
  const draft: TaskDraft = {
    startsAt: new Date("2026-11-28T00:00:00Z"),
    endsAt: new Date("2026-11-28T04:00:00Z"),
    headcount: 3,
    payRateFen: 2500,
    payUnit: "HOUR",
    lat: 24.9,
    lng: 118.6,
    maxTravelMinutes: 60,
    requiredLevel: 1,
  };
  const codes = (patch: Partial<TaskDraft>) => {
    const r = checkTaskDraft({ ...draft, ...patch }, now);
    return r.ok ? r.value.flags.map((f) => f.code) : r.reasons.map((x) => x.code);
  };

  it.each<[string, Partial<TaskDraft>, string[]]>([
    ["a valid 4-hour shift", {}, []],
    ["a start in the past", { startsAt: new Date("2026-11-27T01:00:00Z"), endsAt: new Date("2026-11-27T05:00:00Z") }, ["TASK_START_IN_PAST"]],
    ["an end before the start", { endsAt: new Date("2026-11-27T23:00:00Z") }, ["TASK_END_BEFORE_START"]],
    ["a 25-hour window", { endsAt: new Date("2026-11-29T01:00:00Z") }, ["TASK_WINDOW_TOO_LONG"]],
    ["a start four months out", { startsAt: new Date("2027-03-28T00:00:00Z"), endsAt: new Date("2027-03-28T04:00:00Z") }, ["TASK_START_TOO_FAR"]],
    ["headcount 0", { headcount: 0 }, ["TASK_HEADCOUNT"]],
    ["headcount 501", { headcount: 501 }, ["TASK_HEADCOUNT"]],
    ["negative pay", { payRateFen: -1 }, ["TASK_PAY_INVALID"]],
    ["fractional fen", { payRateFen: 20.5 }, ["TASK_PAY_INVALID"]],
    ["the box is coarse: it catches gross errors (Xiamen's centre passes)", { lat: 24.48, lng: 118.09 }, []],
    ["Beijing", { lat: 39.9, lng: 116.4 }, ["TASK_OUTSIDE_QUANZHOU"]],
    ["NaN location", { lat: Number.NaN }, ["TASK_OUTSIDE_QUANZHOU"]],
    ["travel 0 minutes", { maxTravelMinutes: 0 }, ["TASK_TRAVEL_MINUTES"]],
    ["skill level 6", { requiredLevel: 6 }, ["TASK_SKILL_LEVEL"]],
    ["an 8-hour shift is flagged, not refused", { endsAt: new Date("2026-11-28T08:00:00Z") }, ["PART_TIME_DAILY_HOURS"]],
  ])("%s → %j", (_name, patch, expected) => {
    expect(codes(patch)).toEqual(expected);
  });
});

describe("task and offer lifecycles", () => {
  it("a filled task reopens when a seat frees up, and cannot be cancelled once started", () => {
    expect(TASK_LIFECYCLE.next("FILLED", "REOPEN")).toEqual({ ok: true, value: "OPEN" });
    expect(TASK_LIFECYCLE.next("IN_PROGRESS", "CANCEL", "天气").ok).toBe(false);
    expect(TASK_LIFECYCLE.next("OPEN", "CANCEL", "").ok).toBe(false);
  });
  it("only an outstanding offer can be answered", () => {
    expect(OFFER_LIFECYCLE.next("OFFERED", "ACCEPT")).toEqual({ ok: true, value: "ACCEPTED" });
    expect(OFFER_LIFECYCLE.next("EXPIRED", "ACCEPT").ok).toBe(false);
  });
});

describe("wave rounds", () => {
  it("a round runs out after N waves from its start; new demand starts the next round after the last wave sent", () => {
    expect([0, 2, 3, 5].map((wave) => waveRoundRunOut({ wave, waveRoundStart: 0 }, 3))).toEqual([false, false, true, true]);
    const next = freshWaveRound({ wave: 3 });
    expect(next).toEqual({ waveRoundStart: 3, manualDispatchAt: null });
    expect(waveRoundRunOut({ wave: 3, ...next }, 3)).toBe(false);
    expect(waveRoundRunOut({ wave: 6, ...next }, 3)).toBe(true);
  });
});
