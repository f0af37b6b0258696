/**
 * Queues by workload (DESIGN §2) and the options every job gets. Queue keys live under the hash-tagged
 * prefix ({qz}), so BullMQ runs unchanged on Redis Cluster.
 */
// "rollup" carries only the batched placement applies, so they never queue behind a backlog of placement jobs.
export const QUEUE_NAMES = ["dispatch", "settlement", "performance", "rollup", "complaints", "subsidy", "notify", "housekeeping"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Retry for more than a day before giving up: the outbox row is already marked sent, so a job that runs out
 * of attempts during a long database outage would otherwise be lost. Malformed payloads and business
 * refusals do not retry (see job-runner.ts). Keep finished jobs a while: it also lets BullMQ drop a
 * re-sent job id.
 */
export const QUEUE_JOB_OPTIONS = {
  attempts: 40,
  backoff: { type: "capped" },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * Completed batch jobs are kept for less: each carries up to a relay batch of payloads (tens of KB), and their
 * events are deduplicated by processed_events, not by the job id. 1,000 per queue is about a minute at 500
 * placements/s and ~10 MB of Redis per queue; 10,000 would be ~100 MB.
 */
export const BATCH_JOB_RETENTION = { removeOnComplete: { age: 3600, count: 1_000 } } as const;

/** Backoff for `capped`: doubling from 1 s, at most 1 h between tries (40 attempts span about 29 hours). */
export const cappedBackoff = (attemptsMade: number): number => Math.min(1_000 * 2 ** Math.max(0, attemptsMade - 1), 3_600_000);
