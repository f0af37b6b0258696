// The checks every failure drill (issue 12) runs afterwards: nothing lost or doubled when processes, Redis or
// PostgreSQL fail under load. A library (this file) and a CLI (check.ts, `pnpm drills:check`). Reads only.
import type { Cluster, Redis } from "ioredis";
import type postgres from "postgres";
import { checkJobs } from "./job-check.js";
import { checkLedger, checkOutboxNoneLost, checkOutboxNoneTwice, checkPaidOnce, checkPlacementsCounted, checkSeats, type Check, type Reader } from "./sql-checks.js";

export type { Check, Reader } from "./sql-checks.js";

export interface InvariantOptions {
  /** The raw QUEUE_PREFIX (the server wraps it in braces); with `redis`, the queues are checked too. */
  queuePrefix?: string;
  /** A connection to the Redis (or Redis Cluster) the workers use; without it the job check is left out. */
  redis?: Redis | Cluster;
  /** The time to judge "due" and "stuck" by (default: now). */
  now?: Date;
  /** How long an event may wait to be sent and processed, or a paid placement to reach the roll-up (default 60 s). */
  graceSeconds?: number;
  /** How long a job may stay active (default 300 s). */
  activeMaxSeconds?: number;
  /** How far past due a waiting or delayed job may be (default 120 s). */
  overdueMaxSeconds?: number;
  /** Sent events checked for processed marks: housekeeping purges marks after 30 days (default 29). */
  lookbackDays?: number;
}

export const DEFAULTS = { graceSeconds: 60, activeMaxSeconds: 300, overdueMaxSeconds: 120, lookbackDays: 29 } as const;

/** The check names, in the order they run and print; the drills rely on them. */
export const CHECK_NAMES = [
  "no-task-overfilled",
  "no-settlement-paid-twice",
  "ledger-balanced",
  "placements-counted-once",
  "outbox-none-lost",
  "outbox-none-twice",
  "no-job-stuck",
] as const;

/** Runs every invariant check against one database (and its queues); `ok` is false when any check fails. */
export async function checkInvariants(sql: Reader, opts: InvariantOptions = {}): Promise<{ ok: boolean; checks: Check[] }> {
  const o = { ...DEFAULTS, ...opts, now: opts.now ?? new Date() };
  // One snapshot for every SQL check, so a busy database cannot make two checks disagree about the same rows.
  // A transaction given by the caller (a test planting a violation) is used as it is.
  const run = async (tx: Reader): Promise<Check[]> => [
    await checkSeats(tx),
    await checkPaidOnce(tx),
    await checkLedger(tx),
    await checkPlacementsCounted(tx, o),
    await checkOutboxNoneLost(tx, o),
    await checkOutboxNoneTwice(tx),
  ];
  const checks = "begin" in sql ? ((await (sql as postgres.Sql).begin("isolation level repeatable read read only", run)) as Check[]) : await run(sql);
  if (o.redis) {
    if (!o.queuePrefix) throw new Error("checkInvariants: queuePrefix is required with redis");
    checks.push(await checkJobs(o.redis, sql, { now: o.now, queuePrefix: o.queuePrefix, activeMaxSeconds: o.activeMaxSeconds, overdueMaxSeconds: o.overdueMaxSeconds }));
  }
  return { ok: checks.every((c) => c.ok), checks };
}
