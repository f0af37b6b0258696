// 非全日制用工 (劳动合同法 §68): part-time work averages at most 4 hours a day and at most 24 hours a week with
// one employer. Hours beyond that make it full-time employment in law (with its contract, social insurance and
// notice duties), so when one worker's approved hours with one employer pass 24 in a calendar week, the
// employer and the venue are told (issue 7 §2). The week is Monday–Sunday on Shanghai's calendar.
import { addDays, dayOfWeek } from "../calendar/iso-date.js";
import { shanghaiDate } from "../calendar/working-days.js";

export const PART_TIME_RULES = {
  /** 劳动合同法 §68: 每周工作时间累计不超过二十四小时. */
  maxWeekMinutes: 24 * 60,
} as const;

/** The Monday–Sunday week (Shanghai dates, "YYYY-MM-DD") that holds the instant. */
export function partTimeWeekOf(at: Date): { weekStart: string; weekEnd: string } {
  const day = shanghaiDate(at);
  const weekStart = addDays(day, -((dayOfWeek(day) + 6) % 7));
  return { weekStart, weekEnd: addDays(weekStart, 6) };
}

/** Whether a week's approved minutes with one employer pass the part-time limit (exactly 24 h is still within it). */
export function exceedsPartTimeWeek(minutes: number, rules = PART_TIME_RULES): boolean {
  return minutes > rules.maxWeekMinutes;
}
