import {
  COMPLAINT_LIFECYCLE,
  DEFAULT_COMPLAINT_SLA,
  OPEN_COMPLAINT_STATUSES,
  deriveComplaintClock,
  wageReferralDueAt,
  type ComplaintAction,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintClock,
  type ComplaintRespondentKind,
  type ComplaintSlaPolicy,
  type ComplaintStatus,
  type DeadlineKind,
} from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText, checkText } from "../../access/input-checks.js";
import { venueScopeOf } from "../../access/scope.js";
import type { DbOrTx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import type { ReferenceService } from "../reference/reference.service.js";
import { assertActsForComplainant, assertCanHandle, assertCanRead } from "./complaint.access.js";
import * as repo from "./complaint.repo.js";

export interface FileComplaintCommand {
  /** Staff filing for a walk-in or hotline caller: the complainant's account. */
  complainantId?: string | null;
  channel?: ComplaintChannel | null;
  category: ComplaintCategory;
  respondentKind?: ComplaintRespondentKind | null;
  /** A worker or employer complained about; defaults to the other side of the linked job. */
  respondentUserId?: string | null;
  /** The venue complained about (SERVICE complaints); also the handling venue then. */
  respondentVenueId?: string | null;
  taskId?: string | null;
  engagementId?: string | null;
  contractId?: string | null;
  settlementId?: string | null;
  title: string;
  description: string;
  amountFen?: number | null;
}

/** What a staff action carries: the reason or resolution text the lifecycle may require. */
export type HandlerAction = Extract<ComplaintAction, "ACCEPT" | "START" | "REQUEST_INFO" | "EXTEND" | "RESOLVE" | "REJECT" | "WAGES_PAID">;

const MAX_AMOUNT_FEN = 100_000_000;
const shortId = (id: string) => id.slice(0, 8).toUpperCase();

const conflictOnDuplicate = (err: unknown): never => {
  if (isUniqueViolation(err, "complaints_one_open_per_link")) {
    throw new AppError("CONFLICT", "您已就同一用工提交过同类投诉，正在处理中，请勿重复提交", [{ code: "COMPLAINT_DUPLICATE", message: "同一投诉人、同一类别、同一用工只能有一件未办结的投诉" }]);
  }
  throw err;
};

export type ComplaintService = ReturnType<typeof createComplaintService>;

/** 投诉反馈: filing, the handling workflow with its working-day deadlines, wage-arrears enforcement. */
export function createComplaintService({ db, now }: Deps, { reference, policy = DEFAULT_COMPLAINT_SLA }: { reference: ReferenceService; policy?: ComplaintSlaPolicy }) {
  const historyOf = async (tx: DbOrTx, id: string) =>
    (await repo.listComplaintEvents(tx, id)).map((e) => ({ action: e.action as ComplaintAction | "FILE", to: e.toStatus, at: e.at }));

  async function clockOf(tx: DbOrTx, id: string, at: Date): Promise<ComplaintClock> {
    return deriveComplaintClock(await historyOf(tx, id), await reference.workingDayCalendar(), at, policy);
  }

  /** Replaces the scheduled deadline check with one for the clock's next deadline. */
  async function reschedule(tx: DbOrTx, c: repo.ComplaintRow, clock: ComplaintClock, at: Date): Promise<string | null> {
    if (c.deadlineEventId) await cancelEvent(tx, c.deadlineEventId, at);
    if (!clock.next) return null;
    return emitEvent(tx, "complaint.deadline-due", { complaintId: c.id, kind: clock.next.kind }, { runAt: clock.next.at });
  }

  /**
   * One step of the lifecycle, under a row lock: history row (strictly after the previous one, so the
   * order the deadlines are derived from is never ambiguous), the row's fields, a new deadline event,
   * audit, and the status-changed event for notifications; complaint.closed when it closes.
   */
  async function step(
    caller: Caller,
    id: string,
    action: ComplaintAction,
    opts: {
      note?: string | null;
      authorize: (c: repo.ComplaintRow, clock: ComplaintClock) => { proxy?: boolean } | void;
      patch?: (c: repo.ComplaintRow, at: Date) => Partial<repo.ComplaintRow>;
      after?: (tx: DbOrTx, c: repo.ComplaintRow, at: Date) => Promise<void>;
    },
  ) {
    const at = now();
    return db.transaction(async (tx) => {
      const before = await repo.getComplaintForUpdate(tx, id);
      const history = await historyOf(tx, id);
      const cal = await reference.workingDayCalendar();
      const clockBefore = deriveComplaintClock(history, cal, at, policy);
      const { proxy } = opts.authorize(before, clockBefore) ?? {};
      const next = COMPLAINT_LIFECYCLE.next(before.status, action, opts.note ?? null);
      if (!next.ok) throw new AppError("PRECONDITION_FAILED", next.reasons.map((r) => r.message).join("；"), next.reasons);
      const last = history.at(-1)!.at;
      const stamp = at > last ? at : new Date(last.getTime() + 1);
      await repo.insertComplaintEvent(tx, {
        complaintId: id,
        action,
        fromStatus: before.status,
        toStatus: next.value,
        at: stamp,
        actorId: caller.actor?.userId ?? null,
        actorRole: caller.actor?.role ?? "SYSTEM",
        note: opts.note ?? null,
      });
      const clock = deriveComplaintClock([...history, { action, to: next.value, at: stamp }], cal, stamp, policy);
      const deadlineEventId = await reschedule(tx, before, clock, stamp);
      const c = await repo.updateComplaint(tx, id, { status: next.value, deadlineEventId, updatedAt: stamp, ...opts.patch?.(before, stamp) });
      await opts.after?.(tx, c, stamp);
      await recordAudit(tx, caller, {
        action: "complaint.transition",
        entityType: "complaint",
        entityId: id,
        before: { status: before.status },
        after: { status: c.status, action, note: opts.note ?? null, ...(proxy ? { proxy: true } : {}) },
      });
      await emitEvent(tx, "complaint.status-changed", { complaintId: id, action, from: before.status, to: c.status });
      if (c.status === "CLOSED") {
        await emitEvent(tx, "complaint.closed", { complaintId: id, venueId: c.venueId, onTime: clock.onTime, closedAt: stamp.toISOString() });
        // 回访 is due 2 working days after closing: remind the handlers then if it is still not recorded.
        if (clock.followUpDueAt) await emitEvent(tx, "complaint.follow-up-due", { complaintId: id }, { runAt: clock.followUpDueAt });
      }
      return c;
    });
  }

  const handlerNote = (action: HandlerAction, raw: string | null | undefined): string | null => {
    const needs = action === "REQUEST_INFO" || action === "EXTEND" || action === "RESOLVE" || action === "REJECT";
    const label = { REQUEST_INFO: "需补充的材料", EXTEND: "延期原因", RESOLVE: "处理结果", REJECT: "不予受理的原因" }[action as string] ?? "处理说明";
    return needs ? checkText("note", raw ?? "", { kind: "text", label, min: 2, max: 2000 }) : checkOptionalText("note", raw, { kind: "text", label, max: 2000 });
  };

  /** Who the complaint is against and which venue handles it, from the linked job (or the venue complained about). */
  async function resolveLinks(complainantId: string, complainantRole: string, cmd: FileComplaintCommand) {
    let taskId = cmd.taskId ?? null;
    let engagement: Awaited<ReturnType<typeof repo.findEngagementLink>> | null = null;
    if (cmd.engagementId) {
      engagement = await repo.findEngagementLink(db, cmd.engagementId);
      if (!engagement) throw notFound("用工记录", cmd.engagementId);
      if (taskId && taskId !== engagement.taskId) badInput("taskId", [{ code: "COMPLAINT_LINK_MISMATCH", message: "岗位与用工记录不一致" }]);
      taskId = engagement.taskId;
    }
    const task = taskId ? await repo.findTaskLink(db, taskId) : null;
    if (taskId && !task) throw notFound("岗位", taskId);
    const kind: ComplaintRespondentKind = cmd.respondentKind ?? (complainantRole === "WORKER" ? "EMPLOYER" : "WORKER");

    // The complainant must be a party of the job they complain about.
    if (task) {
      if (complainantRole === "EMPLOYER" && task.employerId !== complainantId) throw notFound("岗位", task.id);
      if (complainantRole === "WORKER") {
        const own = engagement ? engagement.workerId === complainantId : !!(await repo.findEngagementOfWorker(db, task.id, complainantId));
        if (!own) throw notFound(engagement ? "用工记录" : "岗位", engagement?.id ?? task.id);
      }
    }

    if (kind === "VENUE") {
      const venueId = cmd.respondentVenueId ?? task?.venueId;
      if (!venueId) badInput("respondentVenueId", [{ code: "COMPLAINT_VENUE_REQUIRED", message: "投诉场所服务须指定场所" }]);
      const venue = await repo.findPublicVenue(db, venueId);
      if (!venue) throw notFound("场所", venueId);
      return { kind, respondentUserId: null, respondentVenueId: venue.id, venueId: venue.id, regionCode: venue.regionCode, taskId, engagementId: engagement?.id ?? null };
    }
    if (!task) badInput("taskId", [{ code: "COMPLAINT_LINK_REQUIRED", message: "投诉用工主体或零工须关联岗位或用工记录" }]);
    let respondentUserId: string;
    if (kind === "EMPLOYER") {
      if (complainantRole !== "WORKER") badInput("respondentKind", [{ code: "COMPLAINT_RESPONDENT", message: "只有零工可以投诉用工主体" }]);
      respondentUserId = task.employerId;
    } else {
      if (complainantRole !== "EMPLOYER") badInput("respondentKind", [{ code: "COMPLAINT_RESPONDENT", message: "只有用工主体可以投诉零工" }]);
      const workerId = engagement?.workerId ?? cmd.respondentUserId;
      if (!workerId) badInput("engagementId", [{ code: "COMPLAINT_RESPONDENT", message: "请指定被投诉零工的用工记录" }]);
      if (!engagement && !(await repo.findEngagementOfWorker(db, task.id, workerId))) throw notFound("用工记录", workerId);
      respondentUserId = workerId;
    }
    if (cmd.respondentUserId && cmd.respondentUserId !== respondentUserId) badInput("respondentUserId", [{ code: "COMPLAINT_LINK_MISMATCH", message: "被投诉人不是该岗位的另一方" }]);
    return { kind, respondentUserId, respondentVenueId: null, venueId: task.venueId, regionCode: task.regionCode, taskId, engagementId: engagement?.id ?? null };
  }

  return {
    policy,

    /**
     * A worker or employer files a complaint about a job they took part in (or about a venue's service);
     * venue staff file for a walk-in or hotline caller (proxy, audited). Schedules the acceptance deadline,
     * and for wage arrears the labour-inspection check.
     */
    async fileComplaint(caller: Caller, cmd: FileComplaintCommand) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER", "VENUE_STAFF");
      const proxy = actor.role === "VENUE_STAFF";
      const title = checkText("title", cmd.title, { kind: "line", label: "投诉标题", min: 2, max: 60 });
      const description = checkText("description", cmd.description, { kind: "text", label: "投诉内容", min: 5, max: 4000 });
      if (cmd.amountFen != null && (!Number.isSafeInteger(cmd.amountFen) || cmd.amountFen < 1 || cmd.amountFen > MAX_AMOUNT_FEN)) {
        badInput("amountFen", [{ code: "COMPLAINT_AMOUNT", message: `欠薪金额应为 1 至 ${MAX_AMOUNT_FEN} 分之间的整数` }]);
      }
      const channel: ComplaintChannel = proxy ? (cmd.channel ?? "WALK_IN") : "ONLINE";
      if (proxy && channel === "ONLINE") badInput("channel", [{ code: "COMPLAINT_CHANNEL", message: "代为登记的投诉渠道应为现场或热线" }]);
      if (!proxy && cmd.complainantId && cmd.complainantId !== actor.userId) badInput("complainantId", [{ code: "COMPLAINT_PROXY_ONLY", message: "只有场所工作人员可以代他人投诉" }]);
      const complainantId = proxy ? cmd.complainantId : actor.userId;
      if (!complainantId) badInput("complainantId", [{ code: "COMPLAINANT_REQUIRED", message: "代为登记须指定投诉人账号" }]);
      const complainant = await repo.findActiveUser(db, complainantId);
      if (!complainant || (complainant.role !== "WORKER" && complainant.role !== "EMPLOYER")) throw notFound("投诉人", complainantId);
      if (cmd.category === "WAGE_ARREARS" && complainant.role !== "WORKER") badInput("category", [{ code: "COMPLAINT_CATEGORY", message: "欠薪投诉由零工提出" }]);
      const links = await resolveLinks(complainantId, complainant.role, cmd);
      if (cmd.category === "WAGE_ARREARS" && (links.kind !== "EMPLOYER" || !links.engagementId)) {
        badInput("engagementId", [{ code: "COMPLAINT_WAGE_LINK", message: "欠薪投诉须关联本人的用工记录，被投诉方为用工主体" }]);
      }
      // Staff register walk-ins at their own counter even for jobs another venue brokered: the complaint still
      // goes to the brokering venue, whose staff handle it.
      const at = now();
      const cal = await reference.workingDayCalendar();
      return db
        .transaction(async (tx) => {
          const row = await repo.insertComplaint(tx, {
            complainantId,
            filedBy: actor.userId,
            channel,
            respondentKind: links.kind,
            respondentUserId: links.respondentUserId,
            respondentVenueId: links.respondentVenueId,
            venueId: links.venueId,
            regionCode: links.regionCode,
            taskId: links.taskId,
            engagementId: links.engagementId,
            contractId: cmd.contractId ?? null,
            settlementId: cmd.settlementId ?? null,
            category: cmd.category,
            title,
            description,
            amountFen: cmd.amountFen ?? null,
            status: "SUBMITTED",
            createdAt: at,
            updatedAt: at,
          });
          await repo.insertComplaintEvent(tx, { complaintId: row.id, action: "FILE", fromStatus: null, toStatus: "SUBMITTED", at, actorId: actor.userId, actorRole: actor.role, note: null });
          const clock = deriveComplaintClock([{ action: "FILE", to: "SUBMITTED", at }], cal, at, policy);
          const deadlineEventId = await reschedule(tx, row, clock, at);
          const referralEventId =
            cmd.category === "WAGE_ARREARS" ? await emitEvent(tx, "complaint.referral-due", { complaintId: row.id }, { runAt: wageReferralDueAt(at, cal, policy) }) : null;
          const c = await repo.updateComplaint(tx, row.id, { deadlineEventId, referralEventId });
          await recordAudit(tx, caller, {
            action: proxy ? "complaint.file-by-proxy" : "complaint.file",
            entityType: "complaint",
            entityId: c.id,
            after: { complainantId, channel, category: c.category, respondentKind: c.respondentKind, respondentUserId: c.respondentUserId, venueId: c.venueId, taskId: c.taskId, engagementId: c.engagementId, settlementId: c.settlementId },
          });
          await emitEvent(tx, "complaint.status-changed", { complaintId: c.id, action: "FILE", from: null, to: "SUBMITTED" });
          return c;
        })
        .catch(conflictOnDuplicate);
    },

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

    async getComplaint(caller: Caller, id: string) {
      const actor = requireActor(caller);
      const c = await repo.findComplaint(db, id);
      if (!c) throw notFound("投诉", id);
      assertCanRead(actor, c);
      return c;
    },

    /** Whether the caller may hear of the complaint's updates (the subscription's filter). */
    async canWatch(caller: Caller, id: string): Promise<boolean> {
      const c = caller.actor ? await repo.findComplaint(db, id) : null;
      if (!c || !caller.actor) return false;
      try {
        assertCanRead(caller.actor, c);
        return true;
      } catch {
        return false;
      }
    },

    /** The derived deadlines (read access is checked by the caller of this on the complaint row). */
    clock: (c: Pick<repo.ComplaintRow, "id">, at: Date) => clockOf(db, c.id, at),
    history: (c: Pick<repo.ComplaintRow, "id">) => repo.listComplaintEvents(db, c.id),
    referral: (c: Pick<repo.ComplaintRow, "id">) => repo.findReferral(db, c.id),

    /** Complaints the caller filed or is the respondent of, newest first. */
    myComplaints(caller: Caller, page: { status?: ComplaintStatus | null; category?: ComplaintCategory | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER");
      return repo.listComplaints(db, { partyId: actor.userId, status: page.status ?? undefined, category: page.category ?? undefined, limit: page.limit, offset: page.offset });
    },

    /** Handlers' list: staff their venue's, county officers their county's, city officers all. */
    listComplaints(caller: Caller, q: { status?: ComplaintStatus | null; category?: ComplaintCategory | null; openOnly?: boolean | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const scope = venueScopeOf(actor);
      return repo.listComplaints(db, { ...scope, status: q.status ?? undefined, category: q.category ?? undefined, openOnly: q.openOnly ?? false, limit: q.limit, offset: q.offset });
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

    /** Wage arrears still unpaid at the referral deadline → a labour-inspection record and notifications. */
    async referWageArrears(caller: Caller, complaintId: string): Promise<boolean> {
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
    },

    /**
     * 日结 overdue (3 working days, at most 15 days, unpaid): the engagement's standing wage-arrears complaint,
     * or one opened now for the worker, is referred to labour inspection (a referral record, the notices of
     * REFER_TO_INSPECTION). Idempotent: one referral per complaint.
     */
    async referUnpaidWages(caller: Caller, p: { engagementId: string; workerId: string; employerId: string; title: string; amountFen: number | null }) {
      let [c] = await repo.listUnpaidWageArrearsOfEngagement(db, p.engagementId);
      if (!c) {
        const worker: Caller = { ...caller, actor: { userId: p.workerId, role: "WORKER", venueId: null, regionCode: null } };
        c = await this.fileComplaint(worker, {
          category: "WAGE_ARREARS",
          engagementId: p.engagementId,
          title: `日结工资逾期未付：${p.title}`.slice(0, 60),
          description: "完工后3个工作日仍未支付工资（非全日制用工结算周期最长15日），系统自动登记为欠薪投诉并移送劳动保障监察。",
          amountFen: p.amountFen,
        });
      }
      await this.referWageArrears(caller, c.id);
      return repo.findComplaint(db, c.id);
    },

    /** settlement.disputed → a WAGE_ARREARS complaint by the worker against the employer (once per settlement). */
    async openFromDisputedSettlement(caller: Caller, p: { settlementId: string; engagementId: string; workerId: string; employerId: string; venueId: string }) {
      if (await repo.findOpenComplaintForSettlement(db, p.settlementId)) return null;
      const engagement = await repo.findEngagementLink(db, p.engagementId);
      if (!engagement || engagement.workerId !== p.workerId || engagement.employerId !== p.employerId) throw new AppError("NOT_FOUND", "结算争议所指的用工记录不存在或不一致");
      const worker: Caller = { ...caller, actor: { userId: p.workerId, role: "WORKER", venueId: null, regionCode: null } };
      return this.fileComplaint(worker, {
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

    /** The canPost rule for dispatch: a standing wage-arrears complaint stops the employer posting. */
    async canPost(employerId: string): Promise<{ ok: true } | { ok: false; message: string }> {
      const open = await repo.countOpenWageArrears(db, employerId);
      return open === 0 ? { ok: true } : { ok: false, message: `您有 ${open} 件欠薪投诉尚未处理完毕，结清工资前暂停发布岗位` };
    },

    /** For notifications (a job): the complaint and who to tell. */
    async noticeContext(complaintId: string) {
      const c = await repo.findComplaint(db, complaintId);
      if (!c) return null;
      return { complaint: c, countyOfficerIds: await repo.listCountyOfficerIds(db, c.regionCode), shortId: shortId(c.id) };
    },
    phonesOf: (ids: string[]) => repo.listPhones(db, ids),

    /** A venue's public page: name, address, hotline and where to complain (anyone, recognised venues only). */
    async venuePublicPage(id: string) {
      const v = await repo.findPublicVenue(db, id);
      if (!v) throw notFound("场所", id);
      return { ...v, hotline: v.contactPhone, complaintLink: `/complaints/new?venueId=${v.id}`, complaints: await repo.countVenueComplaints(db, v.id) };
    },
  };
}

export { shortId as complaintNumber };
