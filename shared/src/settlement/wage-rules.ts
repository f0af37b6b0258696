// 考勤与工资计算 (issue 7): hours in whole units inside the task's window, wages in whole fen from the rate,
// the hourly minimum wage as a floor, the late-cancellation fee, and the settlement lifecycle.
import { SETTLEMENT_STATUS, type PayUnit } from "../catalog/enums.js";
import { defineLifecycle } from "../catalog/lifecycle.js";
import { formatYuan, mulDivFen } from "../money.js";
import { fail, ok, type Result } from "../result.js";

export const ATTENDANCE_RULES = {
  /** Check-in and check-out within this distance of the workplace (metres). */
  geofenceMeters: 500,
  /** Check-in opens this long before the start. */
  earlyCheckInMinutes: 30,
  /** Hours are counted in units of this many minutes (rounded down). */
  unitMinutes: 15,
  /** Hours not disputed this long after check-out are approved. */
  approveAfterHours: 24,
  /** A submitted settlement the worker does not answer is confirmed after this long. */
  confirmAfterHours: 24,
} as const;

export interface Window {
  startsAt: Date;
  endsAt: Date;
}

/** Whether a check-in at `at` is allowed: from `early` minutes before the start until the end. */
export function checkCheckInTime(at: Date, w: Window, early: number = ATTENDANCE_RULES.earlyCheckInMinutes): Result<true> {
  if (at.getTime() < w.startsAt.getTime() - early * 60_000) return fail({ code: "CHECK_IN_TOO_EARLY", message: `开工前${early}分钟内才能签到` });
  if (at.getTime() >= w.endsAt.getTime()) return fail({ code: "CHECK_IN_TOO_LATE", message: "工作时段已结束，不能签到，请联系驿站工作人员确认" });
  return ok(true);
}

/**
 * Billable minutes: the part of [in, out] inside the window, rounded down to whole units. Refuses an
 * out before in, and (for hours entered by staff) anything reaching outside the window.
 */
export function billableMinutes(checkIn: Date, checkOut: Date, w: Window, opts: { unitMinutes?: number; strict?: boolean } = {}): Result<number> {
  const unit = opts.unitMinutes ?? ATTENDANCE_RULES.unitMinutes;
  if (!(checkOut.getTime() > checkIn.getTime())) return fail({ code: "CHECK_OUT_BEFORE_IN", message: "签退时间必须晚于签到时间" });
  if (opts.strict && (checkIn.getTime() < w.startsAt.getTime() - ATTENDANCE_RULES.earlyCheckInMinutes * 60_000 || checkOut.getTime() > w.endsAt.getTime())) {
    return fail({ code: "HOURS_OVER_WINDOW", message: "工时超出岗位约定的工作时段" });
  }
  const from = Math.max(checkIn.getTime(), w.startsAt.getTime());
  const to = Math.min(checkOut.getTime(), w.endsAt.getTime());
  const minutes = Math.max(0, Math.floor((to - from) / 60_000));
  return ok(Math.floor(minutes / unit) * unit);
}

export interface WageInput {
  unit: PayUnit;
  rateFen: number;
  minutes: number;
  /** Minutes in the task's window (DAY pay is prorated over it). */
  windowMinutes: number;
  /** PIECE: pieces done. */
  pieces?: number | null;
  /** The area's hourly minimum on the work day. */
  minimumHourlyFen: number;
}

/** The wage in fen, refused when it falls below the hourly minimum for the minutes worked. */
export function computeWage(i: WageInput): Result<{ wageFen: number; minimumFen: number }> {
  if (!Number.isSafeInteger(i.minutes) || i.minutes < 0 || i.minutes > 24 * 60) return fail({ code: "MINUTES_INVALID", message: "工时应为0–24小时" });
  let wageFen: number;
  if (i.unit === "HOUR") wageFen = mulDivFen(i.rateFen, i.minutes, 60);
  else if (i.unit === "DAY") wageFen = mulDivFen(i.rateFen, Math.min(i.minutes, i.windowMinutes), Math.max(1, i.windowMinutes));
  else {
    if (!Number.isSafeInteger(i.pieces ?? NaN) || i.pieces! < 0 || i.pieces! > 100_000) return fail({ code: "PIECES_INVALID", message: "计件数量应为0–100000的整数" });
    wageFen = i.rateFen * i.pieces!;
    if (!Number.isSafeInteger(wageFen)) return fail({ code: "PIECES_INVALID", message: "计件金额超出范围" });
  }
  const minimumFen = Math.ceil((i.minimumHourlyFen * i.minutes) / 60);
  if (wageFen < minimumFen) {
    return fail({ code: "PAY_BELOW_MINIMUM_WAGE", message: `工资 ${formatYuan(wageFen)} 元低于当地最低工资标准折算的 ${formatYuan(minimumFen)} 元（${i.minutes} 分钟，每小时 ${formatYuan(i.minimumHourlyFen)} 元）` });
  }
  return ok({ wageFen, minimumFen });
}

/**
 * The late-cancellation fee (取消补偿, the contract's cancellation clause): `hours` (default 4) of the task's
 * hourly pay. The hourly equivalent of a DAY rate is the day's pay spread over the task's window (a 240-CNY
 * 8-hour day pays 30 CNY an hour), the same proration a DAY wage uses for partial hours; a PIECE rate has no
 * hours in it, so the fee is paid at the area's hourly minimum. No hour is ever paid below that minimum.
 */
export function cancellationFeeFen(i: { unit: PayUnit; rateFen: number; windowMinutes: number; minimumHourlyFen: number; hours: number }): number {
  if (!Number.isInteger(i.hours) || i.hours < 0 || i.hours > 24) throw new RangeError(`cancellation fee hours must be 0–24, got ${i.hours}`);
  const hourly = i.unit === "HOUR" ? i.rateFen : i.unit === "DAY" ? mulDivFen(i.rateFen, 60, Math.max(1, i.windowMinutes)) : i.minimumHourlyFen;
  return Math.max(hourly, i.minimumHourlyFen) * i.hours;
}

export const SETTLEMENT_LIFECYCLE = defineLifecycle({
  code: "SETTLEMENT",
  noun: "结算单",
  states: SETTLEMENT_STATUS,
  transitions: {
    SUBMIT: { from: ["DRAFT", "DISPUTED"], to: "SUBMITTED" },
    CONFIRM: { from: ["SUBMITTED"], to: "CONFIRMED" },
    DISPUTE: { from: ["SUBMITTED"], to: "DISPUTED", needsReason: true },
    PAY: { from: ["CONFIRMED"], to: "PAID" },
  },
});
