// 日结 (issue 7 §5): an engagement's wages are due the day the work ends. Unsubmitted 24 h after it ended, the
// employer and the venue are alerted (欠薪预警); unpaid by the end of the 3rd working day after, the case goes to
// labour inspection (劳动保障监察) — and never later than 15 days after the work, the longest interval between
// wage payments for part-time work (劳动合同法 §72).
import type { HolidayCalendar } from "../calendar/working-days.js";
import { workingDeadline } from "../complaint/complaint-sla.js";

export const DAILY_PAY_RULES = {
  submitWithinHours: 24,
  referAfterWorkingDays: 3,
  /** 劳动合同法 §72: 非全日制用工劳动报酬结算支付周期最长不得超过十五日. */
  maxPayIntervalDays: 15,
} as const;

/** When an engagement whose work ended at `workEndedAt` is overdue: submission alert, then referral. */
export function dailyPayDeadlines(workEndedAt: Date, cal: HolidayCalendar, rules = DAILY_PAY_RULES): { submitBy: Date; referAt: Date } {
  const submitBy = new Date(workEndedAt.getTime() + rules.submitWithinHours * 3_600_000);
  const byWorkingDays = workingDeadline(workEndedAt, rules.referAfterWorkingDays, [], cal)!;
  const cap = new Date(workEndedAt.getTime() + rules.maxPayIntervalDays * 86_400_000);
  return { submitBy, referAt: byWorkingDays < cap ? byWorkingDays : cap };
}
