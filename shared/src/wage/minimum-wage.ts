// 最低工资标准: the monthly and hourly minimum wage per area, each with the date it takes effect.
// Full-time work is held to the monthly figure, part-time and gig work (非全日制用工) to the hourly one
// (《劳动合同法》第七十二条: hourly pay may not be below the local hourly minimum).
import { isIsoDate } from "../calendar/iso-date.js";
import type { PayUnit } from "../catalog/enums.js";
import { regionByCode } from "../region/regions.js";
import { fail, ok, type FieldReason, type Result } from "../result.js";

/** One standard for one area from its effective date on; money in integer fen. */
export interface MinimumWageStandard {
  regionCode: string;
  /** "YYYY-MM-DD": in force from this day until a later row for the same area takes over. */
  effectiveFrom: string;
  monthlyFen: number;
  hourlyFen: number;
  /** Where the figure comes from (the provincial notice). */
  source: string;
}

/** The standard in force since 1 April 2022 until officers record a newer one. */
export const FUJIAN_2022_SOURCE = "福建省人民政府关于调整全省最低工资标准的通知（2022年4月1日起执行）";
const FUJIAN_2022_FROM = "2022-04-01";

// Fujian's second tier (第二档): 1,960 CNY a month, 20.5 CNY an hour; the two functional zones follow the
// districts around them. Third tier (第三档): 1,810 and 19 CNY for the three inland counties.
const SECOND_TIER = ["350502", "350503", "350504", "350505", "350581", "350582", "350583", "350521", "350571", "350572"];
const THIRD_TIER = ["350524", "350525", "350526"];

/** Defaults for all 13 areas: Fujian's standard in force since 2022-04-01, seeded into `minimum_wages`. */
export const DEFAULT_MINIMUM_WAGES: readonly MinimumWageStandard[] = [
  ...SECOND_TIER.map((regionCode) => ({ regionCode, effectiveFrom: FUJIAN_2022_FROM, monthlyFen: 196_000, hourlyFen: 2_050, source: FUJIAN_2022_SOURCE })),
  ...THIRD_TIER.map((regionCode) => ({ regionCode, effectiveFrom: FUJIAN_2022_FROM, monthlyFen: 181_000, hourlyFen: 1_900, source: FUJIAN_2022_SOURCE })),
];

/**
 * The standard in force in `regionCode` on `date`: the area's row with the latest effective date on or
 * before it, or null when none had taken effect yet. Throws RangeError on an invalid date.
 */
export function minimumWageOn<S extends Pick<MinimumWageStandard, "regionCode" | "effectiveFrom">>(
  standards: readonly S[],
  regionCode: string,
  date: string,
): S | null {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  let best: S | null = null;
  for (const s of standards) {
    // ISO dates compare correctly as strings.
    if (s.regionCode === regionCode && s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  }
  return best;
}

/** "20.50" for 2050 fen. */
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;

/**
 * Refuses pay below the hourly minimum with the figure. HOUR: the pay per hour. DAY: a day's pay against the
 * hourly minimum times the day's `hours`. PIECE (计件, checked at settlement): the pay earned against the
 * hourly minimum times the `hours` actually worked. The value is the minimum the pay was held to, in fen.
 */
export function checkHourlyPay(
  payFen: number,
  unit: PayUnit,
  standard: Pick<MinimumWageStandard, "hourlyFen">,
  hours?: number,
): Result<{ minimumFen: number }> {
  if (!Number.isSafeInteger(payFen) || payFen < 0) return fail({ code: "PAY_INVALID", message: "报酬应为非负整数（分）" });
  let minimumFen: number;
  let per: string;
  if (unit === "HOUR") {
    minimumFen = standard.hourlyFen;
    per = "小时";
  } else {
    if (hours === undefined || !Number.isFinite(hours) || hours <= 0 || hours > 24) {
      return fail({ code: "PAY_HOURS_INVALID", message: "按日或计件计酬须写明工作时长（0–24小时）" });
    }
    minimumFen = Math.ceil(standard.hourlyFen * hours);
    per = unit === "DAY" ? `日（${hours}小时）` : `${hours}小时计件所得`;
  }
  if (payFen < minimumFen) {
    return fail({
      code: "PAY_BELOW_MINIMUM_WAGE",
      message: `报酬${unit === "PIECE" ? "" : "每"}${per} ${yuan(payFen)} 元，低于当地最低工资标准 ${yuan(minimumFen)} 元（每小时 ${yuan(standard.hourlyFen)} 元）`,
    });
  }
  return ok({ minimumFen });
}

/** Upper bound for either figure: 100,000 CNY, far above any real minimum, so a typo in fen/yuan is caught. */
export const MAX_MINIMUM_WAGE_FEN = 10_000_000;
export const MAX_MINIMUM_WAGE_SOURCE_LENGTH = 200;
const FIRST_DATE = "2000-01-01";
const LAST_DATE = "2100-12-31";

/**
 * Checks a new standard as an officer enters it: one of the 13 areas, a real date in 2000–2100, positive
 * whole fen up to MAX_MINIMUM_WAGE_FEN with hourly ≤ monthly, and a source of 1–200 characters (trimmed).
 * Returns the cleaned standard or every reason, each naming its field.
 */
export function checkMinimumWageStandard(input: MinimumWageStandard): Result<MinimumWageStandard> {
  const reasons: FieldReason[] = [];
  if (!regionByCode(input.regionCode)) {
    reasons.push({ field: "regionCode", code: "REGION_UNKNOWN", message: `不是泉州市的县(市、区)代码：${input.regionCode}` });
  }
  if (!isIsoDate(input.effectiveFrom) || input.effectiveFrom < FIRST_DATE || input.effectiveFrom > LAST_DATE) {
    reasons.push({ field: "effectiveFrom", code: "DATE_OUT_OF_RANGE", message: "执行日期应为2000年至2100年之间的有效日期" });
  }
  for (const field of ["monthlyFen", "hourlyFen"] as const) {
    const v = input[field];
    if (!Number.isSafeInteger(v) || v <= 0 || v > MAX_MINIMUM_WAGE_FEN) {
      reasons.push({ field, code: "WAGE_OUT_OF_RANGE", message: `${field === "monthlyFen" ? "月" : "小时"}最低工资应为 1 至 ${MAX_MINIMUM_WAGE_FEN} 分之间的整数` });
    }
  }
  if (input.hourlyFen > input.monthlyFen) {
    reasons.push({ field: "hourlyFen", code: "HOURLY_ABOVE_MONTHLY", message: "小时最低工资不能高于月最低工资" });
  }
  const source = input.source.trim();
  if (!source || source.length > MAX_MINIMUM_WAGE_SOURCE_LENGTH) {
    reasons.push({ field: "source", code: "SOURCE_LENGTH", message: `依据文件应为1至${MAX_MINIMUM_WAGE_SOURCE_LENGTH}个字符` });
  }
  return reasons.length ? fail(...reasons) : ok({ ...input, source });
}
