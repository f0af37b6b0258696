// 取消补偿 (issue 7 §3): an employer who cancels inside 24 h of the start, after someone accepted, pays each
// worker whose seat the cancellation ended a fee: the contract's cancellation clause (default 4 hours' pay,
// cancellationFeeFen in shared). The fee is a settlement of its own on the seat's engagement (wage 0, fee > 0),
// CONFIRMED at once and paid through the normal path (escrow → worker wallet → bank); it records no placement.
//
// Money: the fee comes from the task's escrow. When the escrow does not hold every unpaid fee, the shortfall is
// taken from the employer's wallet into the escrow first (the employer owes it under the signed clause, the
// wallet is their money on the platform). When the wallet cannot cover it either, nothing is written and the
// call fails with CANCELLATION_FEE_UNFUNDED; the job then alerts the employer and the venue (欠薪预警) and the
// employer (after a top-up) or the venue's staff run it again with chargeCancellationFees.
import { cancellationFeeFen, shanghaiDate, type PayUnit } from "@qz/shared";
import type { Deps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { recordAudit } from "../audit/audit.js";
import { CANCELLATION_FEE_HOURS } from "../contract/contract.service.js";
import { escrowOf, wallet, type LedgerService } from "../ledger/ledger.service.js";
import type { DispatchService } from "../dispatch/dispatch.service.js";
import type { ReferenceService } from "../reference/reference.service.js";
import * as repo from "./settlement.repo.js";

interface FeeTerms {
  window?: { startsAt: string; endsAt: string };
  pay?: { rateFen: number; unit: PayUnit; minimumHourlyFen: number };
  cancellation?: { feeHours: number };
}

export const CANCELLATION_FEE_UNFUNDED = "CANCELLATION_FEE_UNFUNDED";

export function createCancellationFees(deps: Deps, parts: { ledger: LedgerService; reference: ReferenceService; dispatch: DispatchService }) {
  const { db, now } = deps;

  /**
   * Writes the fee settlements of a late-cancelled task's seats, once: the task row is locked, seats that
   * already have a settlement are skipped, and the escrow top-up is keyed by task. Returns the task's fee
   * settlements. Safe to run twice at once (the second waits, then finds them all).
   */
  async function chargeCancellationFees(caller: Caller, taskId: string) {
    const at = now();
    return db.transaction(async (tx) => {
      const task = await repo.lockTaskForFees(tx, taskId);
      if (!task || task.status !== "CANCELLED" || !task.lateCancellation) {
        throw new AppError("PRECONDITION_FAILED", "该岗位不是开工前24小时内取消的，无需支付取消补偿", [{ code: "NOT_LATE_CANCELLED", message: "该岗位不是开工前24小时内取消的" }]);
      }
      const [seats, existing] = await Promise.all([repo.listCancelledSeats(tx, taskId), repo.listTaskSettlements(tx, taskId)]);
      const settled = new Set(existing.map((s) => s.engagementId));
      const fresh = seats.filter((seat) => !settled.has(seat.engagementId));
      if (!fresh.length) return existing.filter((s) => s.cancellationFeeFen > 0);
      let minimumHourlyFen: number | null = null;
      const fees = [];
      for (const seat of fresh) {
        const terms = (seat.terms ?? {}) as FeeTerms;
        // The signed (or drafted) terms decide; a seat whose contract was never drafted uses the task's.
        const pay = terms.pay ?? { rateFen: task.payRateFen, unit: task.payUnit, minimumHourlyFen: (minimumHourlyFen ??= await minimumOn(task.regionCode, task.startsAt)) };
        const window = terms.window ? { startsAt: new Date(terms.window.startsAt), endsAt: new Date(terms.window.endsAt) } : task;
        const feeFen = cancellationFeeFen({
          unit: pay.unit,
          rateFen: pay.rateFen,
          windowMinutes: Math.round((window.endsAt.getTime() - window.startsAt.getTime()) / 60_000),
          minimumHourlyFen: pay.minimumHourlyFen,
          hours: terms.cancellation?.feeHours ?? CANCELLATION_FEE_HOURS,
        });
        if (feeFen > 0) fees.push({ seat, pay, feeFen });
      }
      const owed = fees.reduce((sum, f) => sum + f.feeFen, 0) + existing.filter((s) => s.status !== "PAID").reduce((sum, s) => sum + s.totalFen, 0);
      const escrow = await parts.ledger.escrowBalance(taskId, tx);
      const shortfall = owed - escrow;
      if (shortfall > 0) {
        const employerWallet = wallet("EMPLOYER_WALLET", task.employerId);
        const available = await parts.ledger.balanceOf(employerWallet, tx);
        if (available < shortfall) {
          const message = `岗位托管资金 ${escrow} 分和用工方钱包余额 ${available} 分不足以支付取消补偿 ${owed} 分，请用工方充值后再支付`;
          throw new AppError("PRECONDITION_FAILED", message, [{ code: CANCELLATION_FEE_UNFUNDED, message }]);
        }
        await parts.ledger.transfer({ key: `cancellation-fee:${taskId}:fund`, kind: "FUND_ESCROW", from: employerWallet, to: escrowOf(taskId), amountFen: shortfall, refs: { taskId, reason: "cancellation-fee" } }, tx);
      }
      const created = [];
      for (const { seat, pay, feeFen } of fees) {
        const s = await repo.insertSettlement(tx, {
          engagementId: seat.engagementId,
          contractId: seat.contractId,
          taskId,
          workerId: seat.workerId,
          employerId: task.employerId,
          venueId: task.venueId,
          regionCode: task.regionCode,
          payUnit: pay.unit,
          rateFen: pay.rateFen,
          minutes: 0,
          wageFen: 0,
          cancellationFeeFen: feeFen,
          totalFen: feeFen,
          minimumHourlyFen: pay.minimumHourlyFen,
          // Owed under the signed clause: nothing for the worker to confirm.
          status: "CONFIRMED",
          submittedAt: at,
          confirmedAt: at,
          createdAt: at,
          updatedAt: at,
        });
        if (!s) throw new Error(`cancellation fee: engagement ${seat.engagementId} got a settlement under the task lock`);
        await emitEvent(tx, "settlement.confirmed", { settlementId: s.id });
        await recordAudit(tx, caller, { action: "settlement.cancellation-fee", entityType: "settlement", entityId: s.id, after: { taskId, engagementId: seat.engagementId, feeFen, fundedFromWalletFen: Math.max(0, shortfall) } });
        created.push(s);
      }
      return [...existing.filter((s) => s.cancellationFeeFen > 0), ...created];
    });
  }

  async function minimumOn(regionCode: string, startsAt: Date): Promise<number> {
    const standard = await parts.reference.minimumWageOn(regionCode, shanghaiDate(startsAt));
    if (!standard) throw new AppError("PRECONDITION_FAILED", "该地区尚未登记最低工资标准");
    return standard.hourlyFen;
  }

  return {
    chargeCancellationFees,
    /** The same for a person: the task's employer, or staff and officers whose scope holds it (getTask checks). */
    async chargeCancellationFeesFor(caller: Caller, taskId: string) {
      const actor = requireActor(caller, "EMPLOYER", "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const task = await parts.dispatch.getTask(caller, taskId);
      if (actor.role === "EMPLOYER" && task.employerId !== actor.userId) throw notFound("岗位", taskId);
      return chargeCancellationFees(caller, taskId);
    },
  };
}
