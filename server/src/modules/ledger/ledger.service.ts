// 账务 (DESIGN §3 Ledger): double-entry transfers in integer fen. Each transfer is balanced entries in one
// transaction under an idempotency key; balances are derived from the entries (the database moves them)
// and no wallet or escrow goes below zero, however many transfers run at once.
import { createHash } from "node:crypto";
import { canonicalJson, checkAmountFen, checkLegs, legsOf, MAY_GO_NEGATIVE, TRANSFER_ROUTES, type LedgerAccountKind, type LedgerTransferKind } from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { recordAudit } from "../audit/audit.js";
import type { DispatchService } from "../dispatch/dispatch.service.js";
import * as repo from "./ledger.repo.js";

export interface AccountRef {
  kind: LedgerAccountKind;
  /** The user (wallets) or task (escrow); null for the platform's clearing account and the bank. */
  ownerId: string | null;
}

export interface TransferCommand {
  /** Unique per movement of money: retrying with the same key and body returns the first transfer. */
  key: string;
  kind: LedgerTransferKind;
  from: AccountRef;
  to: AccountRef;
  amountFen: number;
  /** What the money is about (taskId, settlementId…): part of the body the key is bound to. */
  refs?: Record<string, string>;
  memo?: string | null;
  createdBy?: string | null;
}

export interface TransferResult {
  transfer: repo.TransferRow;
  /** True when the key had been used with the same body: nothing moved this time. */
  replayed: boolean;
}

export const wallet = (kind: "EMPLOYER_WALLET" | "WORKER_WALLET", userId: string): AccountRef => ({ kind, ownerId: userId });
export const escrowOf = (taskId: string): AccountRef => ({ kind: "TASK_ESCROW", ownerId: taskId });
export const CLEARING: AccountRef = { kind: "PLATFORM_CLEARING", ownerId: null };
export const BANK: AccountRef = { kind: "BANK", ownerId: null };

/**
 * Payout lanes (hot-spot splitting): every payout credits clearing and then the bank, so one clearing row and
 * one bank row would make all payouts queue on their locks. A payout uses the clearing and bank accounts of
 * its settlement's lane instead; the platform's clearing position is the sum over the lanes (and CLEARING).
 */
export const PAYOUT_LANES = 16;
const laneOwner = (lane: number) => `00000000-0000-4000-8000-${lane.toString(16).padStart(12, "0")}`;
/** The lane of a settlement (its id's last hex digits; uuids are uniform there). */
export const payoutLane = (settlementId: string) => parseInt(settlementId.slice(-4), 16) % PAYOUT_LANES;
export const clearingLane = (settlementId: string): AccountRef => ({ kind: "PLATFORM_CLEARING", ownerId: laneOwner(payoutLane(settlementId)) });
export const bankLane = (settlementId: string): AccountRef => ({ kind: "BANK", ownerId: laneOwner(payoutLane(settlementId)) });

export const INSUFFICIENT_FUNDS = "余额不足";
const ACCOUNT_LABEL: Partial<Record<LedgerAccountKind, string>> = { TASK_ESCROW: "岗位托管资金", EMPLOYER_WALLET: "用工主体钱包", WORKER_WALLET: "零工钱包", PLATFORM_CLEARING: "平台清算户" };
const refKey = (a: AccountRef) => `${a.kind}:${a.ownerId ?? ""}`;

/** The database's refusal of an overdraft (ledger_accounts_not_negative) as a typed error naming the account. */
function overdraftError(err: unknown, rows: repo.PostedTransfer[]): AppError | null {
  const cause = (err as { cause?: { constraint_name?: string; detail?: string } }).cause ?? (err as { constraint_name?: string; detail?: string });
  if (cause?.constraint_name !== "ledger_accounts_not_negative") return null;
  // The failing row's kind is in the detail; the amount is the batch's (one transfer in every caller but payouts).
  const kind = (Object.keys(ACCOUNT_LABEL) as LedgerAccountKind[]).find((k) => cause.detail?.includes(`, ${k},`));
  const amountFen = rows.length === 1 ? rows[0]!.amountFen : rows.reduce((sum, r) => sum + r.amountFen, 0);
  return new AppError("PRECONDITION_FAILED", `${INSUFFICIENT_FUNDS}：${(kind && ACCOUNT_LABEL[kind]) ?? "账户"}余额不足以支付 ${amountFen} 分`, [{ code: "INSUFFICIENT_FUNDS", message: INSUFFICIENT_FUNDS }]);
}
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** A client's idempotency key, scoped to the user so one user's key can never collide with another's. */
export function clientKey(userId: string, raw: string): string {
  if (!KEY_PATTERN.test(raw)) badInput("idempotencyKey", [{ code: "IDEMPOTENCY_KEY", message: "幂等键应为8–100位字母、数字或 _ . : -" }]);
  return `client:${userId}:${raw}`;
}

