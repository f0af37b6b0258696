// 到岗确认: before the start the worker confirms again (DESIGN §4.6, issue 6 item 5). A reminder goes out
// ahead of a deadline; an engagement still unconfirmed at the deadline counts against the worker's
// reliability and its seat reopens for a new wave.
import type { EngagementStatus } from "../catalog/enums.js";
import { fail, ok, type Result } from "../result.js";

const H = 3_600_000;

export interface ReconfirmSettings {
  /** The worker confirms by this many hours before the start. */
  reconfirmHours: number;
  /** The reminder goes out this many hours before the start (or at once, for a later accept). */
  reconfirmReminderHours: number;
}

export interface ReconfirmSchedule {
  remindAt: Date;
  deadline: Date;
  /** Accepted at or after the deadline: the accept itself is the confirmation (there is no time left to ask). */
  confirmedOnAccept: boolean;
}

/** When to remind and by when to confirm, for an engagement accepted at `acceptedAt`. */
export function reconfirmSchedule(startsAt: Date, acceptedAt: Date, s: ReconfirmSettings): ReconfirmSchedule {
  const deadline = new Date(startsAt.getTime() - s.reconfirmHours * H);
  const remindAt = new Date(Math.max(startsAt.getTime() - s.reconfirmReminderHours * H, acceptedAt.getTime()));
  return { remindAt, deadline, confirmedOnAccept: acceptedAt.getTime() >= deadline.getTime() };
}

export interface ReconfirmFacts {
  status: EngagementStatus;
  startsAt: Date;
}

/**
 * Whether the worker may confirm at `at`: an ACTIVE engagement before its deadline. CONFIRMED again is
 * `already` (a double tap changes nothing); anything ended, or a missed deadline, is refused with the reason.
 */
export function checkReconfirm(e: ReconfirmFacts, at: Date, s: ReconfirmSettings): Result<"confirm" | "already"> {
  if (e.status === "CONFIRMED") return ok("already");
  if (e.status !== "ACTIVE") return fail({ code: "ENGAGEMENT_NOT_ACTIVE", message: "该用工已结束，无需确认到岗" });
  if (at.getTime() >= e.startsAt.getTime() - s.reconfirmHours * H) {
    return fail({ code: "RECONFIRM_DEADLINE_PASSED", message: `已过确认时间（开工前${s.reconfirmHours}小时），名额将释放给其他零工` });
  }
  return ok("confirm");
}

/** An engagement the deadline job releases: still ACTIVE (never confirmed) at or after its deadline, before the start. */
export function isUnconfirmedPastDeadline(e: ReconfirmFacts, at: Date, s: ReconfirmSettings): boolean {
  return e.status === "ACTIVE" && at.getTime() >= e.startsAt.getTime() - s.reconfirmHours * H && at.getTime() < e.startsAt.getTime();
}
