import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { insertJsonRows } from "../db/json-rows.js";
import { outbox } from "../db/schema/index.js";
import type { EventName, EventPayloads } from "./events.js";

/**
 * Records an event in the same transaction as the state change it describes; the relay delivers it to
 * each consumer's queue after commit. With `runAt` it is scheduled (an offer's expiry, a complaint's
 * deadline, the end of a public notice): a Redis outage delays it but loses nothing. Returns the event id.
 */
export async function emitEvent<E extends EventName>(
  tx: DbOrTx,
  name: E,
  payload: EventPayloads[E],
  options: { runAt?: Date; id?: string } = {},
): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({ ...(options.id ? { id: options.id } : {}), name, payload, runAt: options.runAt ?? null })
    .onConflictDoNothing({ target: outbox.id })
    .returning({ id: outbox.id });
  // A fixed id (a schedule's slot) that already exists means this event was emitted before.
  return row?.id ?? options.id!;
}

/** Several events of one kind in one statement (a batch of payouts), in the transaction of their state change. */
export async function emitEvents<E extends EventName>(tx: DbOrTx, name: E, events: { id: string; payload: EventPayloads[E] }[]): Promise<void> {
  await insertJsonRows(tx, outbox, events.map((e) => ({ id: e.id, name, payload: e.payload as Record<string, unknown>, runAt: null })));
}

/**
 * Withdraws a scheduled event (the offer was answered before it expired). Its jobs, if already queued,
 * find the mark and do nothing. False when it was already cancelled or does not exist.
 */
export async function cancelEvent(tx: DbOrTx, eventId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(outbox)
    .set({ cancelledAt: at })
    .where(and(eq(outbox.id, eventId), isNull(outbox.cancelledAt)))
    .returning({ id: outbox.id });
  return rows.length > 0;
}
