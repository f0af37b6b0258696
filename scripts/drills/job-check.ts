// No job stuck: the BullMQ queues under the server's hash-tagged prefix, read without writing (no meta
// update). Active too long means a lost worker whose job was never taken back; waiting or delayed past due
// means no worker is consuming; failed means a consumer gave up, so its work never happened.
import { Queue, type Job } from "bullmq";
import type { Cluster, Redis } from "ioredis";
import { cappedBackoff, QUEUE_NAMES } from "../../server/src/jobs/queues.js";
import type { Check, Reader } from "./sql-checks.js";

export interface JobCheckOptions {
  now: Date;
  /** The raw QUEUE_PREFIX; the server wraps it in braces (config.ts). */
  queuePrefix: string;
  activeMaxSeconds: number;
  overdueMaxSeconds: number;
}

/** Jobs looked at per state and queue: the oldest first, which are the ones that can be stuck. */
const LIMIT = 500;
const SAMPLE = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Job scheduler ids end in their slot's epoch milliseconds (BullMQ `repeat:<key>:<millis>`). */
const SLOT = /^repeat:.*:(\d{12,})$/;

/**
 * When a waiting job became ready. BullMQ zeroes `delay` when it promotes a delayed job, so the time it was
 * added is not enough: a scheduled event's job is ready at the event's run_at, a schedule tick at its slot,
 * a retried job after its backoff (capped doubling, queues.ts) from its last start.
 */
function readyAt(job: Job, runAt: Map<string, number>): number {
  let at = job.timestamp + (job.delay ?? 0);
  const slot = SLOT.exec(job.id ?? "");
  if (slot) at = Math.max(at, Number(slot[1]));
  const event = UUID.exec(job.id ?? "");
  if (event && runAt.has(event[0].toLowerCase())) at = Math.max(at, runAt.get(event[0].toLowerCase())!);
  if (job.attemptsMade > 0 && job.processedOn) at = Math.max(at, job.processedOn + cappedBackoff(job.attemptsMade));
  return at;
}

const age = (ms: number) => (ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/** Reads every queue under the prefix and reports stuck, overdue and failed jobs with their reasons. */
export async function checkJobs(redis: Redis | Cluster, sql: Reader, o: JobCheckOptions): Promise<Check> {
  const now = o.now.getTime();
  const prefix = `{${o.queuePrefix}}`;
  const stuck: string[] = [];
  const failed: string[] = [];
  const paused: string[] = [];
  let total = 0;
  for (const name of QUEUE_NAMES) {
    const queue = new Queue(name, { connection: redis, prefix, skipMetasUpdate: true });
    queue.on("error", () => {});
    try {
      const counts = await queue.getJobCounts("active", "waiting", "prioritized", "delayed", "failed", "completed");
      total += Object.values(counts).reduce((a, b) => a + b, 0);
      if ((counts.waiting ?? 0) + (counts.prioritized ?? 0) > 0 && (await queue.isPaused())) paused.push(`${name} is paused with ${counts.waiting} waiting`);

      for (const job of await queue.getJobs(["active"], 0, LIMIT - 1, true)) {
        const since = job.processedOn ?? job.timestamp;
        if (now - since > o.activeMaxSeconds * 1000) stuck.push(`${name} ${job.name} ${job.id} active for ${age(now - since)}`);
      }

      const waiting = await queue.getJobs(["waiting", "prioritized"], 0, LIMIT - 1, true);
      const eventIds = [...new Set(waiting.map((j) => UUID.exec(j.id ?? "")?.[0].toLowerCase()).filter((id): id is string => !!id))];
      const runAt = new Map<string, number>();
      if (eventIds.length) {
        const rows = await sql<{ id: string; run_at: Date | string }[]>`select id::text, run_at from outbox where id = any(${eventIds}::uuid[]) and run_at is not null`;
        for (const r of rows) runAt.set(r.id, new Date(r.run_at).getTime());
      }
      for (const job of waiting) {
        const late = now - readyAt(job, runAt);
        if (late > o.overdueMaxSeconds * 1000) stuck.push(`${name} ${job.name} ${job.id} waiting ${age(late)} past due`);
      }

      // A delayed job's due time is its score in the delayed set (due × 0x1000 + sequence): read the overdue ones directly.
      const bound = (now - o.overdueMaxSeconds * 1000) * 0x1000;
      const overdue = await redis.zrangebyscore(queue.toKey("delayed"), "-inf", `(${bound}`, "WITHSCORES", "LIMIT", 0, LIMIT);
      for (let i = 0; i < overdue.length; i += 2) {
        const due = Math.floor(Number(overdue[i + 1]) / 0x1000);
        stuck.push(`${name} ${overdue[i]} delayed ${age(now - due)} past due`);
      }

      for (const job of await queue.getJobs(["failed"], 0, LIMIT - 1, true)) {
        failed.push(`${name} ${job.name} ${job.id} after ${job.attemptsMade} attempts: ${String(job.failedReason ?? "").slice(0, 200)}`);
      }
    } finally {
      await queue.close();
    }
  }
  const list = (items: string[]) => items.slice(0, SAMPLE).join("; ") + (items.length > SAMPLE ? `; … ${items.length - SAMPLE} more` : "");
  if (!stuck.length && !failed.length && !paused.length) {
    return { name: "no-job-stuck", ok: true, detail: `${total} jobs under ${prefix}; none active over ${o.activeMaxSeconds} s, none overdue by ${o.overdueMaxSeconds} s, none failed` };
  }
  const parts = [];
  if (paused.length) parts.push(list(paused));
  if (stuck.length) parts.push(`${stuck.length} jobs stuck: ${list(stuck)}`);
  if (failed.length) parts.push(`${failed.length} jobs failed: ${list(failed)}`);
  return { name: "no-job-stuck", ok: false, detail: parts.join(" | ") };
}
