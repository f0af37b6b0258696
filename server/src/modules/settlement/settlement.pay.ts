// 工资发放 (issue 7): paying a confirmed settlement, the hot path of the money flow. Two short transactions
// around the bank call, each a few pipelined round trips (BEGIN, one or two waves of statements, COMMIT):
// nothing is re-read that the transaction already knows, the ledger legs of a step go in one statement, and
// the clearing and bank accounts are the settlement's payout lane, so concurrent payouts share no hot row.
import { randomUUID } from "node:crypto";
import { ageOn, isOlderWorker, shanghaiDate } from "@qz/shared";
import { maskMiddle } from "@qz/shared/identity/mask";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import type { Caller } from "../../access/actor.js";
import { recordAudit } from "../audit/audit.js";
import type { ContractService } from "../contract/contract.service.js";
import { bankLane, clearingLane, escrowOf, wallet, type LedgerService } from "../ledger/ledger.service.js";
import type { PayoutAnswer, PayoutProvider } from "./settlement.payout.js";
import * as repo from "./settlement.repo.js";

export interface PayParts {
  contracts: ContractService;
  ledger: LedgerService;
  payouts: PayoutProvider;
  /** Tests: runs right after the bank answered (a crash there must not pay twice). */
  afterBankCall?: (settlementId: string) => void;
}

/** The 附件5 placement of a settlement being paid (its id made here, so placement.recorded can go with it). */
export function placementFor(s: repo.SettlementRow, roster: repo.RosterFacts | null, startsAt: string | null, at: Date) {
  const workDate = shanghaiDate(new Date(startsAt ?? s.createdAt));
  const labels = roster
    ? [isOlderWorker(roster.gender, roster.birthDate, workDate) && "大龄", roster.hardToEmploy && "就业困难人员", roster.zeroEmploymentFamily && "零就业家庭"].filter((x): x is string => !!x)
    : [];
  const id = randomUUID();
  const source = roster?.source ?? "OFFER";
  const row = {
    id,
    engagementId: s.engagementId,
    settlementId: s.id,
    venueId: s.venueId,
    regionCode: s.regionCode,
    taskId: s.taskId,
    workerId: s.workerId,
    employerId: s.employerId,
    source,
    workerName: roster?.workerName ?? "",
    gender: roster?.gender === "FEMALE" ? "女" : "男",
    ageOnWorkDay: roster ? ageOn(roster.birthDate, workDate) : 0,
    idNumberMasked: roster?.idNumberMasked ?? "",
    phoneMasked: roster ? maskMiddle(roster.phone, 3, 4) : "",
    priorityGroup: labels.length > 0,
    priorityLabels: labels.join("、"),
    employerName: roster?.employerName ?? "",
    taskTitle: roster?.taskTitle ?? "",
    skillCode: roster?.skillCode ?? "",
    workDate,
    wageFen: s.totalFen,
    paidAt: at,
    createdAt: at,
  };
  const event = { placementId: id, venueId: s.venueId, engagementId: s.engagementId, taskId: s.taskId, workerId: s.workerId, employerId: s.employerId, source, priorityGroup: labels.length > 0, paidAt: at.toISOString() };
  return { row, event };
}

/** A settlement that pays only the late-cancellation fee (nobody worked): paid like a wage, but no placement. */
export const isCancellationFee = (s: Pick<repo.SettlementRow, "wageFen" | "cancellationFeeFen">) => s.wageFen === 0 && s.cancellationFeeFen > 0;

/** The bank's request id of one payout attempt: the provider pays an id at most once. */
export const payoutRequestId = (settlementId: string, attempt: number) => `${settlementId}:${attempt}`;

