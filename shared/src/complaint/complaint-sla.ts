// Complaint deadlines (policy/rubric.md "Deadlines") on working days of the official calendar, derived
// from the complaint's history of actions every time they are needed: nothing is stored that could drift.
import type { ComplaintStatus } from "../catalog/enums.js";
import { isWorkingDay, shanghaiDate, type HolidayCalendar } from "../calendar/working-days.js";
import type { ComplaintAction } from "./complaint-lifecycle.js";

/** The rubric's defaults; a county may configure others (the server passes them in). */
export interface ComplaintSlaPolicy {
  /** Accept (受理) or reject within this many working days of filing. */
  acceptWorkingDays: number;
  /** Resolve within this many working days of acceptance (or of escalation, for the county). */
  resolveWorkingDays: number;
  /** One extension with a reason raises the resolve budget to this hard cap. */
  resolveCapWorkingDays: number;
  /** Follow-up call (回访) within this many working days of closing. */
  followUpWorkingDays: number;
  /** A resolution the complainant neither accepts nor refuses closes itself after this many calendar days. */
  autoCloseDays: number;
  /** Wage arrears unpaid this many working days after filing are referred to labour inspection (劳动保障监察). */
  wageReferralWorkingDays: number;
}

export const DEFAULT_COMPLAINT_SLA: ComplaintSlaPolicy = {
  acceptWorkingDays: 1,
  resolveWorkingDays: 10,
  resolveCapWorkingDays: 15,
  followUpWorkingDays: 2,
  autoCloseDays: 7,
  wageReferralWorkingDays: 3,
};

/** One entry of a complaint's history: the action taken, the state it led to, and when. */
export interface ComplaintHistoryEntry {
  action: ComplaintAction | "FILE";
  to: ComplaintStatus;
  at: Date;
}

/** A span the clock stood still; `end` null while it still does. */
export interface ClockPause {
  start: Date;
  end: Date | null;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Safety bound on the day-by-day walk (about 110 years): a deadline is never that far. */
const MAX_WALK_DAYS = 40_000;

/** Start (as epoch ms) of the Asia/Shanghai calendar day containing `ms`. */
const shanghaiDayStart = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;

/**
 * The instant a budget of `days` working days, started at `start`, runs out: the clock runs only on
 * working days (a 调休 weekend counts, a holiday does not) and stands still during `pauses`; the
 * deadline is the end (24:00 Asia/Shanghai) of the day the budget is used up. Without pauses this is
 * "by the end of the n-th working day after the day it started" (filed on a holiday, the count starts
 * on the next working day). Null when an open pause stops the clock before the budget runs out.
 */
export function workingDeadline(start: Date, days: number, pauses: readonly ClockPause[], cal: HolidayCalendar): Date | null {
  if (!Number.isSafeInteger(days) || days < 1 || days > 366) throw new RangeError(`days must be an integer in 1..366: ${days}`);
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) throw new RangeError("invalid start");
  const spans = pauses
    .map((p) => ({ start: p.start.getTime(), end: p.end ? p.end.getTime() : Infinity }))
    .filter((p) => p.end > p.start && p.end > startMs)
    .sort((a, b) => a.start - b.start);
  let remaining = days * DAY_MS;
  let cursor = startMs;
  for (let walked = 0; walked < MAX_WALK_DAYS; walked++) {
    const dayEnd = shanghaiDayStart(cursor) + DAY_MS;
    if (isWorkingDay(shanghaiDate(new Date(cursor)), cal)) {
      let t = cursor;
      for (const p of spans) {
        if (p.end <= t || p.start >= dayEnd) continue;
        if (p.start > t) {
          const run = p.start - t;
          if (run >= remaining) return new Date(dayEnd);
          remaining -= run;
        }
        t = Math.max(t, p.end);
        if (t >= dayEnd) break;
      }
      if (t < dayEnd) {
        if (dayEnd - t >= remaining) return new Date(dayEnd);
        remaining -= dayEnd - t;
      }
    }
    cursor = dayEnd;
    if (spans.some((p) => p.end === Infinity && p.start <= cursor)) return null;
  }
  throw new RangeError("deadline beyond the supported range");
}

/** Which level handles the complaint now: the venue first, the county officer after an escalation. */
export type ComplaintStage = "VENUE" | "COUNTY";

export type DeadlineKind = "ACCEPT" | "RESOLVE" | "AUTO_CLOSE";

