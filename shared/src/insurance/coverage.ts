// 零工保 (issue 7 item 7): Fujian's accident cover for gig workers applies when the worker both took the job on
// the platform (接单) and was paid for it on the platform (报酬结算). This decides, from the recorded facts,
// what can be proven for an engagement and for one day.
import { defineEnum, type EnumValue } from "../catalog/define-enum.js";

export const INSURANCE_COVERAGE = defineEnum({
  NOT_RECORDED: "无接单记录",
  TAKEN_NOT_PAID: "已在平台接单，报酬尚未在平台结算",
  COVERED: "已在平台接单并结算报酬，符合零工保条件",
});
export type InsuranceCoverageStatus = EnumValue<typeof INSURANCE_COVERAGE>;

export interface CoverageFacts {
  takenAt: Date | null;
  paidAt: Date | null;
  /** The work window the cover is for. */
  coverFrom: Date | null;
  coverTo: Date | null;
}

/** The engagement's standing: neither fact, taken but not (yet) paid on the platform, or both. */
export function coverageStatus(f: CoverageFacts): InsuranceCoverageStatus {
  if (!f.takenAt) return "NOT_RECORDED";
  return f.paidAt ? "COVERED" : "TAKEN_NOT_PAID";
}

/** The Asia/Shanghai calendar date of a moment, "YYYY-MM-DD" (China has no daylight saving). */
export const shanghaiIsoDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Whether the cover can be proven for one Shanghai day: both facts, and the day inside the work window. */
export function coversDay(f: CoverageFacts, day: string): boolean {
  if (coverageStatus(f) !== "COVERED" || !f.coverFrom || !f.coverTo) return false;
  return shanghaiIsoDate(f.coverFrom) <= day && day <= shanghaiIsoDate(f.coverTo);
}
