import type { DbOrTx } from "../../db/client.js";
import { insertJsonRows } from "../../db/json-rows.js";
import { auditLog } from "../../db/schema/index.js";

export type AuditEntry = typeof auditLog.$inferInsert;

export async function insertAuditEntry(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

export async function insertAuditEntries(tx: DbOrTx, entries: AuditEntry[]): Promise<void> {
  await insertJsonRows(tx, auditLog, entries);
}
