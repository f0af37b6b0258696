import { describe, expect, it } from "vitest";
import type { VenueType } from "../catalog/enums.js";
import { evaluateItem, evaluateVenueYear, formatTenths, starTitle, type EvaluationInput } from "./evaluate.js";
import { nextStarGap } from "./next-star.js";
import { checkPolicy } from "./policy-check.js";
import { DEFAULT_POLICY, policyForYear, type VenueYearMetrics } from "./policy.js";

const P = DEFAULT_POLICY;
const ZERO: VenueYearMetrics = {
  placements: 0, priorityPlacements: 0, onlinePlacements: 0, services: 0, validPostings: 0, recruitmentEvents: 0, guidanceReferrals: 0,
  engagements: 0, signedContracts: 0, completedEngagements: 0, settledEngagements: 0, ledgerCompletePlacements: 0,
  ratings: 0, goodRatings: 0, complaintsClosed: 0, complaintsOnTime: 0,
};
const FULL_ONSITE = { C1: 60, C2: 40, D1: 40, D3: 30 };
const target = (type: VenueType, id: string) => {
  const m = P.rubrics[type].find((i) => i.id === id)!.measure;
  return m.kind === "COUNT" ? m.target : 0;
};

/** Metrics and on-site points that score exactly `tenths` under the 2023 rubric (full on-site, whole items, A3 as the fine knob). */
function inputFor(type: VenueType, tenths: number): EvaluationInput {
  const m = { ...ZERO };
  let left = tenths - 170 - 50; // on-site full, E2 full (no complaints)
  const blocks: [number, () => void][] = [
    [290, () => Object.assign(m, { placements: target(type, "A1"), onlinePlacements: target(type, "A1") })],
    [100, () => Object.assign(m, { priorityPlacements: target(type, "A1") })],
    [50, () => Object.assign(m, { validPostings: target(type, "A4") })],
    [60, () => Object.assign(m, { recruitmentEvents: target(type, "A5") })],
    [60, () => Object.assign(m, { guidanceReferrals: target(type, "A6") })],
    [30, () => Object.assign(m, { completedEngagements: 10, settledEngagements: 10 })],
    [50, () => Object.assign(m, { ratings: 10, goodRatings: 10 })],
    [30, () => Object.assign(m, { engagements: 10, signedContracts: 10 })],
    [30, () => Object.assign(m, { ledgerCompletePlacements: target(type, "A1") })],
  ];
  for (const [value, apply] of blocks) if (value <= left) { apply(); left -= value; }
  if (left > 80) throw new Error(`cannot build ${tenths}`);
  m.services = Math.ceil((left * target(type, "A3")) / 80);
  return { venueType: type, year: 2026, metrics: m, onsite: FULL_ONSITE, vetoes: [], unremediedComplaints: 0 };
}

describe("score → star → grant at every threshold (2023 table)", () => {
  const cases: [VenueType, number, number | null, number | null, number][] = [
    ["MARKET", 699, null, null, 0],
    ["MARKET", 700, 3, 3, 5_000_000],
    ["MARKET", 799, 3, 3, 5_000_000],
    ["MARKET", 800, 4, 4, 8_000_000],
    ["MARKET", 899, 4, 4, 8_000_000],
    ["MARKET", 900, 5, 5, 10_000_000],
    ["STATION", 699, null, null, 0],
    ["STATION", 700, 3, null, 1_000_000],
    ["STATION", 799, 3, null, 1_000_000],
    ["STATION", 800, 4, null, 2_000_000],
    ["STATION", 899, 4, null, 2_000_000],
    ["STATION", 900, 5, null, 3_000_000],
  ];
  it.each(cases)("%s at %i tenths → level %s, star %s, %i fen", (type, tenths, level, star, fen) => {
    const e = evaluateVenueYear(P, inputFor(type, tenths));
    expect(e.scoreTenths).toBe(tenths);
    expect(e.level).toBe(level);
    expect(e.star).toBe(star);
    expect(e.grantFen).toBe(fen);
    expect(e.title).toBe(star ? starTitle(2026, star) : null);
  });

  it("a full market is 100.0, five stars, titled as the plan prescribes", () => {
    const e = evaluateVenueYear(P, inputFor("MARKET", 1000));
    expect(e.scoreTenths).toBe(1000);
    expect(e.title).toBe("泉州市2026年度五星级零工市场");
    expect(formatTenths(e.scoreTenths)).toBe("100.0");
  });
});

