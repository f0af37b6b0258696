// Calendar arithmetic on "YYYY-MM-DD" strings in the proleptic Gregorian calendar.
// Done with integers rather than `Date` so the host time zone never leaks in and
// two-digit years are not silently mapped to 19xx (a `Date.UTC` quirk).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a Gregorian leap year (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `s` is "YYYY-MM-DD" and names a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Formats a year, month and day as "YYYY-MM-DD" (years 0–9999). */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function parts(s: string): [number, number, number] {
  if (!isIsoDate(s)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(s)}`);
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

/** Days since 1970-01-01 for a "YYYY-MM-DD" date; throws RangeError on an invalid date. */
export function toEpochDay(s: string): number {
  // Howard Hinnant's days_from_civil: shift the year to start in March so Feb 29 falls last.
  const [y0, m, d] = parts(s);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The "YYYY-MM-DD" date for a count of days since 1970-01-01 (inverse of `toEpochDay`). */
export function fromEpochDay(days: number): string {
  // Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** The date `n` days after `s` (negative `n` goes back). */
export function addDays(s: string, n: number): string {
  return fromEpochDay(toEpochDay(s) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(s: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(s) + 4) % 7) + 7) % 7;
}