function checkedAmount(fen: number): number {
  const amount = checkAmountFen(fen);
  if (!amount.ok) badInput("amountFen", amount.reasons);
  return amount.value;
}

export type LedgerService = ReturnType<typeof createLedgerService>;

export function createLedgerService(deps: Deps, parts: { dispatch: DispatchService }) {
  const { db, config } = deps;

  /** Checks a command and binds its key to its body (kind, accounts, amount, refs). */
  function prepare(cmd: TransferCommand): repo.PostedTransfer {
    const route = TRANSFER_ROUTES[cmd.kind];
    if (!route || route[0] !== cmd.from.kind || route[1] !== cmd.to.kind) throw new Error(`ledger: ${cmd.kind} does not move ${cmd.from.kind} → ${cmd.to.kind}`);
    const amountFen = checkedAmount(cmd.amountFen);
    const legs = checkLegs(legsOf(refKey(cmd.from), refKey(cmd.to), amountFen));
    if (!legs.ok) badInput("amountFen", legs.reasons);
    const refs = cmd.refs ?? {};
    const bodyHash = createHash("sha256").update(canonicalJson({ kind: cmd.kind, from: cmd.from, to: cmd.to, amountFen, refs })).digest("hex");
    return { key: cmd.key, bodyHash, kind: cmd.kind, amountFen, refs, memo: cmd.memo ?? null, createdBy: cmd.createdBy ?? null, from: cmd.from, to: cmd.to };
  }

  /**
   * Moves money once per key, several transfers in one statement (in `tx`, or on its own: one statement is
   * atomic). A key already used with the same body returns the first transfer; with another body, CONFLICT.
   * An overdraft is refused by the database's check on the account (INSUFFICIENT_FUNDS) and moves nothing.
   */
  async function transferMany(cmds: TransferCommand[], tx?: DbOrTx): Promise<TransferResult[]> {
    const rows = cmds.map(prepare);
    if (new Set(rows.map((r) => r.key)).size !== rows.length) throw new Error("ledger: one idempotency key twice in one batch");
    const t = tx ?? db;
    let posted: Awaited<ReturnType<typeof repo.postTransfers>>;
    try {
      posted = await repo.postTransfers(t, rows, deps.now());
      if (!posted.ready) {
        // First use of an account: create it, then post (rare; the hot path is the one statement above).
        await repo.ensureAccounts(t, rows.flatMap((r) => [r.from, r.to]).map((a) => ({ ...a, mayGoNegative: MAY_GO_NEGATIVE[a.kind] })));
        posted = await repo.postTransfers(t, rows, deps.now());
        if (!posted.ready) throw new Error("ledger: accounts missing after creation");
      }
    } catch (err) {
      throw overdraftError(err, rows) ?? err;
    }
    const created = new Map(posted.created.map((c) => [c.idempotencyKey, c]));
    const missing = rows.filter((r) => !created.has(r.key)).map((r) => r.key);
    const existing = new Map((await repo.findTransfersByKeys(t, missing)).map((e) => [e.idempotencyKey, e]));
    return rows.map((r) => {
      const mine = created.get(r.key);
      if (mine) return { transfer: mine, replayed: false };
      const first = existing.get(r.key);
      if (!first) throw new Error(`ledger: transfer ${r.key} neither posted nor found`);
      if (first.bodyHash !== r.bodyHash) {
        throw new AppError("CONFLICT", "该幂等键已用于另一笔不同的转账", [{ code: "IDEMPOTENCY_KEY_REUSED", message: "同一幂等键对应的转账内容不同" }]);
      }
      return { transfer: first, replayed: true };
    });
  }

  /** One transfer (see transferMany); `audit` is written in the same transaction when it moved money. */
  async function transfer(cmd: TransferCommand, tx?: DbOrTx, audit?: (tx: DbOrTx, t: repo.TransferRow) => Promise<void>): Promise<TransferResult> {
    if (!audit) return (await transferMany([cmd], tx))[0]!;
    const run = async (t: DbOrTx) => {
      const [result] = await transferMany([cmd], t);
      if (!result!.replayed) await audit(t, result!.transfer);
      return result!;
    };
    return tx ? run(tx) : db.transaction(run);
  }

  async function balanceOf(ref: AccountRef, tx: DbOrTx = db): Promise<number> {
    return (await repo.findAccount(tx, ref.kind, ref.ownerId))?.balanceFen ?? 0;
  }

  async function accountView(ref: AccountRef) {
    const account = await repo.findAccount(db, ref.kind, ref.ownerId);
    return { id: account?.id ?? null, kind: ref.kind, ownerId: ref.ownerId, balanceFen: account?.balanceFen ?? 0 };
  }

  return {
    transfer,
    transferMany,
    balanceOf,
    /** Escrow held for a task. */
    escrowBalance: (taskId: string, tx?: DbOrTx) => balanceOf(escrowOf(taskId), tx),
    ledgerHealth: () => repo.ledgerHealth(db),

    /**
     * Demo and test money (模拟充值): the bank credits the employer's wallet. Refused unless
     * LEDGER_MOCK_TOP_UP is on (never in production: real money arrives through a payment adapter).
     */
    async topUpWallet(caller: Caller, input: { amountFen: number; idempotencyKey: string }) {
      const actor = requireActor(caller, "EMPLOYER");
      if (!config.ledgerMockTopUp) throw new AppError("PRECONDITION_FAILED", "模拟充值未开启", [{ code: "MOCK_TOP_UP_DISABLED", message: "模拟充值未开启" }]);
      const key = clientKey(actor.userId, input.idempotencyKey);
      const amountFen = checkedAmount(input.amountFen);
      const result = await transfer({ key, kind: "TOP_UP", from: BANK, to: wallet("EMPLOYER_WALLET", actor.userId), amountFen, refs: { mock: "true" }, createdBy: actor.userId }, undefined, (tx, t) =>
        recordAudit(tx, caller, { action: "ledger.top-up", entityType: "ledger_transfer", entityId: t.id, after: { amountFen, mock: true } }),
      );
      return { ...result.transfer, replayed: result.replayed };
    },

    /** The employer moves money from their wallet into a task's escrow (托管工资), before or during dispatch. */
    async fundTaskEscrow(caller: Caller, input: { taskId: string; amountFen: number; idempotencyKey: string }) {
      const actor = requireActor(caller, "EMPLOYER");
      const key = clientKey(actor.userId, input.idempotencyKey);
      const amountFen = checkedAmount(input.amountFen);
      const task = await parts.dispatch.getTask(caller, input.taskId);
      if (task.status === "CANCELLED" || task.status === "COMPLETED") {
        throw new AppError("PRECONDITION_FAILED", "岗位已取消或已完成，不能再托管资金", [{ code: "TASK_CLOSED", message: "岗位已取消或已完成" }]);
      }
      const result = await transfer(
        { key, kind: "FUND_ESCROW", from: wallet("EMPLOYER_WALLET", actor.userId), to: escrowOf(task.id), amountFen, refs: { taskId: task.id }, createdBy: actor.userId },
        undefined,
        (tx, t) => recordAudit(tx, caller, { action: "ledger.fund-escrow", entityType: "ledger_transfer", entityId: t.id, after: { taskId: task.id, amountFen } }),
      );
      return { ...result.transfer, replayed: result.replayed };
    },

    /** The caller's own wallet (workers and employers). */
    async myWallet(caller: Caller) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER");
      return accountView(wallet(actor.role === "WORKER" ? "WORKER_WALLET" : "EMPLOYER_WALLET", actor.userId));
    },

    /** A task's escrow, for whoever may read the task. */
    async taskEscrow(caller: Caller, taskId: string) {
      const task = await parts.dispatch.getTask(caller, taskId);
      return accountView(escrowOf(task.id));
    },

    /** An account's latest entries (the account view already passed the access check). */
    entriesOf: (accountId: string | null, limit: number) => (accountId ? repo.listEntries(db, accountId, limit) : Promise.resolve([])),
  };
}
