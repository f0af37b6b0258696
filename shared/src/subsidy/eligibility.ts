// Who may receive a subsidy (泉人社规〔2023〕5号 二(二)、(四)): recognised and working at least six months by
// the assessment date, not revoked, not inside a government purchase-of-service period in the assessment
// year, and the one-time operating subsidy once per venue. Every refusal names its rule.
import type { VenueType } from "../catalog/enums.js";
import { addDays, daysInMonth, formatIsoDate } from "../calendar/iso-date.js";
import type { Reason } from "../result.js";
import type { SubsidyPolicy } from "../performance/policy.js";

export interface AssessmentPeriod {
  /** First day (the day after the previous assessment date). */
  startsOn: string;
  /** The assessment date itself (30 Nov by default). */
  endsOn: string;
}

/** The assessment year Y runs from the day after Y−1's assessment date through Y's (1 Dec Y−1 … 30 Nov Y). */
export function assessmentPeriod(year: number, assessmentDate = "11-30"): AssessmentPeriod {
  const endsOn = `${year}-${assessmentDate}`;
  return { startsOn: addDays(`${year - 1}-${assessmentDate}`, 1), endsOn };
}

/** The assessment year a Shanghai business date counts toward (a December date counts toward next year). */
export function assessmentYearOf(date: string, assessmentDate = "11-30"): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) > assessmentDate ? year + 1 : year;
}

/** The date `months` calendar months before `date`, clamped to the month's end (31 Aug − 6 → 28/29 Feb). */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) - months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return formatIsoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export interface VenueFacts {
  type: VenueType;
  status: "PENDING_RECOGNITION" | "RECOGNIZED" | "SUSPENDED" | "REVOKED";
  /** Shanghai date of first recognition (认定), null if never. */
  recognizedOn: string | null;
  purchasePeriods: readonly { startsOn: string; endsOn: string }[];
}

export interface Eligibility {
  eligible: boolean;
  reasons: Reason[];
  /** The latest recognition date that satisfies the six-month rule. */
  recognisedBy: string;
}

/** Eligibility for the year's performance subsidy (before the score is known). */
export function performanceEligibility(policy: SubsidyPolicy, year: number, v: VenueFacts): Eligibility {
  const reasons: Reason[] = [];
  const period = assessmentPeriod(year, policy.assessmentDate);
  const recognisedBy = monthsBefore(period.endsOn, policy.minRecognisedMonths);
  if (v.status === "REVOKED") reasons.push({ code: "VENUE_REVOKED", message: "场所认定已撤销，不予补助" });
  if (!v.recognizedOn) {
    reasons.push({ code: "VENUE_NOT_RECOGNISED", message: "场所尚未通过认定" });
  } else if (v.recognizedOn > recognisedBy) {
    reasons.push({
      code: "RECOGNISED_LESS_THAN_SIX_MONTHS",
      message: `认定于 ${v.recognizedOn}，至考核日 ${period.endsOn} 工作时间不满${policy.minRecognisedMonths}个月（须于 ${recognisedBy} 或之前认定）`,
    });
  }
  if (v.status === "SUSPENDED") reasons.push({ code: "VENUE_SUSPENDED", message: "场所处于暂停状态，不予补助" });
  for (const p of v.purchasePeriods) {
    if (p.startsOn <= period.endsOn && p.endsOn >= period.startsOn) {
      const from = p.startsOn > period.startsOn ? p.startsOn : period.startsOn;
      const to = p.endsOn < period.endsOn ? p.endsOn : period.endsOn;
      reasons.push({
        code: "IN_SERVICE_PURCHASE_PERIOD",
        message: `政府购买服务期间（${p.startsOn} 至 ${p.endsOn}）与考核年度重叠（${from} 至 ${to}），不得重复享受奖补`,
      });
    }
  }
  return { eligible: reasons.length === 0, reasons, recognisedBy };
}

/** Eligibility for the one-time operating subsidy: recognised, not revoked, never granted before. */
export function oneTimeEligibility(v: VenueFacts, priorApplications: readonly { status: string }[]): { eligible: boolean; reasons: Reason[] } {
  const reasons: Reason[] = [];
  if (v.status === "REVOKED") reasons.push({ code: "VENUE_REVOKED", message: "场所认定已撤销，不予补助" });
  if (!v.recognizedOn) reasons.push({ code: "VENUE_NOT_RECOGNISED", message: "场所尚未通过认定" });
  if (priorApplications.some((a) => a.status !== "REJECTED")) reasons.push({ code: "ONE_TIME_ALREADY_CLAIMED", message: "一次性运维补助每个场所仅可享受一次" });
  return { eligible: reasons.length === 0, reasons };
}

/** The performance grant after the score: eligibility first, then the tier's amount (0 below the lowest tier). */
export function performanceGrantReasons(scoreTenths: number, grantFen: number, lowestTierTenths: number): Reason[] {
  return grantFen > 0 ? [] : [{ code: "SCORE_BELOW_THRESHOLD", message: `得分 ${(scoreTenths / 10).toFixed(1)} 低于 ${(lowestTierTenths / 10).toFixed(0)} 分，不予补助` }];
}