describe("item points = points × min(1, actual ÷ target), truncated to one decimal", () => {
  const a1 = P.rubrics.MARKET.find((i) => i.id === "A1")!;
  const a2 = P.rubrics.MARKET.find((i) => i.id === "A2")!;
  const e2 = P.rubrics.MARKET.find((i) => i.id === "E2")!;
  const b2 = P.rubrics.MARKET.find((i) => i.id === "B2")!;
  it.each([
    [0, 0], [1, 0], [2, 1], [237, 197], [299, 249], [300, 250], [900, 250],
  ])("A1 market with %i placements earns %i tenths", (placements, tenths) => {
    expect(evaluateItem(a1, { ...ZERO, placements }, null).earnedTenths).toBe(tenths);
  });
  it("A2 is a share of A1 against 30 %: exact at the boundary", () => {
    expect(evaluateItem(a2, { ...ZERO, placements: 100, priorityPlacements: 30 }, null)).toMatchObject({ earnedTenths: 100, actual: 30 });
    expect(evaluateItem(a2, { ...ZERO, placements: 100, priorityPlacements: 29 }, null)).toMatchObject({ earnedTenths: 96, actual: 29 });
    expect(evaluateItem(a2, { ...ZERO, placements: 3, priorityPlacements: 1 }, null)).toMatchObject({ earnedTenths: 100, actual: 33.3 });
  });
  it("E2 with no complaints earns full points; other ratios with no records earn nothing; unmeasured items say so", () => {
    expect(evaluateItem(e2, ZERO, null)).toMatchObject({ earnedTenths: 50, note: "本年度无此类记录，按满分计" });
    expect(evaluateItem(e2, { ...ZERO, complaintsClosed: 4, complaintsOnTime: 3 }, null).earnedTenths).toBe(37);
    expect(evaluateItem(a2, ZERO, null).earnedTenths).toBe(0);
    expect(evaluateItem(b2, { ...ZERO, engagements: 5, signedContracts: null }, null)).toMatchObject({ earnedTenths: 0, actual: null, note: "暂未接入该项数据" });
  });
  it("on-site items take what the officer entered, clamped to the item's points; none yet earns nothing", () => {
    const c1 = P.rubrics.MARKET.find((i) => i.id === "C1")!;
    expect(evaluateItem(c1, ZERO, { C1: 45 }).earnedTenths).toBe(45);
    expect(evaluateItem(c1, ZERO, { C1: 99 }).earnedTenths).toBe(60);
    expect(evaluateItem(c1, ZERO, null)).toMatchObject({ earnedTenths: 0, note: "待县级人社部门现场考核" });
  });
  it("stations have their own targets (A1 60)", () => {
    const s1 = P.rubrics.STATION.find((i) => i.id === "A1")!;
    expect(evaluateItem(s1, { ...ZERO, placements: 30 }, null).earnedTenths).toBe(125);
  });
});

describe("vetoes and deductions", () => {
  it("fabrication zeroes the score, refuses the grant and asks for reclaim", () => {
    const e = evaluateVenueYear(P, { ...inputFor("MARKET", 950), vetoes: ["FABRICATION"] });
    expect(e).toMatchObject({ scoreTenths: 0, star: null, grantFen: 0, reclaim: true });
    expect(e.rawTenths).toBe(950);
  });
  it.each(["DISCRIMINATION", "FEES_CHARGED", "MAJOR_INCIDENT", "OFFICIAL_CRITICISM"] as const)("%s caps the score at 69.0: no star, no grant", (veto) => {
    const e = evaluateVenueYear(P, { ...inputFor("MARKET", 950), vetoes: [veto] });
    expect(e).toMatchObject({ scoreTenths: 690, star: null, grantFen: 0, reclaim: false });
    const low = evaluateVenueYear(P, { ...inputFor("STATION", 600), vetoes: [veto] });
    expect(low.scoreTenths).toBe(600);
  });
  it.each([[0, 0], [1, 20], [3, 60], [5, 100], [7, 100]])("%i unremedied upheld complaints deduct %i tenths (at most 10 points)", (n, d) => {
    const e = evaluateVenueYear(P, { ...inputFor("MARKET", 905), unremediedComplaints: n });
    expect(e.deductionTenths).toBe(d);
    expect(e.scoreTenths).toBe(905 - d);
  });
  it("a deduction can push a venue under a threshold", () => {
    expect(evaluateVenueYear(P, { ...inputFor("MARKET", 901), unremediedComplaints: 1 }).star).toBe(4);
  });
});