/** Everything the deadlines say about a complaint at one moment, derived from its history. */
export interface ComplaintClock {
  status: ComplaintStatus;
  stage: ComplaintStage;
  filedAt: Date;
  acceptDueAt: Date;
  /** First answer to the filing (accepted, rejected, or escalated for silence). */
  answeredAt: Date | null;
  /** The current stage's resolve deadline; null before acceptance, while paused, and once resolved. */
  resolveDueAt: Date | null;
  /** The working days the current stage's resolve budget holds (extension included). */
  resolveBudgetDays: number;
  extended: boolean;
  paused: boolean;
  /** The latest resolution offered, while it awaits the complainant. */
  resolvedAt: Date | null;
  autoCloseAt: Date | null;
  closedAt: Date | null;
  followUpDueAt: Date | null;
  /** The deadline a scheduled job must check next, or null when none runs. */
  next: { kind: DeadlineKind; at: Date } | null;
  /** Every deadline met so far (rubric E2: closed within its SLA); false once any was missed. */
  onTime: boolean;
}

/**
 * Derives the clock from the history (oldest first, starting with FILE). `now` decides whether a
 * deadline still running has been missed, for `onTime`.
 */
export function deriveComplaintClock(history: readonly ComplaintHistoryEntry[], cal: HolidayCalendar, now: Date, policy: ComplaintSlaPolicy = DEFAULT_COMPLAINT_SLA): ComplaintClock {
  const first = history[0];
  if (!first || first.action !== "FILE") throw new RangeError("a complaint's history starts with FILE");
  const filedAt = first.at;
  const acceptDueAt = workingDeadline(filedAt, policy.acceptWorkingDays, [], cal)!;
  let status: ComplaintStatus = first.to;
  let stage: ComplaintStage = "VENUE";
  let answeredAt: Date | null = null;
  let stageStart: Date | null = null;
  let stagePauses: ClockPause[] = [];
  let extended = false;
  let stageResolved = false;
  let resolvedAt: Date | null = null;
  let closedAt: Date | null = null;
  let onTime = true;

  const budget = () => (extended ? policy.resolveCapWorkingDays : policy.resolveWorkingDays);
  const stageDue = () => (stageStart ? workingDeadline(stageStart, budget(), stagePauses, cal) : null);

  for (const entry of history.slice(1)) {
    const { action, at } = entry;
    if (!answeredAt && (action === "ACCEPT" || action === "REJECT" || action === "ESCALATE" || action === "WAGES_PAID")) {
      answeredAt = at;
      if (at > acceptDueAt || action === "ESCALATE") onTime = false;
    }
    if (status === "WAITING_ON_COMPLAINANT" && entry.to !== "WAITING_ON_COMPLAINANT") {
      const open = stagePauses.at(-1);
      if (open && !open.end) open.end = at;
    }
    switch (action) {
      case "ACCEPT":
        stageStart = at;
        break;
      case "REQUEST_INFO":
        stagePauses.push({ start: at, end: null });
        break;
      case "EXTEND":
        extended = true;
        break;
      case "RESOLVE":
      case "WAGES_PAID": {
        const due = stageDue();
        if (!stageResolved && due && at > due) onTime = false;
        stageResolved = true;
        resolvedAt = at;
        break;
      }
      case "ESCALATE":
      case "REFUSE_RESOLUTION":
        if (action === "ESCALATE") onTime = false;
        stage = "COUNTY";
        stageStart = at;
        stagePauses = [];
        extended = false;
        stageResolved = false;
        resolvedAt = null;
        break;
      case "CLOSE":
      case "AUTO_CLOSE":
        closedAt = at;
        break;
    }
    status = entry.to;
  }

  const paused = status === "WAITING_ON_COMPLAINANT";
  const resolving = status === "ACCEPTED" || status === "IN_PROGRESS" || status === "ESCALATED" || paused;
  const resolveDueAt = resolving && !stageResolved ? stageDue() : null;
  const autoCloseAt = status === "RESOLVED" && resolvedAt ? new Date(resolvedAt.getTime() + policy.autoCloseDays * DAY_MS) : null;
  const followUpDueAt = closedAt ? workingDeadline(closedAt, policy.followUpWorkingDays, [], cal) : null;

  let next: ComplaintClock["next"] = null;
  if (status === "SUBMITTED") next = { kind: "ACCEPT", at: acceptDueAt };
  else if (resolveDueAt) next = { kind: "RESOLVE", at: resolveDueAt };
  else if (autoCloseAt) next = { kind: "AUTO_CLOSE", at: autoCloseAt };
  if (next && next.kind !== "AUTO_CLOSE" && now > next.at) onTime = false;

  return {
    status,
    stage,
    filedAt,
    acceptDueAt,
    answeredAt,
    resolveDueAt,
    resolveBudgetDays: budget(),
    extended,
    paused,
    resolvedAt: status === "RESOLVED" ? resolvedAt : null,
    autoCloseAt,
    closedAt,
    followUpDueAt,
    next,
    onTime,
  };
}

/** When unpaid wage arrears go to labour inspection: `wageReferralWorkingDays` after filing, never paused. */
export const wageReferralDueAt = (filedAt: Date, cal: HolidayCalendar, policy: ComplaintSlaPolicy = DEFAULT_COMPLAINT_SLA): Date =>
  workingDeadline(filedAt, policy.wageReferralWorkingDays, [], cal)!;
