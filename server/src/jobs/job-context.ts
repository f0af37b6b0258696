import type { Db, Tx } from "../db/client.js";
import type { Deps } from "../deps.js";
import type { Caller } from "../access/actor.js";
import type { AppError } from "../errors.js";
import { createServices, type Services } from "../services.js";
import type { ConsumerEvent, ConsumerName, EventName, EventPayloads } from "./events.js";

/**
 * What a job handler gets: its transaction (which also records the event as processed), the process's
 * deps (clock, config, logger), the services bound to that transaction, the SYSTEM caller for the audit
 * log, and the event id it is handling.
 */
export interface JobContext {
  tx: Tx;
  deps: Deps;
  /** Every domain's use cases, running inside `tx`: a job reaches other domains only through these. */
  services: Services;
  caller: Caller;
  eventId: string;
  /** The clock reading for this run (deps.now() once), so a handler's times agree with each other. */
  now: Date;
}

/** One event of a batch job, as a batch handler gets it. */
export interface BatchEvent<C extends ConsumerName> {
  eventId: string;
  payload: EventPayloads[ConsumerEvent<C>];
}

/**
 * What a batch handler did not take in itself: events a business rule refused (it wrote nothing for them; the
 * runner settles them as SKIPPED) and events to run one by one through the single-event handler (the rare
 * case the batch form does not cover), each in its own savepoint.
 */
export interface BatchResult {
  refused?: { eventId: string; error: AppError }[];
  oneByOne?: string[];
  /**
   * Events this transaction emitted (through the outbox) that the worker may queue right after the commit,
   * saving the relay's poll on a latency-bound path (the apply after placements). The relay still delivers them.
   */
  emitted?: { id: string; name: EventName; payload: unknown }[];
}

/**
 * Takes many events of one consumer in one transaction (the runner has already recorded them as processed and
 * left out duplicates and cancelled ones). An error it throws, a business refusal included, rolls the whole batch
 * back; the retry then runs the events one by one through the single-event handler.
 */
export type BatchJobHandler<C extends ConsumerName> = (ctx: Omit<JobContext, "eventId" | "caller">, events: BatchEvent<C>[]) => Promise<BatchResult | void>;

/** A consumer's handler; `batch`, when set, takes a batch job's events all at once (else they run one by one). */
export type JobHandler<C extends ConsumerName> = ((ctx: JobContext, payload: EventPayloads[ConsumerEvent<C>]) => Promise<void>) & { batch?: BatchJobHandler<C> };
export type JobHandlers = { [C in ConsumerName]: JobHandler<C> };

/** A single-event handler with its batch form attached (one registry, JOB_HANDLERS, holds both). */
export const withBatch = <C extends ConsumerName>(single: (ctx: JobContext, payload: EventPayloads[ConsumerEvent<C>]) => Promise<void>, batch: BatchJobHandler<C>): JobHandler<C> =>
  Object.assign(single, { batch });

/** The caller jobs act as: no user, marked SYSTEM in the audit log, traceable to the event. */
export const systemCaller = (eventId: string): Caller => ({
  actor: null,
  system: true,
  meta: { requestId: `event:${eventId}`, ip: null, userAgent: null },
});

/** Builds the context for one run; services are created lazily, bound to the job's transaction. */
export function createJobContext(deps: Deps, tx: Tx, eventId: string): JobContext {
  let services: Services | undefined;
  return {
    tx,
    deps,
    eventId,
    caller: systemCaller(eventId),
    now: deps.now(),
    get services() {
      // A transaction can open nested transactions (savepoints) like the pool, so services run unchanged.
      services ??= createServices({ ...deps, db: tx as unknown as Db });
      return services;
    },
  };
}
