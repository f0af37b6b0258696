import type { DbOrTx } from "../db/client.js";
import { outbox } from "../db/schema/index.js";
import { JOBS, type JobName, type JobPayloads } from "./jobs.js";

/**
 * Records an event in the same transaction as the state change it describes; the relay delivers it
 * to BullMQ after commit. Returns the event id (the future job id).
 */
export async function emitEvent<N extends JobName>(
  tx: DbOrTx,
  name: N,
  payload: JobPayloads[N],
  options: { runAt?: Date } = {},
): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({ queue: JOBS[name].queue, name, payload, runAt: options.runAt ?? null })
    .returning({ id: outbox.id });
  return row!.id;
}
