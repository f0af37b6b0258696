import { Queue } from "bullmq";
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { outbox } from "../db/schema/index.js";
import type { Logger } from "../logger.js";
import type { RedisNode } from "../config.js";
import { createRedis } from "../redis.js";
import { catalogueRoute, planJobs, type Route } from "./job-plan.js";
import { QUEUE_JOB_OPTIONS, QUEUE_NAMES, type QueueName } from "./queues.js";

export interface RelayOptions {
  db: Db;
  redisUrl: string;
  /** Redis Cluster seed nodes (config.redisClusterNodes); when given, redisUrl is not used. */
  redisClusterNodes?: readonly RedisNode[] | null;
  prefix: string;
  logger: Logger;
  pollMs: number;
  batchSize?: number;
  /** Failed deliveries (while Redis is up) before an event is parked for a person to look at. */
  maxAttempts?: number;
  now?: () => Date;
  /** Which queue and job name each consumer of an event gets; the catalogue in events.ts unless a test routes otherwise. */
  route?: Route;
}


export interface OutboxRelay {
  /** Moves one batch; returns how many events it delivered (0 while Redis is unreachable). */
  relayOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The outbox relay (DESIGN §2): reads committed, unsent events, adds one job per consumer (job id =
 * event id + consumer; for a batch consumer one job per batch, see batchJobIdFor), then marks the events sent.
 * While Redis is unreachable it delivers nothing and keeps every event; a crash between add and mark re-adds the
 * same job id, which BullMQ ignores.
 */
export function createOutboxRelay({
  db,
  redisUrl,
  redisClusterNodes = null,
  prefix,
  logger,
  pollMs,
  batchSize = 200,
  maxAttempts = 20,
  now = () => new Date(),
  route = catalogueRoute,
}: RelayOptions): OutboxRelay {
  // Fail fast instead of queueing or hanging while Redis is down or stuck: the rows wait in PostgreSQL,
  // and a stuck command cannot hold the batch's row locks for long.
  const connection = createRedis({ redisUrl, redisClusterNodes }, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 5000 });
  connection.on("error", () => {}); // reconnection is automatic; the relay reports the outage below
  const queues = new Map<QueueName, Queue>(
    QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, { connection, prefix, defaultJobOptions: QUEUE_JOB_OPTIONS });
      queue.on("error", () => {});
      return [name, queue];
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let blockedSince: number | null = null;
  let stopped = false;

  async function relayOnce(): Promise<number> {
    if (connection.status !== "ready") {
      // Still making the first connection is not an outage; a lost or refused one is.
      if (blockedSince === null && connection.status !== "connecting" && connection.status !== "wait") {
        blockedSince = Date.now();
        logger.warn({ status: connection.status }, "outbox relay: Redis unreachable, events are kept until it returns");
      }
      return 0;
    }
    return db.transaction(async (tx) => {
      // SKIP LOCKED lets several worker processes relay side by side without sending an event twice.
      const rows = await tx
        .select()
        .from(outbox)
        .where(and(isNull(outbox.sentAt), lt(outbox.attempts, maxAttempts)))
        .orderBy(asc(outbox.createdAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      const sent: string[] = [];
      // Every job of the batch is added at once (ioredis pipelines the concurrent commands): one add after another
      // cost a round trip each, and at 500 placements/s × 3 consumers the relay itself was the backlog (issue 9).
      const live = rows.filter((row) => !row.cancelledAt); // withdrawn before delivery: nothing to queue
      const { jobs, unrouted } = planJobs(
        live.map((row) => ({ id: row.id, name: row.name, payload: row.payload, delay: row.runAt ? Math.max(0, row.runAt.getTime() - now().getTime()) : 0 })),
        route,
      );
      const added = jobs.map((job) => queues.get(job.queue)!.add(job.name, job.data, job.options));
      added.forEach((p) => p.catch(() => {})); // each row below awaits the adds that carry it
      const carrying = new Map<string, Promise<unknown>[]>();
      jobs.forEach((job, i) => job.eventIds.forEach((id) => (carrying.get(id) ?? carrying.set(id, []).get(id)!).push(added[i]!)));
      const noConsumer = new Set(unrouted);
      const results = await Promise.allSettled(
        rows.map(async (row) => {
          if (row.cancelledAt) return;
          if (noConsumer.has(row.id)) throw new Error(`no consumer for event ${row.name}`);
          await Promise.all(carrying.get(row.id) ?? []);
        }),
      );
      let outage = false;
      for (const [i, result] of results.entries()) {
        const row = rows[i]!;
        if (result.status === "fulfilled") {
          sent.push(row.id);
          continue;
        }
        // While Redis is down every row fails: count the attempt against the first only, as a sequential relay would.
        if (outage) continue;
        const message = String((result.reason as Error)?.message ?? result.reason).slice(0, 500);
        await tx.update(outbox).set({ attempts: sql`${outbox.attempts} + 1`, lastError: message }).where(eq(outbox.id, row.id));
        if (row.attempts + 1 >= maxAttempts) logger.error({ eventId: row.id, name: row.name, error: message }, "outbox relay: event parked after repeated failures");
        else logger.warn({ eventId: row.id, error: message }, "outbox relay: delivery failed, will retry");
        if (connection.status !== "ready") outage = true;
      }
      if (sent.length) await tx.update(outbox).set({ sentAt: now() }).where(and(inArray(outbox.id, sent), isNull(outbox.sentAt)));
      if (blockedSince !== null && sent.length) {
        logger.info({ blockedMs: Date.now() - blockedSince }, "outbox relay: Redis is back, delivering");
        blockedSince = null;
      }
      return sent.length;
    });
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = relayOnce()
        // Straight on only after a full batch (a backlog): otherwise wait, so that under a steady stream each
        // batch job carries pollMs worth of events instead of one or two (issue 9).
        .then((n) => schedule(n >= batchSize ? 0 : pollMs))
        .catch((err) => {
          logger.error({ err }, "outbox relay tick failed");
          schedule(pollMs);
        });
    }, delay);
  }

  return {
    relayOnce,
    start: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => {});
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      connection.disconnect();
    },
  };
}
