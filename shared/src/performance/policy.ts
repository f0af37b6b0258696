// The yearly subsidy policy as data (issue 9): rubric per venue type, star tiers and grants, the six-month
// rule, the public-notice period, vetoes and deductions. The 2023 plan (泉人社规〔2023〕5号) and
// policy/rubric.md give the first version; a city officer enters a newer one, effective from a given year.
import type { VenueType, VetoCode } from "../catalog/enums.js";

/** Every metric the platform measures for a venue-year (integers; null = not measured yet). */
export interface VenueYearMetrics {
  /** A1 岗位推荐成功人数: paid placements, one worker × employer × day counted once. */
  placements: number;
  /** A2: of A1, workers in a priority group (大龄, 就业困难人员, 零就业家庭). */
  priorityPlacements: number;
  /** B1: of A1, placements through platform dispatch, grab or proxy. */
  onlinePlacements: number;
  /** A3 服务人次 recorded by staff. */
  services: number;
  /** A4 valid postings: tasks through the venue not cancelled and not expired unfilled. */
  validPostings: number;
  /** A5 招聘会 and 直播带岗 events. */
  recruitmentEvents: number;
  /** A6 职业指导 and 技能培训 referrals. */
  guidanceReferrals: number;
  /** B2: engagements, and those with a SIGNED contract (null until the contracts module reports). */
  engagements: number;
  signedContracts: number | null;
  /** B3: completed engagements and those settled (PAID) on the platform. */
  completedEngagements: number;
  settledEngagements: number;
  /** D2: placements with dispatch record, contract and follow-up call (null until follow-up calls are recorded). */
  ledgerCompletePlacements: number | null;
  /** E1: ratings of the venue's jobs, and those of 4 or 5 stars. */
  ratings: number;
  goodRatings: number;
  /** E2: complaints about the venue's jobs closed, and those closed within their SLA. */
  complaintsClosed: number;
  complaintsOnTime: number;
}

export type MetricKey = keyof VenueYearMetrics;

/** How an item is measured. Targets are per venue type because each type has its own rubric. */
export type RubricMeasure =
  | { kind: "COUNT"; metric: MetricKey; target: number }
  | {
      kind: "RATIO";
      numerator: MetricKey;
      denominator: MetricKey;
      /** Target share in percent (30 = 30 %). */
      targetPercent: number;
      /** Points when the denominator is 0: E2 "no complaints: full points", the others nothing. */
      whenEmpty: "FULL" | "ZERO";
    }
  /** Entered by the county officer after the on-site check (附件6), 0..points. */
  | { kind: "ONSITE" };

export interface RubricItem {
  id: string;
  name: string;
  points: number;
  measure: RubricMeasure;
}

export interface PerformanceTier {
  /** Lowest score of the tier, in tenths (900 = 90.0). */
  minScoreTenths: number;
  /** 5, 4 or 3: the star for markets, the grade for stations. */
  level: number;
  grantFen: Record<VenueType, number>;
}

export interface SubsidyPolicy {
  /** Human-readable version id kept with every result, e.g. "2023-default". */
  version: string;
  /** The first assessment year it applies to. */
  effectiveFromYear: number;
  /** The document it comes from. */
  source: string;
  /** Assessment date as MM-DD (11-30): the year's score is frozen then; the assessment year ends on it. */
  assessmentDate: string;
  /** Recognised at least this many months before the assessment date (满半年). */
  minRecognisedMonths: number;
  /** 公示 length in working days. */
  noticeWorkingDays: number;
  oneTimeGrantFen: Record<VenueType, number>;
  /** Highest first. */
  tiers: PerformanceTier[];
  /** Score cap (tenths) for the capping vetoes: 69 = no star, no grant. */
  vetoCapTenths: number;
  /** Vetoes that zero the score; the others cap it. */
  zeroingVetoes: VetoCode[];
  /** Per upheld complaint left unremedied, and at most, in tenths. */
  deductionPerComplaintTenths: number;
  deductionMaxTenths: number;
  rubrics: Record<VenueType, RubricItem[]>;
}

const CNY = 100; // fen per yuan

