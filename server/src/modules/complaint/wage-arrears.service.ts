// Wage arrears (欠薪): referral to labour inspection, complaints opened from overdue or disputed pay, wages
// paid from escrow or through settlement, and the canPost rule that stops an employer with standing arrears.
import { OPEN_COMPLAINT_STATUSES } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import type { Deps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import { assertCanHandle, assertCanRead } from "./complaint.access.js";
import type { ComplaintFiling } from "./complaint-filing.service.js";
import type { ComplaintWorkflow } from "./complaint-workflow.service.js";
import * as repo from "./complaint.repo.js";

export type WageArrearsService = ReturnType<typeof createWageArrearsService>;

export function createWageArrearsService({ db, now }: Deps, { workflow, filing }: { workflow: ComplaintWorkflow; filing: ComplaintFiling }) {
  const { clockOf, step } = workflow;
  const { fileComplaint } = filing;

  /** Wage arrears still unpaid at the referral deadline → a labour-inspection record and notifications. */
  async function referWageArrears(caller: Caller, complaintId: string): Promise<boolean> {
    const at = now();
    return db.transaction(async (tx) => {
      const c = await repo.getComplaintForUpdate(tx, complaintId);
      if (c.category !== "WAGE_ARREARS" || c.wagesPaidAt || !(OPEN_COMPLAINT_STATUSES as readonly string[]).includes(c.status) || !c.respondentUserId) return false;
      const referral = await repo.insertReferral(tx, { complaintId, employerId: c.respondentUserId, regionCode: c.regionCode, amountFen: c.amountFen, referredAt: at });
      if (!referral) return false;
      await repo.updateComplaint(tx, complaintId, { referredAt: at, updatedAt: at });
      await recordAudit(tx, caller, { action: "complaint.refer-to-inspection", entityType: "complaint", entityId: complaintId, after: { referralId: referral.id, employerId: c.respondentUserId, amountFen: c.amountFen } });
      await emitEvent(tx, "complaint.status-changed", { complaintId, action: "REFER_TO_INSPECTION", from: c.status, to: c.status });
      return true;
    });
  }

  return {
    referWageArrears,

    /**
     * 日结 overdue (3 working days, at most 15 days, unpaid): the engagement's standing wage-arrears complaint,
     * or one opened now for the worker, is referred to labour inspection (a referral record, the notices of
     * REFER_TO_INSPECTION). Idempotent: one referral per complaint.
     */
    async referUnpaidWages(caller: Caller, p: { engagementId: string; workerId: string; employerId: string; title: string; amountFen: number | null }) {
      let [c] = await repo.listUnpaidWageArrearsOfEngagement(db, p.engagementId);
      if (!c) {
        const worker: Caller = { ...caller, actor: { userId: p.workerId, role: "WORKER", venueId: null, regionCode: null } };
        c = await fileComplaint(worker, {
          category: "WAGE_ARREARS",
          engagementId: p.engagementId,
          title: `日结工资逾期未付：${p.title}`.slice(0, 60),
          description: "完工后3个工作日仍未支付工资（非全日制用工结算周期最长15日），系统自动登记为欠薪投诉并移送劳动保障监察。",
          amountFen: p.amountFen,
        });
      }
      await referWageArrears(caller, c.id);
      return repo.findComplaint(db, c.id);
    },

    /** settlement.disputed → a WAGE_ARREARS complaint by the worker against the employer (once per settlement). */
    async openFromDisputedSettlement(caller: Caller, p: { settlementId: string; engagementId: string; workerId: string; employerId: string; venueId: string }) {
      if (await repo.findOpenComplaintForSettlement(db, p.settlementId)) return null;
      const engagement = await repo.findEngagementLink(db, p.engagementId);
      if (!engagement || engagement.workerId !== p.workerId || engagement.employerId !== p.employerId) throw new AppError("NOT_FOUND", "结算争议所指的用工记录不存在或不一致");
      const worker: Caller = { ...caller, actor: { userId: p.workerId, role: "WORKER", venueId: null, regionCode: null } };
      return fileComplaint(worker, {
        category: "WAGE_ARREARS",
        engagementId: p.engagementId,
        settlementId: p.settlementId,
        title: `工资结算争议：${engagement.title}`.slice(0, 60),
        description: "零工对工资结算提出异议，系统自动登记为欠薪投诉。",
      });
    },

    /**
     * For settlement, before staff pay wages from escrow on a complaint: the caller must be allowed to handle it
     * now (its venue's staff, or after escalation the county), and it must be a wage-arrears complaint about an
     * engagement. Returns the row; `open` is false once its wages are recorded as paid or it has ended.
     */
    async wageArrearsToPay(caller: Caller, id: string) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const c = await repo.findComplaint(db, id);
      if (!c) throw notFound("投诉", id);
      assertCanRead(actor, c);
      assertCanHandle(actor, c, (await clockOf(db, id, now())).stage);
      if (c.category !== "WAGE_ARREARS" || !c.engagementId) {
        throw new AppError("PRECONDITION_FAILED", "只有关联用工记录的欠薪投诉可以由托管资金代发工资", [{ code: "COMPLAINT_NOT_WAGE_ARREARS", message: "不是关联用工记录的欠薪投诉" }]);
      }
      return { complaint: c, engagementId: c.engagementId, open: !c.wagesPaidAt && (OPEN_COMPLAINT_STATUSES as readonly string[]).includes(c.status) };
    },

    /**
     * A settlement of the engagement was PAID (placement.recorded): each standing wage-arrears complaint about
     * it is resolved as WAGES_PAID (the complainant then accepts or refuses as with any resolution).
     */
    async resolvePaidWageArrears(caller: Caller, engagementId: string, note = "工资已通过平台结算支付到账"): Promise<number> {
      let resolved = 0;
      for (const c of await repo.listUnpaidWageArrearsOfEngagement(db, engagementId)) {
        await step(caller, c.id, "WAGES_PAID", {
          note,
          // Re-checked under the row lock: a staff member may have recorded it meanwhile.
          authorize: (locked) => {
            if (locked.wagesPaidAt) throw new AppError("CONFLICT", "该欠薪投诉已登记工资支付", [{ code: "WAGES_ALREADY_PAID", message: "已登记工资支付" }]);
          },
          patch: (_c, at) => ({ wagesPaidAt: at, resolution: note }),
        }).then(
          () => resolved++,
          (err: unknown) => {
            if (!(err instanceof AppError)) throw err;
          },
        );
      }
      return resolved;
    },

    /** Of these engagements, the ones resolvePaidWageArrears would act on (a batch of placements checks them in one query). */
    engagementsWithUnpaidWageArrears: (engagementIds: string[]) => repo.listEngagementsWithUnpaidWageArrears(db, engagementIds),

    /** The canPost rule for dispatch: a standing wage-arrears complaint stops the employer posting. */
    async canPost(employerId: string): Promise<{ ok: true } | { ok: false; message: string }> {
      const open = await repo.countOpenWageArrears(db, employerId);
      return open === 0 ? { ok: true } : { ok: false, message: `您有 ${open} 件欠薪投诉尚未处理完毕，结清工资前暂停发布岗位` };
    },
  };
}
