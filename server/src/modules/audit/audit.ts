import type { DbOrTx } from "../../db/client.js";
import type { Caller } from "../../access/actor.js";
import type { AuditChange } from "./audit-actions.js";
import { insertAuditEntry } from "./audit.repo.js";

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