/** The rubric of policy/rubric.md with a market's (M) or a station's (S) targets. */
function rubric2023(t: { a1: number; a3: number; a4: number; a5: number; a6: number }): RubricItem[] {
  return [
    { id: "A1", name: "岗位推荐成功人数", points: 25, measure: { kind: "COUNT", metric: "placements", target: t.a1 } },
    { id: "A2", name: "重点群体推荐成功占比", points: 10, measure: { kind: "RATIO", numerator: "priorityPlacements", denominator: "placements", targetPercent: 30, whenEmpty: "ZERO" } },
    { id: "A3", name: "服务人次", points: 8, measure: { kind: "COUNT", metric: "services", target: t.a3 } },
    { id: "A4", name: "有效岗位信息", points: 5, measure: { kind: "COUNT", metric: "validPostings", target: t.a4 } },
    { id: "A5", name: "招聘活动场次", points: 6, measure: { kind: "COUNT", metric: "recruitmentEvents", target: t.a5 } },
    { id: "A6", name: "职业指导和技能培训推荐", points: 6, measure: { kind: "COUNT", metric: "guidanceReferrals", target: t.a6 } },
    { id: "B1", name: "线上派单占比", points: 4, measure: { kind: "RATIO", numerator: "onlinePlacements", denominator: "placements", targetPercent: 60, whenEmpty: "ZERO" } },
    { id: "B2", name: "电子合同签订率", points: 3, measure: { kind: "RATIO", numerator: "signedContracts", denominator: "engagements", targetPercent: 80, whenEmpty: "ZERO" } },
    { id: "B3", name: "线上结算率", points: 3, measure: { kind: "RATIO", numerator: "settledEngagements", denominator: "completedEngagements", targetPercent: 80, whenEmpty: "ZERO" } },
    { id: "C1", name: "场地与设施", points: 6, measure: { kind: "ONSITE" } },
    { id: "C2", name: "开放时间与人员在岗", points: 4, measure: { kind: "ONSITE" } },
    { id: "D1", name: "制度公开", points: 4, measure: { kind: "ONSITE" } },
    { id: "D2", name: "台账完整", points: 3, measure: { kind: "RATIO", numerator: "ledgerCompletePlacements", denominator: "placements", targetPercent: 95, whenEmpty: "ZERO" } },
    { id: "D3", name: "安全与秩序", points: 3, measure: { kind: "ONSITE" } },
    { id: "E1", name: "服务满意度", points: 5, measure: { kind: "RATIO", numerator: "goodRatings", denominator: "ratings", targetPercent: 90, whenEmpty: "ZERO" } },
    { id: "E2", name: "投诉按时办结率", points: 5, measure: { kind: "RATIO", numerator: "complaintsOnTime", denominator: "complaintsClosed", targetPercent: 100, whenEmpty: "FULL" } },
  ];
}

/** The plan's own figures (泉人社规〔2023〕5号) and the first rubric: the default for every year until replaced. */
export const DEFAULT_POLICY: SubsidyPolicy = {
  version: "2023-default",
  effectiveFromYear: 2023,
  source: "泉人社规〔2023〕5号；policy/rubric.md",
  assessmentDate: "11-30",
  minRecognisedMonths: 6,
  noticeWorkingDays: 5,
  oneTimeGrantFen: { MARKET: 60_000 * CNY, STATION: 30_000 * CNY },
  tiers: [
    { minScoreTenths: 900, level: 5, grantFen: { MARKET: 100_000 * CNY, STATION: 30_000 * CNY } },
    { minScoreTenths: 800, level: 4, grantFen: { MARKET: 80_000 * CNY, STATION: 20_000 * CNY } },
    { minScoreTenths: 700, level: 3, grantFen: { MARKET: 50_000 * CNY, STATION: 10_000 * CNY } },
  ],
  vetoCapTenths: 690,
  zeroingVetoes: ["FABRICATION"],
  deductionPerComplaintTenths: 20,
  deductionMaxTenths: 100,
  rubrics: {
    MARKET: rubric2023({ a1: 300, a3: 3000, a4: 1000, a5: 12, a6: 200 }),
    STATION: rubric2023({ a1: 60, a3: 600, a4: 200, a5: 4, a6: 50 }),
  },
};

/** The version in force for an assessment year: the newest effective at or before it, else the default. */
export function policyForYear(versions: readonly SubsidyPolicy[], year: number): SubsidyPolicy {
  let best: SubsidyPolicy | null = null;
  for (const v of versions) if (v.effectiveFromYear <= year && (!best || v.effectiveFromYear > best.effectiveFromYear)) best = v;
  return best ?? DEFAULT_POLICY;
}
