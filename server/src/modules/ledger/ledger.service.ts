// 账务 (DESIGN §3 Ledger): double-entry transfers in integer fen. Each transfer is balanced entries in one
// transaction under an idempotency key; balances are derived from the entries (the database moves them)
// and no wallet or escrow goes below zero, however many transfers run at once.
import { createHash } from "node:crypto";
import { canonicalJson, checkAmountFen, checkLegs, legsOf, MAY_GO_NEGATIVE, TRANSFER_ROUTES, wouldOverdraw, type LedgerAccountKind, type LedgerTransferKind } from "@qz/shared";
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

export const INSUFFICIENT_FUNDS = "余额不足";
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

  /**
   * Moves money once per key, in `tx` (or its own transaction). The transfer row is inserted first, so
   * concurrent holders of one key queue on its unique index and see the first one's result; then the
   * accounts are locked in id order, checked, and the entries written (the trigger moves the balances).
   */
  async function transfer(cmd: TransferCommand, tx?: DbOrTx, audit?: (tx: DbOrTx, t: repo.TransferRow) => Promise<void>): Promise<TransferResult> {
    const route = TRANSFER_ROUTES[cmd.kind];
    if (!route || route[0] !== cmd.from.kind || route[1] !== cmd.to.kind) throw new Error(`ledger: ${cmd.kind} does not move ${cmd.from.kind} → ${cmd.to.kind}`);
    const amountFen = checkedAmount(cmd.amountFen);
    const refs = cmd.refs ?? {};
    const bodyHash = createHash("sha256").update(canonicalJson({ kind: cmd.kind, from: cmd.from, to: cmd.to, amountFen, refs })).digest("hex");
    const replay = (existing: repo.TransferRow): TransferResult => {
      if (existing.bodyHash !== bodyHash) {
        throw new AppError("CONFLICT", "该幂等键已用于另一笔不同的转账", [{ code: "IDEMPOTENCY_KEY_REUSED", message: "同一幂等键对应的转账内容不同" }]);
      }
      return { transfer: existing, replayed: true };
    };
    const run = async (t: DbOrTx): Promise<TransferResult> => {
      const existing = await repo.findTransferByKey(t, cmd.key);
      if (existing) return replay(existing);
      const created = await repo.insertTransfer(t, { idempotencyKey: cmd.key, bodyHash, kind: cmd.kind, amountFen, refs, memo: cmd.memo ?? null, createdBy: cmd.createdBy ?? null, createdAt: deps.now() });
      if (!created) return replay((await repo.findTransferByKey(t, cmd.key))!);
      // Created in one order by every transfer, so two first uses of the same accounts cannot deadlock.
      const refKey = (a: AccountRef) => `${a.kind}:${a.ownerId ?? ""}`;
      const ids = new Map<string, string>();
      for (const a of [cmd.from, cmd.to].sort((x, y) => (refKey(x) < refKey(y) ? -1 : 1))) ids.set(refKey(a), (await repo.ensureAccount(t, a.kind, a.ownerId, MAY_GO_NEGATIVE[a.kind])).id);
      const from = { id: ids.get(refKey(cmd.from))! };
      const to = { id: ids.get(refKey(cmd.to))! };
      const legs = checkLegs(legsOf(from!.id, to!.id, amountFen));
      if (!legs.ok) badInput("amountFen", legs.reasons);
      const locked = new Map((await repo.lockAccounts(t, [from!.id, to!.id])).map((a) => [a.id, a]));
      const overdrawn = wouldOverdraw(legs.value, (id) => locked.get(id)!.balanceFen, (id) => locked.get(id)!.mayGoNegative);
      if (overdrawn) {
        const kind = locked.get(overdrawn)!.kind;
        throw new AppError("PRECONDITION_FAILED", `${INSUFFICIENT_FUNDS}：${kind === "TASK_ESCROW" ? "岗位托管资金" : kind === "EMPLOYER_WALLET" ? "用工主体钱包" : "账户"}余额不足以支付 ${amountFen} 分`, [
          { code: "INSUFFICIENT_FUNDS", message: INSUFFICIENT_FUNDS },
        ]);
      }
      const at = deps.now();
      await repo.insertEntries(
        t,
        [...legs.value].sort((a, b) => (a.account < b.account ? -1 : 1)).map((l) => ({ transferId: created.id, accountId: l.account, amountFen: l.amountFen, createdAt: at })),
      );
      if (audit) await audit(t, created);
      return { transfer: created, replayed: false };
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
