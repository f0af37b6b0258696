// 扫码签到 (issue 7 item 2): the employer's page shows a code that changes every minute; a worker on site scans
// it instead of sharing their location. These are the pure time rules; signing the code is the server's.
import { fail, ok, type Result } from "../result.js";
import { ATTENDANCE_RULES, type Window } from "./wage-rules.js";

export const CHECK_IN_CODE = {
  /** A new code every minute: a photo of it forwarded off site is soon useless. */
  periodSeconds: 60,
  /** A code scanned just before it changed still counts this long after (the phone's round trip). */
  graceSeconds: 15,
  /** Codes are shown from check-in opening until this long after the end (late check-out). */
  afterEndMinutes: 120,
} as const;

/** The rotation slot a moment falls in (whole periods since the epoch). */
export const codeSlot = (at: Date): number => Math.floor(at.getTime() / 1000 / CHECK_IN_CODE.periodSeconds);

/** When a slot's code stops being shown (the next one replaces it). */
export const slotEndsAt = (slot: number): Date => new Date((slot + 1) * CHECK_IN_CODE.periodSeconds * 1000);

/** Whether a code of `slot` is still accepted at `at`: its own minute, or the grace just after it. */
export function checkCodeSlot(slot: number, at: Date): Result<true> {
  const current = codeSlot(at);
  if (slot > current) return fail({ code: "CHECK_IN_CODE_INVALID", message: "签到码无效" });
  if (slot === current) return ok(true);
  if (slot === current - 1 && at.getTime() - slotEndsAt(slot).getTime() < CHECK_IN_CODE.graceSeconds * 1000) return ok(true);
  return fail({ code: "CHECK_IN_CODE_EXPIRED", message: "签到码已过期，请扫描用工方页面上的最新二维码" });
}

/** Whether codes may be shown for the work window at `at` (from check-in opening to a while after the end). */
export function checkCodeShowable(at: Date, w: Window): Result<true> {
  if (at.getTime() < w.startsAt.getTime() - ATTENDANCE_RULES.earlyCheckInMinutes * 60_000) {
    return fail({ code: "CHECK_IN_NOT_OPEN", message: `开工前${ATTENDANCE_RULES.earlyCheckInMinutes}分钟起才显示签到码` });
  }
  if (at.getTime() > w.endsAt.getTime() + CHECK_IN_CODE.afterEndMinutes * 60_000) return fail({ code: "CHECK_IN_CLOSED", message: "工作时段已结束，签到码已停用" });
  return ok(true);
}
