// 工资结算 (issue 7): computed from approved hours and the contract's rate, refused below the hourly minimum;
// SUBMITTED by the employer, CONFIRMED by the worker (or by itself after 24 h), then PAID: escrow → worker
// wallet → clearing → bank through the payout adapter, each step a keyed ledger transfer, and exactly one
// placement per engagement. A payout survives a crash or a lost bank answer without paying twice.
import { ATTENDANCE_RULES, computeWage, SETTLEMENT_LIFECYCLE, type PayUnit } from "@qz/shared";
import type { Deps } from "../../deps.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkText } from "../../access/input-checks.js";
import { recordAudit } from "../audit/audit.js";
import type { AttendanceService } from "../attendance/attendance.service.js";
import type { ComplaintService } from "../complaint/complaint.service.js";
import type { ContractService } from "../contract/contract.service.js";
import type { LedgerService } from "../ledger/ledger.service.js";
import { createPayBatch, PAY_BATCH_MAX } from "./settlement.pay-batch.js";
import { createPaySettlement } from "./settlement.pay.js";
import { defaultPayoutProvider, type PayoutProvider } from "./settlement.payout.js";
import * as repo from "./settlement.repo.js";

interface Terms {
  window: { startsAt: string; endsAt: string };
  pay: { rateFen: number; unit: PayUnit; minimumHourlyFen: number };
}

export type SettlementService = ReturnType<typeof createSettlementService>;

