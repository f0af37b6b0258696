import { hostname } from "node:os";
import { Queue, UnrecoverableError, Worker, type Job } from "bullmq";
import { and, eq, sql } from "drizzle-orm";
import { outbox, processedEvents } from "../db/schema/index.js";
import type { Deps } from "../deps.js";
import { AppError } from "../errors.js";
import { CONSUMERS, EVENTS, eventIdOf, isBatchJobData, isConsumerName, jobIdFor, type ConsumerName } from "./events.js";
import { createJobContext, type BatchResult, type JobHandler, type JobHandlers } from "./job-context.js";
import { catalogueRoute, planJobs } from "./job-plan.js";
import { cappedBackoff, QUEUE_JOB_OPTIONS, QUEUE_NAMES, type QueueName } from "./queues.js";
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

/** What a batch job did with its events: how many of each outcome. */
export type BatchOutcome = Record<JobOutcome, number>;

/**
 * Runs a batch job (many events of one consumer, see batchJobIdFor) with the same once-per-event guarantee as
 * runJob, in one transaction: every event's processed_events row in one statement (a redelivered event finds
 * its row and is left out), cancelled events settled, then the consumer's batch handler over the rest — or, for
 * a consumer without one, each event's handler in its own savepoint, a business refusal settling that event as
 * SKIPPED. Any other error rolls the whole batch back; the retry (attemptsMade > 0) runs the events one by one,
 * each in its own transaction (runJob), so one failing event cannot hold the others back. A malformed event is
 * left out; the job then fails without retry once the others are done, so it stays visible.
 */
