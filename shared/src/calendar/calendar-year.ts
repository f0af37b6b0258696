// Checks one year's holiday calendar as a city officer enters it from the State Council's notice
// (国务院办公厅关于<年>部分节假日安排的通知, usually published in November for the next year).
import { CALENDAR_DAY_KIND } from "../catalog/enums.js";
import { fail, ok, type FieldReason, type Result } from "../result.js";
import type { HolidayCalendarRow } from "./holidays.js";
import { dayOfWeek, isIsoDate } from "./iso-date.js";

export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;
/** A year has about 30 holidays and 6 make-up days; 60 leaves room without allowing a dump. */
export const MAX_CALENDAR_DAYS_PER_YEAR = 60;
export const MAX_CALENDAR_DAY_NAME_LENGTH = 50;

/** One entry as entered; `kind` is checked here too, since callers may pass unchecked strings. */
export interface CalendarDayEntry {
  date: string;
  kind: string;
  name: string;
}

/**
 * Checks a year's entries: a year in 2000–2100, at most 60 entries, each a real date inside the year,
 * listed once, of a known kind, named in 1–50 characters (trimmed); a make-up workday (调休上班) must fall
 * on a Saturday or Sunday, since only weekends are moved. Returns the rows in date order, or every reason.
 */
export function checkCalendarYear(year: number, days: readonly CalendarDayEntry[]): Result<HolidayCalendarRow[]> {
  if (!Number.isSafeInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    const reason: FieldReason = { field: "year", code: "YEAR_OUT_OF_RANGE", message: `年份应在${CALENDAR_FIRST_YEAR}至${CALENDAR_LAST_YEAR}之间` };
    return fail(reason);
  }
  if (days.length > MAX_CALENDAR_DAYS_PER_YEAR) {
    const reason: FieldReason = { field: "days", code: "TOO_MANY_DAYS", message: `每年最多${MAX_CALENDAR_DAYS_PER_YEAR}条` };
    return fail(reason);
  }
  const reasons: FieldReason[] = [];
  const seen = new Set<string>();
  const rows: HolidayCalendarRow[] = [];
  days.forEach((d, i) => {
    const at = `days[${i}]`;
    if (!isIsoDate(d.date) || !d.date.startsWith(`${String(year).padStart(4, "0")}-`)) {
      reasons.push({ field: `${at}.date`, code: "DATE_NOT_IN_YEAR", message: `${d.date} 不是${year}年的有效日期` });
    } else if (seen.has(d.date)) {
      reasons.push({ field: `${at}.date`, code: "DATE_DUPLICATE", message: `${d.date} 重复` });
    } else if (d.kind === "WORKDAY" && ![0, 6].includes(dayOfWeek(d.date))) {
      reasons.push({ field: `${at}.kind`, code: "WORKDAY_NOT_WEEKEND", message: `${d.date} 是工作日，调休上班只能是周六或周日` });
    }
    seen.add(d.date);
    if (!CALENDAR_DAY_KIND.has(d.kind)) reasons.push({ field: `${at}.kind`, code: "KIND_UNKNOWN", message: `未知类型：${d.kind}` });
    const name = d.name.trim();
    if (!name || name.length > MAX_CALENDAR_DAY_NAME_LENGTH) {
      reasons.push({ field: `${at}.name`, code: "NAME_LENGTH", message: `名称应为1至${MAX_CALENDAR_DAY_NAME_LENGTH}个字符` });
    }
    rows.push({ date: d.date, kind: d.kind as HolidayCalendarRow["kind"], name });
  });
  if (reasons.length) return fail(...reasons);
  return ok(rows.sort((a, b) => (a.date < b.date ? -1 : 1)));
}
