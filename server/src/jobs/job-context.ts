import type { Db, Tx } from "../db/client.js";
import type { Deps } from "../deps.js";
import type { Caller } from "../access/actor.js";
import { createServices, type Services } from "../services.js";
import type { ConsumerEvent, ConsumerName, EventPayloads } from "./events.js";

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

export type JobHandler<C extends ConsumerName> = (ctx: JobContext, payload: EventPayloads[ConsumerEvent<C>]) => Promise<void>;
export type JobHandlers = { [C in ConsumerName]: JobHandler<C> };

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
