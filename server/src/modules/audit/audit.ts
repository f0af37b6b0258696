import type { DbOrTx } from "../../db/client.js";
import type { Caller } from "../../access/actor.js";
import type { AuditChange } from "./audit-actions.js";
import { insertAuditEntries, insertAuditEntry, type AuditEntry } from "./audit.repo.js";

export type { AuditAction, AuditChange } from "./audit-actions.js";

/** Writes one audit row inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: DbOrTx, caller: Caller, change: AuditChange, actorId?: string): Promise<void> {
  await insertAuditEntry(tx, {
    actorId: caller.actor?.userId ?? actorId ?? null,
    actorRole: caller.actor?.role ?? (caller.system ? "SYSTEM" : null),
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: (change.before as Record<string, unknown> | undefined) ?? null,
    after: (change.after as Record<string, unknown> | undefined) ?? null,
    ip: caller.meta.ip,
    userAgent: caller.meta.userAgent,
    requestId: caller.meta.requestId,
  });
}

/** Several audit rows in one statement (a batch of payouts), in the caller's transaction. */
export async function recordAudits(tx: DbOrTx, caller: Caller, changes: AuditChange[]): Promise<void> {
  const rows: AuditEntry[] = changes.map((change) => ({
    actorId: caller.actor?.userId ?? null,
    actorRole: caller.actor?.role ?? (caller.system ? "SYSTEM" : null),
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: (change.before as Record<string, unknown> | undefined) ?? null,
    after: (change.after as Record<string, unknown> | undefined) ?? null,
    ip: caller.meta.ip,
    userAgent: caller.meta.userAgent,
    requestId: caller.meta.requestId,
  }));
  await insertAuditEntries(tx, rows);
}
