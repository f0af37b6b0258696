import { LEDGER_ACCOUNT_KIND, LEDGER_TRANSFER_KIND } from "@qz/shared";
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.js";

export const ledgerAccountKind = pgEnum("ledger_account_kind", LEDGER_ACCOUNT_KIND.values);
export const ledgerTransferKind = pgEnum("ledger_transfer_kind", LEDGER_TRANSFER_KIND.values);

/**
 * One account per (kind, owner): an employer's or worker's wallet (owner = user), a task's escrow (owner =
 * task), the platform's clearing account and the bank (no owner). `balance_fen` is derived: only the
 * trigger on ledger_entries moves it (migration 0004), and the check refuses a negative balance on any
 * account that may not go below zero, whatever the concurrency.
 */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: ledgerAccountKind("kind").notNull(),
    /** The user (wallets) or task (escrow); null for the platform's own accounts. */
    ownerId: uuid("owner_id"),
    mayGoNegative: boolean("may_go_negative").notNull().default(false),
    balanceFen: bigint("balance_fen", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("ledger_accounts_kind_owner").on(t.kind, t.ownerId).nullsNotDistinct(),
    check("ledger_accounts_not_negative", sql`${t.mayGoNegative} or ${t.balanceFen} >= 0`),
  ],
);

/**
 * One movement of money with its idempotency key: the same key and body returns this transfer again; the
 * same key with another body is refused. `body_hash` is SHA-256 of the canonical body (kind, legs, refs).
 */
export const ledgerTransfers = pgTable(
  "ledger_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    bodyHash: text("body_hash").notNull(),
    kind: ledgerTransferKind("kind").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    /** What it is about: taskId, settlementId, engagementId… */
    refs: jsonb("refs").$type<Record<string, string>>().notNull().default({}),
    memo: text("memo"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [check("ledger_transfers_amount_positive", sql`${t.amountFen} > 0`), index("ledger_transfers_created_idx").on(t.createdAt)],
);

/** The legs of a transfer: append-only (a trigger refuses UPDATE and DELETE); each transfer's legs sum to zero (deferred check). */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    transferId: uuid("transfer_id")
      .notNull()
      .references(() => ledgerTransfers.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => ledgerAccounts.id),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("ledger_entries_nonzero", sql`${t.amountFen} <> 0`),
    index("ledger_entries_account_idx").on(t.accountId, t.id),
    index("ledger_entries_transfer_idx").on(t.transferId),
  ],
);
