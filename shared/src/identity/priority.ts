// Priority groups for placement (重点群体). The plan's "4050" rule: women aged 40 and over and
// men aged 50 and over (“4050人员”, 大龄就业困难人员) are treated as older workers and get priority.
import { toEpochDay } from "../calendar/iso-date.js";
import type { Gender } from "./resident-id.js";

/** Age from which a worker counts as 大龄 under the plan's "4050" rule (女40、男50). */
export const OLDER_WORKER_AGE = { MALE: 50, FEMALE: 40 } as const satisfies Record<Gender, number>;

/**
 * Completed years of age on `onDate` (both "YYYY-MM-DD"): the birthday itself counts, and someone born
 * on 29 February becomes a year older on 1 March in common years. Negative before birth; throws RangeError on invalid dates.
 */
export function ageOn(birthDate: string, onDate: string): number {
  // Validates both dates (throws on e.g. "2025-02-30").
  toEpochDay(birthDate);
  toEpochDay(onDate);
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // "MM-DD" strings compare in calendar order.
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** True when the worker has reached the 大龄 age for their gender (男50、女40) on `onDate`. */
export function isOlderWorker(gender: Gender, birthDate: string, onDate: string): boolean {
  return ageOn(birthDate, onDate) >= OLDER_WORKER_AGE[gender];
}
