import { UnrecoverableError, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { Db } from "../db/client.js";
import { processedEvents } from "../db/schema/index.js";
import type { Logger } from "../logger.js";
import type { JobHandlers } from "./handlers.js";
import { cappedBackoff, isJobName, JOBS, QUEUE_NAMES, type JobName } from "./jobs.js";

export interface JobWorkersOptions {
  db: Db;
  redisUrl: string;
  prefix: string;
  logger: Logger;
  handlers: JobHandlers;
  concurrency?: number;
}

/**
 * Runs a job exactly once per event id: the handler's writes and the processed_events row commit
 * together, so a retried or re-delivered job finds the row and does nothing.
 */
export async function runJob(db: Db, handlers: JobHandlers, job: Pick<Job, "id" | "name" | "data">): Promise<"done" | "duplicate"> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
  const parsed = JOBS[job.name].payload.safeParse(job.data);
  if (!parsed.success || !job.id) throw new UnrecoverableError(`malformed payload for ${job.name}: ${parsed.error?.message ?? "no id"}`);
  const name: JobName = job.name;
  const eventId = job.id;
  return db.transaction(async (tx) => {
    const fresh = await tx.insert(processedEvents).values({ consumer: name, eventId }).onConflictDoNothing().returning();
    if (fresh.length === 0) return "duplicate";
    await (handlers[name] as (tx: unknown, p: unknown, id: string) => Promise<void>)(tx, parsed.data, eventId);
    return "done";
  });
}

/** One BullMQ worker per queue, all dispatching through the handler map. */
export function startJobWorkers({ db, redisUrl, prefix, logger, handlers, concurrency = 4 }: JobWorkersOptions) {
  // Blocking connections must never give up on a command (BullMQ requires maxRetriesPerRequest: null).
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on("error", (err) => logger.warn({ err: err.message }, "worker redis error"));
  const workers = QUEUE_NAMES.map((queue) => {
    const worker = new Worker(queue, (job) => runJob(db, handlers, job), {
      connection,
      prefix,
      concurrency,
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