export function createSettlementService(
  deps: Deps,
  parts: {
    contracts: ContractService;
    attendance: AttendanceService;
    ledger: LedgerService;
    /** For staff paying wage arrears from escrow on a complaint. */
    complaints?: ComplaintService;
    payouts?: PayoutProvider;
    afterBankCall?: (settlementId: string) => void;
  },
) {
  const { db, now } = deps;
  const payouts = parts.payouts ?? defaultPayoutProvider(now);
  const payParts = { contracts: parts.contracts, ledger: parts.ledger, payouts, afterBankCall: parts.afterBankCall };
  const single = createPaySettlement(deps, payParts);
  const paySettlement = single.paySettlement;
  const paySettlements = createPayBatch(deps, payParts, single);

  function refuse(code: "PRECONDITION_FAILED" | "CONFLICT", reasons: { code: string; message: string }[]): never {
    throw new AppError(code, reasons.map((r) => r.message).join("；"), reasons);
  }

  async function readable(caller: Caller, id: string) {
    const actor = requireActor(caller);
    const s = await repo.findSettlement(db, id);
    if (!s) throw notFound("结算单", id);
    await parts.contracts.contractOfEngagement(caller, s.engagementId); // same readers as the contract
    return { actor, settlement: s };
  }

  /** Moves a settlement (locked) and audits it; emits the event that goes with the new state. */
  async function transition(caller: Caller, id: string, action: "CONFIRM" | "DISPUTE", who: { workerId?: string; reason?: string | null; auto?: boolean }) {
    const at = now();
    return db.transaction(async (tx) => {
      const before = await repo.lockSettlement(tx, id);
      if (!before || (who.workerId && before.workerId !== who.workerId)) throw notFound("结算单", id);
      const next = SETTLEMENT_LIFECYCLE.next(before.status, action, who.reason);
      if (!next.ok) refuse("PRECONDITION_FAILED", next.reasons);
      if (before.autoConfirmEventId) await cancelEvent(tx, before.autoConfirmEventId, at);
      const after = await repo.updateSettlement(tx, id, action === "CONFIRM" ? { status: next.value, confirmedAt: at, autoConfirmed: !!who.auto, updatedAt: at } : { status: next.value, disputeReason: who.reason ?? null, updatedAt: at });
      await recordAudit(tx, caller, { action: action === "CONFIRM" ? "settlement.confirm" : "settlement.dispute", entityType: "settlement", entityId: id, before: { status: before.status }, after: { status: after.status, auto: !!who.auto, reason: who.reason ?? null } });
      if (action === "CONFIRM") await emitEvent(tx, "settlement.confirmed", { settlementId: id });
      else await emitEvent(tx, "settlement.disputed", { settlementId: id, engagementId: before.engagementId, workerId: before.workerId, employerId: before.employerId, venueId: before.venueId });
      return after;
    });
  }

  /**
   * A confirmed settlement for a wage-arrears complaint, made by staff in one locked transaction: the employer's
   * SUBMITTED or DISPUTED settlement is confirmed on the worker's behalf (the amount the employer submitted);
   * with none, one is written from the approved hours and the contract's rate. Idempotent: a settlement already
   * CONFIRMED or PAID is left as it is.
   */
  async function confirmForComplaint(caller: Caller, complaintId: string, engagementId: string) {
    const at = now();
    const contract = await parts.contracts.contractOfEngagementRow(engagementId);
    if (!contract || (contract.status !== "SIGNED" && contract.status !== "COMPLETED")) refuse("PRECONDITION_FAILED", [{ code: "CONTRACT_NOT_SIGNED", message: "该用工没有双方已签署的合同，不能由托管资金代发工资" }]);
    const existing = await repo.findByEngagement(db, engagementId);
    if (existing && (existing.status === "CONFIRMED" || existing.status === "PAID")) return existing;
    const terms = contract.terms as unknown as Terms;
    return db.transaction(async (tx) => {
      let s = existing ? await repo.lockSettlement(tx, existing.id) : null;
      if (s && (s.status === "CONFIRMED" || s.status === "PAID")) return s;
      if (s) {
        if (s.autoConfirmEventId) await cancelEvent(tx, s.autoConfirmEventId, at);
        const before = s.status;
        s = await repo.updateSettlement(tx, s.id, { status: "CONFIRMED", confirmedAt: at, updatedAt: at });
        await recordAudit(tx, caller, { action: "settlement.confirm-for-complaint", entityType: "settlement", entityId: s.id, before: { status: before }, after: { status: s.status, complaintId, totalFen: s.totalFen, proxy: true } });
        return s;
      }
      const record = await parts.attendance.lockRecordOf(engagementId, tx);
      if (!record || !record.minutes || (record.status !== "CHECKED_OUT" && record.status !== "APPROVED")) {
        refuse("PRECONDITION_FAILED", [{ code: "NO_APPROVED_HOURS", message: "没有可结算的工时，请先由驿站工作人员确认考勤" }]);
      }
      const window = { startsAt: new Date(terms.window.startsAt), endsAt: new Date(terms.window.endsAt) };
      const wage = computeWage({
        unit: terms.pay.unit,
        rateFen: terms.pay.rateFen,
        minutes: record.minutes,
        windowMinutes: Math.round((window.endsAt.getTime() - window.startsAt.getTime()) / 60_000),
        pieces: null,
        minimumHourlyFen: terms.pay.minimumHourlyFen,
      });
      if (!wage.ok) refuse("PRECONDITION_FAILED", wage.reasons);
      if (record.status === "CHECKED_OUT") {
        if (record.approveEventId) await cancelEvent(tx, record.approveEventId, at);
        await parts.attendance.approveWithin(tx, record.id, at);
      }
      const created = await repo.insertSettlement(tx, {
        engagementId,
        contractId: contract.id,
        taskId: contract.taskId,
        workerId: contract.workerId,
        employerId: contract.employerId,
        venueId: contract.venueId,
        regionCode: contract.regionCode,
        payUnit: terms.pay.unit,
        rateFen: terms.pay.rateFen,
        minutes: record.minutes,
        pieces: null,
        wageFen: wage.value.wageFen,
        totalFen: wage.value.wageFen,
        minimumHourlyFen: terms.pay.minimumHourlyFen,
        status: "CONFIRMED",
        submittedAt: at,
        confirmedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      // The employer submitted meanwhile: the next call confirms that one.
      if (!created) refuse("CONFLICT", [{ code: "SETTLEMENT_EXISTS", message: "用工方刚刚提交了结算，请重试" }]);
      await recordAudit(tx, caller, { action: "settlement.confirm-for-complaint", entityType: "settlement", entityId: created.id, before: { status: null }, after: { status: created.status, complaintId, totalFen: created.totalFen, proxy: true } });
      return created;
    });
  }

  const service = {
    /**
     * The employer submits pay for the engagement's hours (approving hours still pending): computed from the
     * contract's rate, refused below the hourly minimum, and only when the task's escrow covers it.
     */
    async submitSettlement(caller: Caller, input: { engagementId: string; pieces?: number | null }) {
      const actor = requireActor(caller, "EMPLOYER");
      const contract = await parts.contracts.contractOfEngagement(caller, input.engagementId);
      if (!contract || contract.employerId !== actor.userId) throw notFound("用工记录", input.engagementId);
      if (contract.status !== "SIGNED") refuse("PRECONDITION_FAILED", [{ code: "CONTRACT_NOT_SIGNED", message: "合同未处于已签署状态，不能结算" }]);
      const record = await parts.attendance.recordOf(input.engagementId);
      if (!record || !record.minutes || (record.status !== "CHECKED_OUT" && record.status !== "APPROVED")) {
        refuse("PRECONDITION_FAILED", [{ code: record?.status === "DISPUTED" ? "HOURS_DISPUTED" : "NO_APPROVED_HOURS", message: record?.status === "DISPUTED" ? "工时有异议，请先由驿站工作人员确认工时" : "尚无可结算的工时（须签退）" }]);
      }
      const terms = contract.terms as unknown as Terms;
      const window = { startsAt: new Date(terms.window.startsAt), endsAt: new Date(terms.window.endsAt) };
      const wage = computeWage({
        unit: terms.pay.unit,
        rateFen: terms.pay.rateFen,
        minutes: record.minutes,
        windowMinutes: Math.round((window.endsAt.getTime() - window.startsAt.getTime()) / 60_000),
        pieces: input.pieces ?? null,
        minimumHourlyFen: terms.pay.minimumHourlyFen,
      });
      if (!wage.ok) badInput(wage.reasons[0]!.code === "PIECES_INVALID" ? "pieces" : "pay", wage.reasons);
      const totalFen = wage.value.wageFen;
      if (totalFen <= 0) refuse("PRECONDITION_FAILED", [{ code: "NOTHING_TO_PAY", message: "结算金额为0" }]);
      const at = now();
      return db.transaction(async (tx) => {
        const escrow = await parts.ledger.escrowBalance(contract.taskId, tx);
        if (escrow < totalFen) refuse("PRECONDITION_FAILED", [{ code: "ESCROW_INSUFFICIENT", message: `岗位托管资金 ${escrow} 分不足以支付 ${totalFen} 分，请先托管工资` }]);
        const locked = (await parts.attendance.lockRecordOf(input.engagementId, tx))!;
        if (locked.status === "CHECKED_OUT") {
          if (locked.approveEventId) await cancelEvent(tx, locked.approveEventId, at);
          await parts.attendance.approveWithin(tx, locked.id, at);
        } else if (locked.status !== "APPROVED") refuse("PRECONDITION_FAILED", [{ code: "HOURS_DISPUTED", message: "工时有异议，请先由驿站工作人员确认工时" }]);
        const created = await repo.insertSettlement(tx, {
          engagementId: input.engagementId,
          contractId: contract.id,
          taskId: contract.taskId,
          workerId: contract.workerId,
          employerId: contract.employerId,
          venueId: contract.venueId,
          regionCode: contract.regionCode,
          payUnit: terms.pay.unit,
          rateFen: terms.pay.rateFen,
          minutes: locked.minutes!,
          pieces: input.pieces ?? null,
          wageFen: totalFen,
          totalFen,
          minimumHourlyFen: terms.pay.minimumHourlyFen,
          status: "SUBMITTED",
          submittedAt: at,
          createdAt: at,
          updatedAt: at,
        });
        if (!created) refuse("CONFLICT", [{ code: "SETTLEMENT_EXISTS", message: "该用工已提交结算" }]);
        const eventId = await emitEvent(tx, "settlement.confirm-due", { settlementId: created.id }, { runAt: new Date(at.getTime() + ATTENDANCE_RULES.confirmAfterHours * 3_600_000) });
        const saved = await repo.updateSettlement(tx, created.id, { autoConfirmEventId: eventId });
        await recordAudit(tx, caller, { action: "settlement.submit", entityType: "settlement", entityId: created.id, after: { minutes: saved.minutes, totalFen, payUnit: saved.payUnit, rateFen: saved.rateFen } });
        return saved;
      });
    },

    confirmSettlement: async (caller: Caller, id: string) => transition(caller, id, "CONFIRM", { workerId: requireActor(caller, "WORKER").userId }),

    async disputeSettlement(caller: Caller, id: string, rawReason: string) {
      const actor = requireActor(caller, "WORKER");
      const reason = checkText("reason", rawReason, { kind: "text", label: "异议理由", min: 2, max: 500 });
      return transition(caller, id, "DISPUTE", { workerId: actor.userId, reason });
    },

    /** The 24-hour rule: a submitted settlement the worker did not answer is confirmed. */
    async autoConfirm(caller: Caller, id: string) {
      const s = await repo.findSettlement(db, id);
      if (!s || s.status !== "SUBMITTED") return s;
      return transition(caller, id, "CONFIRM", { auto: true });
    },

    /** Pays a confirmed settlement, safe to repeat and to run at once (settlement.pay.ts). */
    paySettlement,
    /** 批量代发: pays many confirmed settlements as one run, each outcome its own (settlement.pay-batch.ts). */
    paySettlements,

    /**
     * The payout job's entry: its own settlement and up to PAY_BATCH_MAX − 1 others waiting, paid as one batch,
     * so under load a payout costs a fraction of a round trip. The job answers only for its own settlement
     * (throws to be retried); the others' own jobs then find them PAID and move nothing.
     */
    async payDue(caller: Caller, id: string) {
      const others = await repo.findPayableIds(db, PAY_BATCH_MAX - 1, id);
      if (!others.length) return paySettlement(caller, id);
      const own = (await paySettlements(caller, [id, ...others])).get(id);
      if (!own) throw new Error(`payout batch: no outcome for settlement ${id}`);
      if (!own.ok) throw own.error;
      return own.settlement;
    },

    getSettlement: async (caller: Caller, id: string) => (await readable(caller, id)).settlement,

    async settlementOfEngagement(caller: Caller, engagementId: string) {
      const c = await parts.contracts.contractOfEngagement(caller, engagementId);
      if (!c) return null;
      return repo.findByEngagement(db, engagementId);
    },

    placementOf: (engagementId: string) => repo.findPlacement(db, engagementId),
    payouts,

    /** For the daily-pay jobs: the engagement's parties under its contract and its settlement (null without a signed contract). */
    async dailyPayStatus(engagementId: string) {
      const c = await parts.contracts.contractOfEngagementRow(engagementId);
      if (!c || (c.status !== "SIGNED" && c.status !== "COMPLETED")) return null;
      return { workerId: c.workerId, employerId: c.employerId, venueId: c.venueId, title: String(c.terms.title ?? "零工岗位"), settlement: await repo.findByEngagement(db, engagementId) };
    },

    /**
     * 欠薪代发: the handling staff (or the county after escalation) pay the engaged worker's wage from the task's
     * escrow for a WAGE_ARREARS complaint, on the worker's and employer's behalf (audited as a proxy action).
     * Safe to repeat and to run concurrently: the engagement has one settlement, paid once by its own keys,
     * and the complaint is resolved as WAGES_PAID once.
     */
    async payWageForComplaint(caller: Caller, complaintId: string, rawNote?: string | null) {
      if (!parts.complaints) throw new Error("settlement: payWageForComplaint needs the complaint service");
      const note = checkText("note", rawNote ?? "已由岗位托管资金代发工资", { kind: "text", label: "处理说明", min: 2, max: 2000 });
      const { engagementId, open } = await parts.complaints.wageArrearsToPay(caller, complaintId);
      const confirmed = await confirmForComplaint(caller, complaintId, engagementId);
      const paid = confirmed.status === "PAID" ? confirmed : await service.paySettlement(caller, confirmed.id);
      if (paid.status !== "PAID") refuse("PRECONDITION_FAILED", [{ code: "PAYOUT_FAILED", message: "银行未能完成支付，工资已退回零工钱包，请稍后重试" }]);
      if (open) await parts.complaints.resolvePaidWageArrears(caller, engagementId, note);
      return { settlement: paid, complaint: await parts.complaints.getComplaint(caller, complaintId) };
    },
  };
  return service;
}
