import type { Tx } from "../db/client.js";
import type { JobName, JobPayloads } from "./jobs.js";

/** A job handler runs inside the transaction that also records its event as processed. */
export type JobHandler<N extends JobName> = (tx: Tx, payload: JobPayloads[N], eventId: string) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };
