// Rubric evaluation (附件6): metrics → item points → score → star → grant, with vetoes and deductions.
// Everything is in integer tenths of a point, so 89.9 and 90.0 are compared exactly.
import type { VenueType } from "../catalog/enums.js";
import { VETO, type VetoCode } from "../catalog/enums.js";
import type { MetricKey, RubricItem, SubsidyPolicy, VenueYearMetrics } from "./policy.js";

/** What the county officer entered after the on-site check: tenths per ONSITE item (C1, C2, D1, D3). */
export type OnsiteScores = Partial<Record<string, number>>;

export interface EvaluationInput {
  venueType: VenueType;
  year: number;
  metrics: VenueYearMetrics;
  /** null: no on-site check yet (those items earn nothing until it is entered). */
  onsite: OnsiteScores | null;
  vetoes: readonly VetoCode[];
  /** Upheld complaints left unremedied (−2 each, at most −10 by default). */
  unremediedComplaints: number;
}

export interface ItemResult {
  id: string;
  name: string;
  /** Maximum points of the item. */
  points: number;
  kind: "COUNT" | "RATIO" | "ONSITE";
  /** COUNT: the count; RATIO: the share in percent with one decimal; ONSITE: points entered; null when not measured. */
  actual: number | null;
  /** COUNT: the target count; RATIO: the target percent; ONSITE: the maximum. */
  target: number;
  numerator: number | null;
  denominator: number | null;
  earnedTenths: number;
  /** Why the item earned what it did, when that needs saying (not measured, no complaints…). */
  note: string | null;
}

export interface Evaluation {
  rubricVersion: string;
  items: ItemResult[];
  /** Sum of item points before deductions and vetoes. */
  rawTenths: number;
  deductionTenths: number;
  scoreTenths: number;
  /** The vetoes applied, with their zh-CN labels. */
  vetoes: { code: VetoCode; label: string; effect: "ZERO" | "CAP" }[];
  /** 5, 4 or 3 when a tier is reached, else null; markets get it as a star title. */
  level: number | null;
  /** Markets only (stations get no star title). */
  star: number | null;
  title: string | null;
  grantFen: number;
  /** FABRICATION: the subsidy is refused and any paid subsidy reclaimed. */
  reclaim: boolean;
}

const STAR_WORD: Record<number, string> = { 5: "五", 4: "四", 3: "三" };

/** The market title the plan prescribes: 泉州市{year}年度{N}星级零工市场. */
export const starTitle = (year: number, star: number): string => `泉州市${year}年度${STAR_WORD[star] ?? star}星级零工市场`;

/** Tenths as the console shows them: 897 → "89.7". */
export const formatTenths = (tenths: number): string => `${Math.trunc(tenths / 10)}.${Math.abs(tenths % 10)}`;

const metric = (m: VenueYearMetrics, key: MetricKey): number | null => m[key];

/** One item's points in tenths: points × min(1, actual ÷ target), truncated to one decimal so rounding never lifts a venue over a threshold. */
export function evaluateItem(item: RubricItem, m: VenueYearMetrics, onsite: OnsiteScores | null): ItemResult {
  const max = item.points * 10;
  const base = { id: item.id, name: item.name, points: item.points };
  const { measure } = item;
  if (measure.kind === "ONSITE") {
    const entered = onsite?.[item.id];
    if (entered == null) return { ...base, kind: "ONSITE", actual: null, target: item.points, numerator: null, denominator: null, earnedTenths: 0, note: "待县级人社部门现场考核" };
    const earned = Math.max(0, Math.min(max, Math.trunc(entered)));
    return { ...base, kind: "ONSITE", actual: earned / 10, target: item.points, numerator: null, denominator: null, earnedTenths: earned, note: null };
  }
  if (measure.kind === "COUNT") {
    const actual = metric(m, measure.metric);
    if (actual == null) return { ...base, kind: "COUNT", actual: null, target: measure.target, numerator: null, denominator: null, earnedTenths: 0, note: "暂未接入该项数据" };
    const earned = Math.min(max, Math.floor((max * actual) / measure.target));
    return { ...base, kind: "COUNT", actual, target: measure.target, numerator: null, denominator: null, earnedTenths: earned, note: null };
  }
  const num = metric(m, measure.numerator);
  const den = metric(m, measure.denominator);
  const ratio = { ...base, kind: "RATIO" as const, target: measure.targetPercent };
  if (num == null || den == null) return { ...ratio, actual: null, numerator: num, denominator: den, earnedTenths: 0, note: "暂未接入该项数据" };
  if (den === 0) {
    const full = measure.whenEmpty === "FULL";
    return { ...ratio, actual: null, numerator: 0, denominator: 0, earnedTenths: full ? max : 0, note: full ? "本年度无此类记录，按满分计" : "本年度无此类记录" };
  }
  // max × (num/den) / (target/100), in integers: exact at every boundary.
  const earned = Math.min(max, Math.floor((max * num * 100) / (den * measure.targetPercent)));
  return { ...ratio, actual: Math.floor((num * 1000) / den) / 10, numerator: num, denominator: den, earnedTenths: earned, note: null };
}

/** The tier a score reaches under the policy, or null below the lowest. */
export function tierFor(policy: SubsidyPolicy, scoreTenths: number) {
  return policy.tiers.find((t) => scoreTenths >= t.minScoreTenths) ?? null;
}

/** Evaluates one venue-year under one policy version. */
export function evaluateVenueYear(policy: SubsidyPolicy, input: EvaluationInput): Evaluation {
  const items = policy.rubrics[input.venueType].map((item) => evaluateItem(item, input.metrics, input.onsite));
  const rawTenths = items.reduce((s, i) => s + i.earnedTenths, 0);
  const deductionTenths = Math.min(policy.deductionMaxTenths, Math.max(0, input.unremediedComplaints) * policy.deductionPerComplaintTenths);
  let scoreTenths = Math.max(0, rawTenths - deductionTenths);
  const vetoes = [...new Set(input.vetoes)].map((code) => ({ code, label: VETO.labels[code], effect: policy.zeroingVetoes.includes(code) ? ("ZERO" as const) : ("CAP" as const) }));
  if (vetoes.some((v) => v.effect === "ZERO")) scoreTenths = 0;
  else if (vetoes.length) scoreTenths = Math.min(scoreTenths, policy.vetoCapTenths);
  const tier = tierFor(policy, scoreTenths);
  const star = tier && input.venueType === "MARKET" ? tier.level : null;
  return {
    rubricVersion: policy.version,
    items,
    rawTenths,
    deductionTenths,
    scoreTenths,
    vetoes,
    level: tier?.level ?? null,
    star,
    title: star ? starTitle(input.year, star) : null,
    grantFen: tier ? tier.grantFen[input.venueType] : 0,
    reclaim: vetoes.some((v) => v.effect === "ZERO"),
  };
}
