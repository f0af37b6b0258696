// Working-day arithmetic for deadlines (e.g. complaint SLAs counted in 工作日) under the PRC
// public-holiday calendar, where a published make-up day (调休上班) can fall on a weekend.
import type { HolidayCalendarRow, HolidayKind } from "./holidays.js";
import { addDays, dayOfWeek, fromEpochDay, isIsoDate } from "./iso-date.js";

/** Dated exceptions to the Monday–Friday week, keyed by "YYYY-MM-DD". */
export type HolidayCalendar = ReadonlyMap<string, HolidayKind>;

/** Builds a lookup from calendar rows; throws RangeError on an invalid date or a date listed as both kinds. */
export function calendarFrom(rows: readonly Pick<HolidayCalendarRow, "date" | "kind">[]): HolidayCalendar {
  const cal = new Map<string, HolidayKind>();
  for (const { date, kind } of rows) {
    if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
    const existing = cal.get(date);
    if (existing !== undefined && existing !== kind) throw new RangeError(`${date} is listed as both HOLIDAY and WORKDAY`);
    cal.set(date, kind);
  }
  return cal;
}

/**
 * True when `date` is worked: a WORKDAY entry is worked even on a weekend, a HOLIDAY entry never is,
 * otherwise Monday–Friday. Dates the calendar does not cover fall back to Monday–Friday.
 */
export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  const kind = cal.get(date);
  if (kind !== undefined) return kind === "WORKDAY";
  const dow = dayOfWeek(date); // also rejects an invalid date
  return dow >= 1 && dow <= 5;
}

/**
 * The n-th working day after `date` (n a non-negative integer). For n = 0 it returns `date` itself
 * when that is a working day, else the next working day: "due within 0 working days" on a holiday
 * means the first day the office is open. Throws RangeError on a bad date or n.
 */
export function addWorkingDays(date: string, n: number, cal: HolidayCalendar): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
  let day = date;
  if (n === 0) {
    while (!isWorkingDay(day, cal)) day = addDays(day, 1);
    return day;
  }
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

// China Standard Time is UTC+8 all year: the PRC has not observed daylight saving time since 1991.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date ("YYYY-MM-DD") of an instant, independent of the host time zone. */
export function shanghaiDate(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("invalid Date");
  return fromEpochDay(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}