export async function runJobBatch(
  deps: Deps,
  handlers: JobHandlers,
  job: Pick<Job, "id" | "name" | "data" | "attemptsMade">,
  { deliver }: { deliver?: (events: NonNullable<BatchResult["emitted"]>) => void } = {},
): Promise<BatchOutcome> {
  if (!isConsumerName(job.name) || !isBatchJobData(job.data)) throw new UnrecoverableError(`not a batch job: ${job.name}`);
  const consumer: ConsumerName = job.name;
  const schema = EVENTS[CONSUMERS[consumer].event];
  const valid: { eventId: string; payload: unknown }[] = [];
  const malformed: string[] = [];
  const ids = new Set<string>();
  for (const e of job.data.events) {
    const parsed = schema.safeParse(e?.payload);
    const id = typeof e?.id === "string" && UUID.test(e.id) ? e.id.toLowerCase() : null;
    if (parsed.success && id) {
      if (!ids.has(id)) valid.push({ eventId: id, payload: parsed.data });
      ids.add(id);
    } else malformed.push(`${String(e?.id)}: ${parsed.error?.message ?? "bad event id"}`);
  }
  const outcome: BatchOutcome = { done: 0, duplicate: 0, skipped: 0, cancelled: 0 };
  if (job.attemptsMade > 0) {
    let failure: unknown = null;
    for (const e of valid) {
      try {
        outcome[await runJob(deps, handlers, { id: jobIdFor(e.eventId, consumer), name: consumer, data: e.payload })]++;
      } catch (err) {
        failure ??= err;
      }
    }
    if (failure) throw failure;
  } else if (valid.length) {
    let emitted: NonNullable<BatchResult["emitted"]> = [];
    await deps.db.transaction(async (tx) => {
      // One statement marks every event processed, settling a cancelled one as such (a redelivered event is left out).
      const marked = await tx.execute<{ event_id: string; outcome: string }>(sql`
        insert into processed_events (consumer, event_id, outcome, detail)
        select ${consumer}, k.id, case when o.cancelled_at is null then 'DONE' else 'CANCELLED' end,
          'event cancelled at ' || to_char(o.cancelled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        from (select distinct value::uuid as id from jsonb_array_elements_text(${JSON.stringify(valid.map((e) => e.eventId))}::jsonb)) k
        left join outbox o on o.id = k.id
        on conflict do nothing
        returning event_id, outcome`);
      const fresh = new Set(marked.filter((r) => r.outcome === "DONE").map((r) => r.event_id));
      outcome.cancelled = marked.length - fresh.size;
      outcome.duplicate = valid.length - marked.length;
      if (fresh.size === 0) return;
      const live = valid.filter((e) => fresh.has(e.eventId));
      const handler = handlers[consumer] as JobHandler<ConsumerName>;
      let oneByOne = live;
      const refused: { eventId: string; error: AppError }[] = [];
      if (handler.batch && live.length) {
        // No savepoint: an error rolls the whole batch back anyway, and refused events were left unwritten by the handler.
        const result = (await handler.batch(createJobContext(deps, tx, live[0]!.eventId), live as never)) ?? {};
        emitted = result.emitted ?? [];
        const single = new Set(result.oneByOne ?? []);
        oneByOne = live.filter((e) => single.has(e.eventId));
        refused.push(...(result.refused ?? []));
        outcome.done = live.length - oneByOne.length - refused.length;
      }
      for (const e of oneByOne) {
        try {
          await tx.transaction((inner) => (handler as (ctx: unknown, p: unknown) => Promise<void>)(createJobContext(deps, inner, e.eventId), e.payload));
          outcome.done++;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          refused.push({ eventId: e.eventId, error: err });
        }
      }
      if (refused.length) {
        const details = refused.map(({ eventId, error }) => ({ eventId, detail: `${error.code}: ${error.message}`.slice(0, 500) }));
        await tx.execute(sql`
          update processed_events p set outcome = 'SKIPPED', detail = r.detail
          from jsonb_to_recordset(${JSON.stringify(details)}::jsonb) as r("eventId" uuid, detail text)
          where p.consumer = ${consumer} and p.event_id = r."eventId"`);
        // One line per batch: a stream of refusals (say, placements of engagements this database does not hold) must not flood the log.
        deps.logger.warn({ consumer, skipped: refused.length, first: refused.slice(0, 5).map((r) => ({ eventId: r.eventId, code: r.error.code, reason: r.error.message })) }, "jobs skipped: a business rule refused them");
        outcome.skipped = refused.length;
      }
    });
    if (emitted.length) deliver?.(emitted);
  }
  if (malformed.length) throw new UnrecoverableError(`malformed events in batch for ${consumer}: ${malformed.join("; ").slice(0, 1000)}`);
  return outcome;
}

export interface JobWorkersOptions {
  concurrency?: number;
  /** How often the watchdog looks at each queue. */
  watchdogMs?: number;
  /** How long a due job may wait while this process's worker of its queue takes nothing before the worker is replaced. */
  stuckMs?: number;
}

/**
 * One BullMQ worker per queue, dispatching consumers' jobs through the handler map and schedule ticks to the
 * outbox. A watchdog replaces a queue's Worker that has taken no job for `stuckMs` while a job in its queue has
 * been due for as long: after all of a Redis Cluster was down for 30 s, 5 of 14 blocking connections never came
 * back (docs/topology.md) and their queues' jobs waited until the process restarted. It judges by progress, not
 * by connection status, because a wedged Cluster client can report `ready` (taskforcesh/bullmq#4138). A new
 * Worker opens a fresh blocking connection; the old one is closed after its active jobs finish. A needless
 * replacement (the other process took the jobs) costs one reconnect.
 */
