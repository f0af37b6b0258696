import type { LedgerAccountKind, LedgerTransferKind } from "@qz/shared";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
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

/** Creates the accounts that do not exist yet (concurrent first uses make one row each). */
export async function ensureAccounts(tx: DbOrTx, refs: { kind: LedgerAccountKind; ownerId: string | null; mayGoNegative: boolean }[]): Promise<void> {
  await tx
    .insert(ledgerAccounts)
    .values(refs.map((r) => ({ kind: r.kind, ownerId: r.ownerId, mayGoNegative: r.mayGoNegative })))
    .onConflictDoNothing();
}

export interface PostedTransfer {
  key: string;
  bodyHash: string;
  kind: LedgerTransferKind;
  amountFen: number;
  refs: Record<string, string>;
  memo: string | null;
  createdBy: string | null;
  from: { kind: LedgerAccountKind; ownerId: string | null };
  to: { kind: LedgerAccountKind; ownerId: string | null };
}

/**
 * Posts transfers in ONE statement (the payout hot path, DESIGN §3): accounts resolved by (kind, owner) in
 * the statement, each transfer inserted unless its key exists (a concurrent holder of the key makes this
 * wait for its commit), and its two legs inserted with it. The entries go in ordered by account, credits
 * first, so the balance trigger locks accounts in one order everywhere (no deadlock) and a wallet credited
 * and debited in one batch never dips below zero in between; ledger_accounts_not_negative is the balance
 * check. `ready` is false (and nothing is written) when an account does not exist yet.
 */
export async function postTransfers(tx: DbOrTx, rows: PostedTransfer[], at: Date): Promise<{ ready: boolean; created: TransferRow[] }> {
  const input = rows.map((r, ord) => ({
    ord,
    key: r.key,
    body_hash: r.bodyHash,
    kind: r.kind,
    amount_fen: r.amountFen,
    refs: r.refs,
    memo: r.memo,
    created_by: r.createdBy,
    from_kind: r.from.kind,
    from_owner: r.from.ownerId,
    to_kind: r.to.kind,
    to_owner: r.to.ownerId,
  }));
  const result = await tx.execute<{
    ready: boolean;
    id: string | null;
    idempotencyKey: string;
    bodyHash: string;
    kind: LedgerTransferKind;
    amountFen: string;
    refs: Record<string, string>;
    memo: string | null;
    createdBy: string | null;
    createdAt: Date | string;
  }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(ord int, key text, body_hash text, kind ledger_transfer_kind,
        amount_fen bigint, refs jsonb, memo text, created_by uuid, from_kind ledger_account_kind, from_owner uuid, to_kind ledger_account_kind, to_owner uuid)
    ),
    legs as (
      select key, from_kind as kind, from_owner as owner, -amount_fen as amount_fen from input
      union all select key, to_kind, to_owner, amount_fen from input
    ),
    acc as (
      select l.key, l.amount_fen, a.id as account_id from legs l join ledger_accounts a on a.kind = l.kind and a.owner_id = l.owner
      union all
      select l.key, l.amount_fen, a.id from legs l join ledger_accounts a on a.kind = l.kind and a.owner_id is null where l.owner is null
    ),
    ready as (select (select count(*) from acc) = (select count(*) from legs) as ok),
    t as (
      insert into ledger_transfers (idempotency_key, body_hash, kind, amount_fen, refs, memo, created_by, created_at)
      select i.key, i.body_hash, i.kind, i.amount_fen, i.refs, i.memo, i.created_by, ${at.toISOString()}::timestamptz from input i, ready where ready.ok order by i.ord
      on conflict (idempotency_key) do nothing
      returning *
    ),
    e as (
      insert into ledger_entries (transfer_id, account_id, amount_fen, created_at)
      select t.id, acc.account_id, acc.amount_fen, ${at.toISOString()}::timestamptz from t join acc on acc.key = t.idempotency_key order by acc.account_id, acc.amount_fen desc
      returning 1
    )
    select ready.ok as ready, t.id, t.idempotency_key as "idempotencyKey", t.body_hash as "bodyHash", t.kind, t.amount_fen::text as "amountFen",
           t.refs, t.memo, t.created_by as "createdBy", t.created_at as "createdAt", (select count(*) from e) as entries
    from ready left join t on true`);
  const list = [...result];
  return {
    ready: list[0]?.ready ?? false,
    created: list
      .filter((r) => r.id)
      .map((r) => ({ id: r.id!, idempotencyKey: r.idempotencyKey, bodyHash: r.bodyHash, kind: r.kind, amountFen: Number(r.amountFen), refs: r.refs, memo: r.memo, createdBy: r.createdBy, createdAt: new Date(r.createdAt) })),
  };
}

export async function findTransferByKey(db: DbOrTx, key: string): Promise<TransferRow | null> {
  const [row] = await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, key));
  return row ?? null;
}

export async function findTransfersByKeys(db: DbOrTx, keys: string[]): Promise<TransferRow[]> {
  return keys.length ? db.select().from(ledgerTransfers).where(inArray(ledgerTransfers.idempotencyKey, keys)) : [];
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