export function createPaySettlement(deps: Deps, parts: PayParts) {
  const { db, now } = deps;

  /**
   * Phase 1 (locked by its own UPDATE): the next attempt opened, escrow → worker wallet once (the wage key
   * is per settlement) and wallet → the lane's clearing for this attempt, in one ledger statement.
   * Returns the settlement PENDING at the bank, or its final state.
   */
  async function openAttempt(id: string) {
    return db.transaction(async (tx) => {
      const s = await repo.startPayoutAttempt(tx, id, now());
      if (!s) {
        const current = await repo.findSettlement(tx, id);
        if (!current) throw notFound("结算单", id);
        if (current.status === "PAID" || current.payoutStatus === "PENDING") return current;
        throw new AppError("PRECONDITION_FAILED", "结算单尚未确认，不能支付", [{ code: "SETTLEMENT_NOT_CONFIRMED", message: "结算单尚未确认，不能支付" }]);
      }
      const refs = { settlementId: id, engagementId: s.engagementId };
      await parts.ledger.transferMany(
        [
          { key: `settlement:${id}:wage`, kind: "PAY_WAGE", from: escrowOf(s.taskId), to: wallet("WORKER_WALLET", s.workerId), amountFen: s.totalFen, refs },
          { key: `settlement:${id}:payout:${s.payoutAttempt}`, kind: "PAYOUT", from: wallet("WORKER_WALLET", s.workerId), to: clearingLane(id), amountFen: s.totalFen, refs },
        ],
        tx,
      );
      return s;
    });
  }

  /** Phase 3, declined: the attempt's money back to the worker's wallet; the next call opens a new attempt. */
  async function declined(caller: Caller, s: repo.SettlementRow, reason: string) {
    return db.transaction(async (tx) => {
      const failed = await repo.finishPayoutAttempt(tx, s.id, s.payoutAttempt, { payoutStatus: "FAILED", updatedAt: now() });
      if (!failed) return (await repo.findSettlement(tx, s.id))!;
      const refs = { settlementId: s.id, engagementId: s.engagementId };
      await Promise.all([
        parts.ledger.transfer({ key: `settlement:${s.id}:returned:${s.payoutAttempt}`, kind: "PAYOUT_RETURNED", from: clearingLane(s.id), to: wallet("WORKER_WALLET", s.workerId), amountFen: s.totalFen, refs }, tx),
        recordAudit(tx, caller, { action: "settlement.payout-failed", entityType: "settlement", entityId: s.id, after: { attempt: s.payoutAttempt, reason } }),
      ]);
      return failed;
    });
  }

  /**
   * Phase 3, paid: PAID (guarded by the attempt, so a late or repeated answer changes nothing), then in one
   * pipelined wave the placement with placement.recorded, the contract COMPLETED, clearing → bank on the
   * lane, and the audit.
   */
  async function settled(caller: Caller, s: repo.SettlementRow, providerRef: string) {
    return db.transaction(async (tx) => {
      const at = now();
      const [paid, roster] = await Promise.all([
        repo.finishPayoutAttempt(tx, s.id, s.payoutAttempt, { status: "PAID", paidAt: at, payoutStatus: "SETTLED", providerRef, updatedAt: at }),
        repo.rosterFacts(tx, s.engagementId),
      ]);
      if (!paid) return (await repo.findSettlement(tx, s.id))!;
      const refs = { settlementId: s.id, engagementId: s.engagementId };
      const toBank = { key: `settlement:${s.id}:settled:${s.payoutAttempt}`, kind: "PAYOUT_SETTLED" as const, from: clearingLane(s.id), to: bankLane(s.id), amountFen: s.totalFen, refs };
      const audit = { action: "settlement.pay" as const, entityType: "settlement" as const, entityId: s.id, before: { status: "CONFIRMED" }, after: { status: "PAID", totalFen: s.totalFen, providerRef, attempt: s.payoutAttempt } };
      if (isCancellationFee(s)) {
        // Nobody worked: no placement (岗位推荐成功), and the contract is not completed by a fee.
        await Promise.all([parts.ledger.transfer(toBank, tx), recordAudit(tx, caller, audit)]);
        return paid;
      }
      const contract = roster?.contractId ? { id: roster.contractId, status: roster.contractStatus, startsAt: roster.startsAt } : await contractFacts(s.engagementId, tx);
      const { row, event } = placementFor(s, roster, contract.startsAt, at);
      const [placement] = await Promise.all([
        repo.insertPlacement(tx, row),
        emitEvent(tx, "placement.recorded", event),
        contract.status === "SIGNED" ? parts.contracts.completeSigned(caller, contract.id, tx) : Promise.resolve(),
        parts.ledger.transfer(toBank, tx),
        recordAudit(tx, caller, audit),
      ]);
      // Exactly one placement per engagement: PAID is set once, so another one here means the books are wrong.
      if (!placement) throw new Error(`settlement ${s.id}: the engagement already has a placement`);
      return paid;
    });
  }

  async function contractFacts(engagementId: string, tx: DbOrTx) {
    const c = await parts.contracts.contractOfEngagementRow(engagementId, tx);
    return { id: c?.id ?? "", status: c?.status ?? null, startsAt: (c?.terms as { window?: { startsAt?: string } } | undefined)?.window?.startsAt ?? null };
  }

  /**
   * Pays a confirmed settlement; safe to call any number of times, at once or after a crash. Phase 1 opens an
   * attempt (money to the lane's clearing, PENDING); phase 2 asks the bank by `${id}:${attempt}` (it pays an
   * id once); phase 3 records PAID or returns the money. A lost answer (timeout) throws; the retry finds
   * PENDING and asks the bank again with the same id, which answers with the first payment.
   */
  async function paySettlement(caller: Caller, id: string) {
    const s = await openAttempt(id);
    if (s.status === "PAID") return s;
    const answer: PayoutAnswer = await parts.payouts.pay({ requestId: payoutRequestId(id, s.payoutAttempt), amountFen: s.totalFen, workerId: s.workerId });
    parts.afterBankCall?.(id);
    return answer.status === "FAILED" ? declined(caller, s, answer.reason) : settled(caller, s, answer.providerRef);
  }

  return { paySettlement, declined };
}

export type PaySingle = ReturnType<typeof createPaySettlement>;
