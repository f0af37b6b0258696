import { createHash } from "node:crypto";
import { Queue } from "bullmq";
import { CronExpressionParser } from "cron-parser";
import type { RedisClient } from "../redis.js";
import type { Deps } from "../deps.js";
import type { EventName } from "./events.js";
import { emitEvent } from "./outbox.js";
import type { QueueName } from "./queues.js";

/** Business time (DESIGN §3): schedules run on Shanghai's clock, whatever the server's zone. */
export const BUSINESS_TZ = "Asia/Shanghai";

/**
 * Repeatable schedules. A tick does no work itself: it emits the schedule's event through the outbox with
 * an id derived from the slot, so two workers (or a retried tick) firing the same slot make one event,
 * and the event's consumers run exactly once like any other. Add the 30 Nov annual close here when its
 * consumer exists (pattern "59 23 30 11 *").
 */
export const SCHEDULES = {
  "schedule.nightly": { pattern: "0 2 * * *", event: "clock.nightly", queue: "housekeeping" },
  /** 30 Nov 23:59 Shanghai: the yearly assessment date (泉人社规〔2023〕5号 二(二)). */
  "schedule.annual-close": { pattern: "59 23 30 11 *", event: "clock.annual-close", queue: "performance" },
} as const satisfies Record<string, { pattern: string; event: EventName; queue: QueueName }>;
export type ScheduleName = keyof typeof SCHEDULES;

export const isScheduleJob = (name: string): name is ScheduleName => Object.hasOwn(SCHEDULES, name);

/** The latest time the pattern fired at or before `now`, in Shanghai time. */
export function slotAt(pattern: string, now: Date): Date {
  // prev() is strictly before currentDate: step one millisecond past now so an exact hit counts.
  return CronExpressionParser.parse(pattern, { currentDate: new Date(now.getTime() + 1), tz: BUSINESS_TZ }).prev().toDate();
}

/** A stable UUID for (schedule, slot), so the same slot always maps to the same outbox event. */
export function slotEventId(schedule: ScheduleName, slot: Date): string {
  const h = createHash("sha256").update(`${schedule}@${slot.toISOString()}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Emits the event for the schedule's current slot (by the injectable clock); idempotent per slot. */
export async function fireSchedule(deps: Pick<Deps, "db" | "now">, schedule: ScheduleName): Promise<string> {
  const { pattern, event } = SCHEDULES[schedule];
  const slot = slotAt(pattern, deps.now());
  const id = slotEventId(schedule, slot);
  await deps.db.transaction((tx) => emitEvent(tx, event, { slot: slot.toISOString() }, { id }));
  return id;
}

/** Registers (or updates) every schedule with BullMQ; safe to call from every worker process at start. */
export async function registerSchedules(connection: RedisClient, prefix: string): Promise<void> {
  for (const [name, { pattern, queue }] of Object.entries(SCHEDULES)) {
    const q = new Queue(queue, { connection, prefix });
    try {
      await q.upsertJobScheduler(name, { pattern, tz: BUSINESS_TZ }, { name, data: {} });
    } finally {
      await q.close();
    }
  }
}
