// Handling a complaint: staff of the handling venue (after escalation the county officer) accept, work and
// resolve it; the complainant supplies information, closes or refuses; the deadline jobs escalate what is late.
import { type ComplaintAction, type DeadlineKind } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText, checkText } from "../../access/input-checks.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import { assertActsForComplainant, assertCanHandle } from "./complaint.access.js";
import type { ComplaintWorkflow } from "./complaint-workflow.service.js";
import * as repo from "./complaint.repo.js";

/** What a staff action carries: the reason or resolution text the lifecycle may require. */
export type HandlerAction = Extract<ComplaintAction, "ACCEPT" | "START" | "REQUEST_INFO" | "EXTEND" | "RESOLVE" | "REJECT" | "WAGES_PAID">;

export function createComplaintHandling({ db, now }: Deps, workflow: ComplaintWorkflow) {
  const { policy, clockOf, step } = workflow;

  const handlerNote = (action: HandlerAction, raw: string | null | undefined): string | null => {
    const needs = action === "REQUEST_INFO" || action === "EXTEND" || action === "RESOLVE" || action === "REJECT";
    const label = { REQUEST_INFO: "需补充的材料", EXTEND: "延期原因", RESOLVE: "处理结果", REJECT: "不予受理的原因" }[action as string] ?? "处理说明";
    return needs ? checkText("note", raw ?? "", { kind: "text", label, min: 2, max: 2000 }) : checkOptionalText("note", raw, { kind: "text", label, max: 2000 });
  };

  return {
    /** Staff of the handling venue (or officers over it; after escalation the county officer) work the complaint. */
    async handle(caller: Caller, id: string, action: HandlerAction, rawNote?: string | null) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const note = handlerNote(action, rawNote);
      return step(caller, id, action, {
        note,
        authorize: (c, clock) => {
          assertCanHandle(actor, c, clock.stage);
          if (action === "EXTEND" && clock.extended) throw new AppError("PRECONDITION_FAILED", `办理期限只能延长一次，最长 ${policy.resolveCapWorkingDays} 个工作日`, [{ code: "COMPLAINT_ALREADY_EXTENDED", message: "已延期过一次" }]);
          if (action === "WAGES_PAID" && c.category !== "WAGE_ARREARS") throw new AppError("PRECONDITION_FAILED", "只有欠薪投诉可以登记工资已支付");
        },
        patch: (_c, at) =>
          action === "RESOLVE" ? { resolution: note } : action === "REJECT" ? { rejectReason: note } : action === "WAGES_PAID" ? { wagesPaidAt: at, resolution: note ?? "工资已支付" } : {},
      });
    },

    /** The complainant supplies what was asked for: the clock runs again. */
    async supplyInfo(caller: Caller, id: string, rawNote: string) {
      const actor = requireActor(caller);
      const note = checkText("note", rawNote, { kind: "text", label: "补充说明", min: 2, max: 2000 });
      return step(caller, id, "SUPPLY_INFO", { note, authorize: (c) => ({ proxy: assertActsForComplainant(actor, c) === "PROXY" }) });
    },

    /** The complainant accepts the resolution and rates the outcome (1–5): the complaint closes. */
    async closeComplaint(caller: Caller, id: string, stars: number, rawComment?: string | null) {
      const actor = requireActor(caller);
      if (!Number.isInteger(stars) || stars < 1 || stars > 5) badInput("stars", [{ code: "RATING_STARS", message: "评分应为 1 至 5 星的整数" }]);
      const comment = checkOptionalText("comment", rawComment, { kind: "text", label: "评价", max: 500 });
      return step(caller, id, "CLOSE", {
        note: comment,
        authorize: (c) => ({ proxy: assertActsForComplainant(actor, c) === "PROXY" }),
        patch: (_c, at) => ({ outcomeStars: stars, outcomeComment: comment, closedAt: at }),
      });
    },

    /** The complainant refuses the resolution: the complaint goes to the county officer. */
    async refuseResolution(caller: Caller, id: string, rawReason: string) {
      const actor = requireActor(caller);
      const reason = checkText("reason", rawReason, { kind: "text", label: "不满意的原因", min: 2, max: 2000 });
      return step(caller, id, "REFUSE_RESOLUTION", { note: reason, authorize: (c) => ({ proxy: assertActsForComplainant(actor, c) === "PROXY" }) });
    },

    /** 回访: a handler records the follow-up call after closing (once; due within 2 working days). */
    async recordFollowUp(caller: Caller, id: string, rawNote: string) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const note = checkText("note", rawNote, { kind: "text", label: "回访记录", min: 2, max: 2000 });
      const at = now();
      return db.transaction(async (tx) => {
        const c = await repo.getComplaintForUpdate(tx, id);
        assertCanHandle(actor, c, "VENUE");
        if (c.status !== "CLOSED") throw new AppError("PRECONDITION_FAILED", "投诉办结后才能登记回访");
        if (c.followUpAt) throw new AppError("CONFLICT", "该投诉已登记回访");
        const updated = await repo.updateComplaint(tx, id, { followUpAt: at, followUpBy: actor.userId, followUpNote: note, updatedAt: at });
        await recordAudit(tx, caller, { action: "complaint.follow-up", entityType: "complaint", entityId: id, after: { note } });
        return updated;
      });
    },

    // ---- jobs ----

    /**
     * A scheduled deadline came due. The deadline is derived again from the history: only a deadline still
     * standing and passed acts (a paused, answered or resolved complaint is left alone). A missed accept or
     * resolve deadline escalates to the county; a county miss tells the county officers; an unanswered
     * resolution closes itself.
     */
    async checkDeadline(caller: Caller, complaintId: string, kind: DeadlineKind): Promise<"ESCALATED" | "CLOSED" | "OVERDUE_NOTICE" | "NOTHING"> {
      const at = now();
      const c = await repo.findComplaint(db, complaintId);
      if (!c) return "NOTHING";
      const clock = await clockOf(db, complaintId, at);
      if (!clock.next || clock.next.kind !== kind || at < clock.next.at) return "NOTHING";
      if (kind === "AUTO_CLOSE") {
        await step(caller, complaintId, "AUTO_CLOSE", { authorize: () => {}, patch: (_c, t) => ({ closedAt: t }) });
        return "CLOSED";
      }
      if (clock.stage === "VENUE") {
        await step(caller, complaintId, "ESCALATE", { note: kind === "ACCEPT" ? "超过受理期限未受理，自动转县级人社部门" : "超过办理期限未办结，自动转县级人社部门", authorize: () => {} });
        return "ESCALATED";
      }
      await emitEvent(db, "complaint.status-changed", { complaintId, action: "OVERDUE", from: c.status, to: c.status });
      return "OVERDUE_NOTICE";
    },
  };
}
