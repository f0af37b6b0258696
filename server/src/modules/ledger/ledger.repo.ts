import type { LedgerAccountKind } from "@qz/shared";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { ledgerAccounts, ledgerEntries, ledgerTransfers } from "../../db/schema/index.js";

export type AccountRow = typeof ledgerAccounts.$inferSelect;
export type TransferRow = typeof ledgerTransfers.$inferSelect;
export type EntryRow = typeof ledgerEntries.$inferSelect;

const ownerIs = (ownerId: string | null) => (ownerId === null ? isNull(ledgerAccounts.ownerId) : eq(ledgerAccounts.ownerId, ownerId));

export async function findAccount(db: DbOrTx, kind: LedgerAccountKind, ownerId: string | null): Promise<AccountRow | null> {
  const [row] = await db.select().from(ledgerAccounts).where(and(eq(ledgerAccounts.kind, kind), ownerIs(ownerId)));
  return row ?? null;
}

/** The account, created on first use (concurrent first uses make one row). */
export async function ensureAccount(tx: DbOrTx, kind: LedgerAccountKind, ownerId: string | null, mayGoNegative: boolean): Promise<AccountRow> {
  const existing = await findAccount(tx, kind, ownerId);
  if (existing) return existing;
  await tx.insert(ledgerAccounts).values({ kind, ownerId, mayGoNegative }).onConflictDoNothing();
  return (await findAccount(tx, kind, ownerId))!;
}

/** Locks the accounts in id order (one lock order for every transfer, so two transfers never deadlock). */
export async function lockAccounts(tx: DbOrTx, ids: string[]): Promise<AccountRow[]> {
  return tx.select().from(ledgerAccounts).where(inArray(ledgerAccounts.id, ids)).orderBy(asc(ledgerAccounts.id)).for("update");
}

export async function findTransferByKey(db: DbOrTx, key: string): Promise<TransferRow | null> {
  const [row] = await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, key));
  return row ?? null;
}

/** Inserts the transfer unless its key exists (a concurrent holder of the key makes this wait for its commit); null then. */
export async function insertTransfer(tx: DbOrTx, row: typeof ledgerTransfers.$inferInsert): Promise<TransferRow | null> {
  const [created] = await tx.insert(ledgerTransfers).values(row).onConflictDoNothing({ target: ledgerTransfers.idempotencyKey }).returning();
  return created ?? null;
}

export async function insertEntries(tx: DbOrTx, rows: (typeof ledgerEntries.$inferInsert)[]): Promise<void> {
  await tx.insert(ledgerEntries).values(rows);
}

/** An account's latest entries with their transfer's kind. */
export function listEntries(db: DbOrTx, accountId: string, limit: number) {
  return db
    .select({ id: ledgerEntries.id, transferId: ledgerEntries.transferId, amountFen: ledgerEntries.amountFen, createdAt: ledgerEntries.createdAt, kind: ledgerTransfers.kind, refs: ledgerTransfers.refs })
    .from(ledgerEntries)
    .innerJoin(ledgerTransfers, eq(ledgerTransfers.id, ledgerEntries.transferId))
    .where(eq(ledgerEntries.accountId, accountId))
    .orderBy(desc(ledgerEntries.id))
    .limit(limit);
}

/** Whole-ledger invariants: the sum of every entry (zero), accounts whose cached balance differs from their entries, and overdrawn accounts. */
export async function ledgerHealth(db: DbOrTx) {
  const [totals] = await db.select({ sum: sql<string>`coalesce(sum(${ledgerEntries.amountFen}), 0)`, entries: sql<number>`count(*)::int` }).from(ledgerEntries);
  const drift = await db.execute<{ id: string }>(sql`
    select a.id from ledger_accounts a left join ledger_entries e on e.account_id = a.id
    group by a.id having a.balance_fen <> coalesce(sum(e.amount_fen), 0)`);
  const negative = await db.execute<{ id: string }>(sql`select id from ledger_accounts where not may_go_negative and balance_fen < 0`);
  return { sumFen: Number(totals!.sum), entries: totals!.entries, drifted: [...drift].map((r) => r.id), negative: [...negative].map((r) => r.id) };
}
