// Filing a complaint (投诉): who it is against and which venue handles it come from the linked job (or the
// venue complained about); the acceptance deadline, and for wage arrears the labour-inspection check, are
// scheduled with it.
import { deriveComplaintClock, wageReferralDueAt, type ComplaintCategory, type ComplaintChannel, type ComplaintRespondentKind } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkText } from "../../access/input-checks.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import type { ReferenceService } from "../reference/reference.service.js";
import type { ComplaintWorkflow } from "./complaint-workflow.service.js";
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

const MAX_AMOUNT_FEN = 100_000_000;

const conflictOnDuplicate = (err: unknown): never => {
  if (isUniqueViolation(err, "complaints_one_open_per_link")) {
    throw new AppError("CONFLICT", "您已就同一用工提交过同类投诉，正在处理中，请勿重复提交", [{ code: "COMPLAINT_DUPLICATE", message: "同一投诉人、同一类别、同一用工只能有一件未办结的投诉" }]);
  }
  throw err;
};

export type ComplaintFiling = ReturnType<typeof createComplaintFiling>;

export function createComplaintFiling({ db, now }: Deps, { reference, workflow }: { reference: ReferenceService; workflow: ComplaintWorkflow }) {
  const { policy, reschedule } = workflow;

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
  };
}
