import { z } from "zod";

/**
 * Queues by workload (DESIGN §2) and the typed map from job name to payload schema. Every job carries
 * its outbox event id as the BullMQ job id, so handlers are idempotent by event id.
 */
export const QUEUE_NAMES = ["dispatch", "performance", "complaints", "subsidy", "notify"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const JOBS = {
  /** Welcome a newly registered user in the app. */
  "notify.user-registered": { queue: "notify", payload: z.object({ userId: z.string().uuid(), role: z.string() }) },
  /** Tell a venue's staff that officers changed its status (认定/暂停/撤销). */
  "notify.venue-status-changed": {
    queue: "notify",
    payload: z.object({ venueId: z.string().uuid(), from: z.string(), to: z.string(), reason: z.string().nullable() }),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobPayloads = { [K in JobName]: z.infer<(typeof JOBS)[K]["payload"]> };

/**
 * Retry for more than a day before giving up: the outbox row is already marked sent, so a job that runs out
 * of attempts during a long database outage would otherwise be lost. Malformed payloads fail at once
 * (UnrecoverableError). Keep finished jobs a while: it also lets BullMQ drop a re-sent event id.
 */
export const QUEUE_JOB_OPTIONS = {
  attempts: 40,
  backoff: { type: "capped" },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Backoff for `capped`: doubling from 1 s, at most 1 h between tries (40 attempts span about 29 hours). */
export const cappedBackoff = (attemptsMade: number): number => Math.min(1_000 * 2 ** Math.max(0, attemptsMade - 1), 3_600_000);