describe("what it takes to reach the next star", () => {
  it("+37 placements at 263 of 300 when A1 alone stands between a market and five stars, and not one fewer", () => {
    // Everything else earns 65.0 (C1 only 2 of 6 on site; B2 and D2 not measured yet); A1 263/300 = 21.9 → 86.9.
    const input: EvaluationInput = {
      venueType: "MARKET", year: 2026, onsite: { ...FULL_ONSITE, C1: 20 }, vetoes: [], unremediedComplaints: 0,
      metrics: { ...ZERO, placements: 263, onlinePlacements: 263, priorityPlacements: 263, services: 3000, validPostings: 1000, recruitmentEvents: 12, guidanceReferrals: 200,
        completedEngagements: 263, settledEngagements: 263, ratings: 10, goodRatings: 10, engagements: 263, signedContracts: null, ledgerCompletePlacements: null },
    };
    expect(evaluateVenueYear(P, input).scoreTenths).toBe(869);
    const gap = nextStarGap(P, input);
    expect(gap).toMatchObject({ level: 5, missingTenths: 31 });
    expect(gap.hints.find((h) => h.metric === "placements")!.needed).toBe(37);
    expect(gap.message).toBe("距5星级还差 3.1 分，例如：+37 人岗位推荐成功");
    const more = (k: number) => ({ ...input, metrics: { ...input.metrics, placements: 263 + k, onlinePlacements: 263 + k, priorityPlacements: 263 + k, completedEngagements: 263 + k, settledEngagements: 263 + k } });
    expect(evaluateVenueYear(P, more(37)).star).toBe(5);
    expect(evaluateVenueYear(P, more(36)).star).toBe(4);
    // Other single items cannot close 3.1 points here (they are full), so placements is the only hint.
    expect(gap.hints.map((h) => h.itemId)).toEqual(["A1"]);
  });
  it("a venue with a veto has no path; the top tier has nowhere to go", () => {
    expect(nextStarGap(P, { ...inputFor("MARKET", 800), vetoes: ["FEES_CHARGED"] }).blockedBy).toBe("向零工收取费用");
    expect(nextStarGap(P, inputFor("MARKET", 950))).toMatchObject({ level: null, blockedBy: "已达最高档" });
  });
  it("below 70 aims at three stars (a grade for stations)", () => {
    expect(nextStarGap(P, inputFor("STATION", 650)).message).toMatch(/^距3档补助还差 5\.0 分/);
  });
});

describe("the policy is data", () => {
  it("the 2023 default passes its own checks, and is the policy of every year until a newer version", () => {
    expect(checkPolicy(P).ok).toBe(true);
    const v2026 = { ...P, version: "2026-v1", effectiveFromYear: 2026 };
    expect(policyForYear([], 2030).version).toBe("2023-default");
    expect(policyForYear([v2026], 2025).version).toBe("2023-default");
    expect(policyForYear([v2026], 2027).version).toBe("2026-v1");
  });
  it("refuses incoherent versions, naming each rule", () => {
    const bad = { ...P, tiers: [P.tiers[1]!, P.tiers[0]!], rubrics: { ...P.rubrics, STATION: P.rubrics.STATION.slice(1) }, noticeWorkingDays: 0 };
    const r = checkPolicy(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons.map((x) => x.code).sort()).toEqual(["POLICY_NOTICE_DAYS", "POLICY_TIERS", "RUBRIC_TOTAL"]);
  });
});