export function startJobWorkers(deps: Deps, handlers: JobHandlers, { concurrency = 4, watchdogMs = 15_000, stuckMs = 60_000 }: JobWorkersOptions = {}) {
  const { config, logger } = deps;
  // Blocking connections must never give up on a command (BullMQ requires maxRetriesPerRequest: null).
  const connection = createRedis(config, { maxRetriesPerRequest: null });
  connection.on("error", (err) => logger.warn({ err: err.message }, "worker redis error"));
  // Events a batch job emitted, queued right after its commit (the relay delivers them too). Fail fast while Redis is
  // unreachable instead of queueing commands in memory: the relay has them.
  const fast = createRedis(config, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5000 });
  fast.on("error", () => {});
  const fastQueues = new Map(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection: fast, prefix: config.queuePrefix, defaultJobOptions: QUEUE_JOB_OPTIONS })] as const));
  fastQueues.forEach((q) => q.on("error", () => {}));
  const deliver = (events: NonNullable<BatchResult["emitted"]>) => {
    for (const job of planJobs(events.map((e) => ({ ...e, delay: 0 })), catalogueRoute).jobs) {
      fastQueues.get(job.queue)!.add(job.name, job.data, job.options).catch((err: Error) => logger.debug({ err: err.message, job: job.name }, "queueing emitted events after commit failed; the relay delivers them"));
    }
  };
  const lastTaken = QUEUE_NAMES.map(() => Date.now());
  const createWorker = (queue: QueueName, i: number) => {
    lastTaken[i] = Date.now();
    const worker = new Worker(
      queue,
      (job) => {
        lastTaken[i] = Date.now();
        if (isScheduleJob(job.name)) return fireSchedule(deps, job.name);
        return isBatchJobData(job.data) ? runJobBatch(deps, handlers, job, { deliver }) : runJob(deps, handlers, job);
      },
      {
        connection,
        prefix: config.queuePrefix,
        concurrency,
        // Stored on each job it takes (BullMQ's `processedBy`): the queue board and the worker drill see which process runs it.
        name: `${hostname()}:${process.pid}`,
        // A job whose worker died is moved back to wait; handlers are idempotent by event id (processed_events), so
        // a job caught by several crashes may rerun rather than fail for good after BullMQ's default of one stall.
        maxStalledCount: 10,
        settings: { backoffStrategy: cappedBackoff },
      },
    );
    worker.on("failed", (job, err) => logger.warn({ queue, job: job?.name, id: job?.id, err: err.message }, "job failed"));
    worker.on("error", (err) => logger.warn({ queue, err: err.message }, "worker error"));
    return worker;
  };
  const workers = QUEUE_NAMES.map(createWorker);
  const queues = QUEUE_NAMES.map((name) => new Queue(name, { connection, prefix: config.queuePrefix }));
  queues.forEach((q) => q.on("error", () => {})); // the workers' error events already report an outage
  let closing = false;
  let checking = false;

  async function check() {
    if (closing || checking || connection.status !== "ready") return; // Redis itself down: the workers wait for it
    checking = true;
    try {
      for (const [i, queue] of QUEUE_NAMES.entries()) {
        if (Date.now() - lastTaken[i]! < stuckMs) continue;
        const [oldest] = await queues[i]!.getWaiting(0, 0);
        if (!oldest) continue;
        const dueFor = Date.now() - (oldest.timestamp + (oldest.delay ?? 0));
        if (dueFor < stuckMs || closing) continue;
        logger.error({ queue, dueForMs: dueFor, idleMs: Date.now() - lastTaken[i]! }, "worker took no job while one was due; replacing it (a stuck blocking connection?)");
        const old = workers[i]!;
        workers[i] = createWorker(queue, i);
        // Not awaited: close() waits for the old worker's active jobs.
        old.close().catch((err: Error) => logger.warn({ queue, err: err.message }, "closing the replaced worker failed"));
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "worker watchdog check failed; next round retries");
    } finally {
      checking = false;
    }
  }
  const watchdog = setInterval(() => void check(), watchdogMs); // check() catches everything itself
  watchdog.unref();
  return {
    workers,
    async close() {
      closing = true;
      clearInterval(watchdog);
      await Promise.allSettled([...workers.map((w) => w.close()), ...queues.map((q) => q.close()), ...[...fastQueues.values()].map((q) => q.close())]);
      connection.disconnect();
      fast.disconnect();
    },
  };
}
