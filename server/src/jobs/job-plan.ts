// Which BullMQ jobs carry a set of outbox events: shared by the relay and by a job that queues the events its
// own transaction emitted right after the commit (the relay delivering them again later is harmless: a single
// job's id is the same, and every consumer counts an event once by its id).
import { batchJobIdFor, consumersOf, CONSUMERS, isBatchConsumer, jobIdFor, type BatchJobData } from "./events.js";
import { BATCH_JOB_RETENTION, type QueueName } from "./queues.js";

export type Route = (event: string) => { consumer: string; queue: QueueName; batch?: boolean }[];

/** The catalogue's routing (events.ts): each consumer of an event on its queue, batched where it says so. */
export const catalogueRoute: Route = (event) => consumersOf(event).map((consumer) => ({ consumer, queue: CONSUMERS[consumer].queue, batch: isBatchConsumer(consumer) }));

export interface PlannedJob {
  queue: QueueName;
  name: string;
  data: unknown;
  /** The events this job carries (one, or a batch consumer's many). */
  eventIds: string[];
  /** Options beyond the queue's defaults: a batch job's shorter retention. */
  options: { jobId: string; delay: number } & Partial<typeof BATCH_JOB_RETENTION>;
}

/**
 * One job per consumer of each event (job id = event id + consumer), except that a batch consumer's immediate
 * events share one job (one transaction in the worker instead of one per event). A scheduled event (delay > 0)
 * always gets its own delayed job. Events with no consumer are returned in `unrouted`.
 */
export function planJobs(events: { id: string; name: string; payload: unknown; delay: number }[], route: Route): { jobs: PlannedJob[]; unrouted: string[] } {
  const jobs: PlannedJob[] = [];
  const unrouted: string[] = [];
  const batches = new Map<string, { queue: QueueName; events: BatchJobData["events"] }>();
  for (const e of events) {
    const consumers = route(e.name);
    if (consumers.length === 0) unrouted.push(e.id);
    for (const c of consumers) {
      if (!c.batch || e.delay > 0) {
        const jobId = jobIdFor(e.id, c.consumer);
        jobs.push({ queue: c.queue, name: c.consumer, data: e.payload, eventIds: [e.id], options: { jobId, delay: e.delay } });
        continue;
      }
      const batch = batches.get(c.consumer) ?? batches.set(c.consumer, { queue: c.queue, events: [] }).get(c.consumer)!;
      batch.events.push({ id: e.id, payload: e.payload });
    }
  }
  for (const [consumer, { queue, events: carried }] of batches) {
    const eventIds = carried.map((e) => e.id);
    const jobId = batchJobIdFor(eventIds, consumer);
    jobs.push({ queue, name: consumer, data: { events: carried } satisfies BatchJobData, eventIds, options: { jobId, delay: 0, ...BATCH_JOB_RETENTION } });
  }
  return { jobs, unrouted };
}
