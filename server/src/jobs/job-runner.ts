import { hostname } from "node:os";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import { eq, and } from "drizzle-orm";
import { outbox, processedEvents } from "../db/schema/index.js";
import type { Deps } from "../deps.js";
import { AppError } from "../errors.js";
import { CONSUMERS, EVENTS, eventIdOf, isConsumerName, type ConsumerName } from "./events.js";
import { createJobContext, type JobHandlers } from "./job-context.js";
import { cappedBackoff, QUEUE_NAMES } from "./queues.js";
import { fireSchedule, isScheduleJob } from "./schedules.js";
import { createRedis } from "../redis.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one run did: `duplicate` — handled before; `skipped` — a business rule refused it (not retried). */
export type JobOutcome = "done" | "duplicate" | "skipped" | "cancelled";

/**
 * Runs one consumer's job exactly once per event: the handler's writes and the processed_events row
 * commit together, so a retried or re-delivered job finds the row and does nothing. A business refusal
 * (AppError) rolls back the handler's writes but settles the job as SKIPPED with its reason, visible in
 * processed_events, instead of retrying it for a day. Anything else rolls back and is retried.
 */
export async function runJob(deps: Deps, handlers: JobHandlers, job: Pick<Job, "id" | "name" | "data">): Promise<JobOutcome> {
  if (!isConsumerName(job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
  const consumer: ConsumerName = job.name;
  const parsed = EVENTS[CONSUMERS[consumer].event].safeParse(job.data);
  const eventId = job.id ? eventIdOf(job.id) : "";
  if (!parsed.success || !UUID.test(eventId)) {
    throw new UnrecoverableError(`malformed payload for ${consumer}: ${parsed.error?.message ?? `bad job id ${job.id}`}`);
  }
  return deps.db.transaction(async (tx) => {
    const fresh = await tx.insert(processedEvents).values({ consumer, eventId }).onConflictDoNothing().returning();
    if (fresh.length === 0) return "duplicate";
    const settle = (outcome: "SKIPPED" | "CANCELLED", detail: string) =>
      tx.update(processedEvents).set({ outcome, detail }).where(and(eq(processedEvents.consumer, consumer), eq(processedEvents.eventId, eventId)));
    const [event] = await tx.select({ cancelledAt: outbox.cancelledAt }).from(outbox).where(eq(outbox.id, eventId));
    if (event?.cancelledAt) {
      await settle("CANCELLED", `event cancelled at ${event.cancelledAt.toISOString()}`);
      return "cancelled";
    }
    try {
      // A savepoint, so a refusal undoes the handler's writes but keeps the processed mark.
      await tx.transaction((inner) => (handlers[consumer] as (ctx: unknown, p: unknown) => Promise<void>)(createJobContext(deps, inner, eventId), parsed.data));
      return "done";
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await settle("SKIPPED", `${err.code}: ${err.message}`.slice(0, 500));
      deps.logger.warn({ consumer, eventId, code: err.code, reason: err.message }, "job skipped: a business rule refused it");
      return "skipped";
    }
  });
}

/** One BullMQ worker per queue, dispatching consumers' jobs through the handler map and schedule ticks to the outbox. */
export function startJobWorkers(deps: Deps, handlers: JobHandlers, { concurrency = 4 }: { concurrency?: number } = {}) {
  const { config, logger } = deps;
  // Blocking connections must never give up on a command (BullMQ requires maxRetriesPerRequest: null).
  const connection = createRedis(config, { maxRetriesPerRequest: null });
  connection.on("error", (err) => logger.warn({ err: err.message }, "worker redis error"));
  const workers = QUEUE_NAMES.map((queue) => {
    const worker = new Worker(queue, (job) => (isScheduleJob(job.name) ? fireSchedule(deps, job.name) : runJob(deps, handlers, job)), {
      connection,
      prefix: config.queuePrefix,
      concurrency,
      // Stored on each job it takes (BullMQ's `processedBy`): the queue board and the worker drill see which process runs it.
      name: `${hostname()}:${process.pid}`,
      // A job whose worker died is moved back to wait; handlers are idempotent by event id (processed_events), so
      // a job caught by several crashes may rerun rather than fail for good after BullMQ's default of one stall.
      maxStalledCount: 10,
      settings: { backoffStrategy: cappedBackoff },
    });
    worker.on("failed", (job, err) => logger.warn({ queue, job: job?.name, id: job?.id, err: err.message }, "job failed"));
    worker.on("error", (err) => logger.warn({ queue, err: err.message }, "worker error"));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
