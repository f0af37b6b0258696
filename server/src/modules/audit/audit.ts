import type { DbOrTx } from "../../db/client.js";
import type { Caller } from "../../access/actor.js";
import { insertAuditEntry } from "./audit.repo.js";

export interface AuditChange {
  /** `domain.verb`, e.g. `venue.recognize`. */
  action: string;
  entityType: string;
  entityId: string;
  /** Plain, safe values only: never password hashes or full ID numbers. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Writes one audit row inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: DbOrTx, caller: Caller, change: AuditChange, actorId?: string): Promise<void> {
  await insertAuditEntry(tx, {
    actorId: caller.actor?.userId ?? actorId ?? null,
    actorRole: caller.actor?.role ?? (caller.system ? "SYSTEM" : null),
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    ip: caller.meta.ip,
    userAgent: caller.meta.userAgent,
    requestId: caller.meta.requestId,
  });
}
