import { checkHourlyPay, checkTaskDraft, TASK_LIFECYCLE, widestReachMeters, type EditableTask } from "@qz/shared";
import { eq } from "drizzle-orm";
import { skills } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput, type ErrorReason } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkRegion, checkText } from "../../access/input-checks.js";
import { venueScopeOf, assertRegionInScope } from "../../access/scope.js";
import type { ReferenceService } from "../reference/reference.service.js";
import { assertCanSeeTask, assertTaskInStaffScope } from "./dispatch.access.js";
import type { DispatchSettingsAll } from "./dispatch.settings.js";
import type { LivePublisher } from "./live.js";
import * as offers from "./offer.repo.js";
import * as repo from "./task.repo.js";

/** A task's fields as posted (the same fields an edit may change). */
export interface PostTaskCommand extends EditableTask {
  /** Staff posting for an employer (proxy); ignored for an employer posting for themself. */
  employerId?: string | null;
}

/** Hook for the complaints issue: a standing wage-arrears complaint stops the employer from posting (DESIGN §3). */
export type CanPost = (employerId: string) => Promise<{ ok: true } | { ok: false; message: string }>;
export const canPostToday: CanPost = async () => ({ ok: true });

/** The Asia/Shanghai calendar date of an instant (China has no daylight saving). */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** "2026-12-01 09:00" in Asia/Shanghai, for messages. */
export const shanghaiTime = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

function refuse(reasons: ErrorReason[]): never {
  throw new AppError("BAD_USER_INPUT", reasons.map((r) => r.message).join("；"), reasons);
}

const auditView = (t: repo.TaskRow) => ({
  status: t.status,
  employerId: t.employerId,
  venueId: t.venueId,
  skillCode: t.skillCode,
  startsAt: t.startsAt,
  endsAt: t.endsAt,
  headcount: t.headcount,
  filledCount: t.filledCount,
  payRateFen: t.payRateFen,
  payUnit: t.payUnit,
  cancelReason: t.cancelReason,
  lateCancellation: t.lateCancellation,
});

export interface TaskServiceParts {
  reference: ReferenceService;
  live: LivePublisher;
  settings: DispatchSettingsAll;
  canPost?: CanPost;
}

/** Posting, cancelling and reading tasks (零工岗位). */
export function createTaskService({ db, now }: Deps, { reference, live, settings, canPost = canPostToday }: TaskServiceParts) {
  async function readable(caller: Caller, id: string) {
    const actor = requireActor(caller);
    const task = await repo.getTask(db, id);
    const linked = actor.role === "WORKER" && (await repo.isWorkerLinked(db, task.id, actor.userId));
    assertCanSeeTask(actor, task, linked);
    return task;
  }

  return {
    /**
     * An employer posts a task for themself, or venue staff for an employer (proxy, audited). Checks the
     * draft, the skill, the area's hourly minimum wage (HOUR and DAY; PIECE at settlement), the canPost
     * rule and double postings; the brokering venue is the staff's own or the nearest recognised one.
     */
    async postTask(caller: Caller, cmd: PostTaskCommand) {
      const actor = requireActor(caller, "EMPLOYER", "VENUE_STAFF");
      const employerId = actor.role === "EMPLOYER" ? actor.userId : cmd.employerId;
      if (!employerId) badInput("employerId", [{ code: "EMPLOYER_REQUIRED", message: "代发岗位须指定用工主体" }]);
      checkRegion(cmd.regionCode);
      const title = checkText("title", cmd.title, { kind: "line", label: "岗位名称", min: 2, max: 50 });
      const description = checkText("description", cmd.description, { kind: "text", label: "岗位说明", min: 0, max: 1000 });
      const address = checkText("address", cmd.address, { kind: "line", label: "工作地址", min: 2, max: 200 });
      const at = now();
      const checked = checkTaskDraft(cmd, at);
      if (!checked.ok) refuse(checked.reasons);
      const { windowHours, flags } = checked.value;
      const [skill] = await db.select().from(skills).where(eq(skills.code, cmd.skillCode));
      if (!skill) refuse([{ field: "skillCode", code: "SKILL_UNKNOWN", message: `未知技能：${cmd.skillCode}` }]);
      if (cmd.payUnit !== "PIECE") {
        const standard = await reference.minimumWageOn(cmd.regionCode, shanghaiDate(cmd.startsAt));
        if (!standard) throw new AppError("PRECONDITION_FAILED", "该地区尚未登记最低工资标准，暂不能发布岗位");
        const pay = checkHourlyPay(cmd.payRateFen, cmd.payUnit, standard, cmd.payUnit === "DAY" ? Math.min(windowHours, 24) : undefined);
        if (!pay.ok) refuse(pay.reasons.map((r) => ({ ...r, field: "payRateFen" })));
      }
      const employer = await repo.findActiveEmployer(db, employerId);
      if (!employer) throw new AppError("NOT_FOUND", `用工主体 ${employerId} 不存在或已停用`);
      const allowed = await canPost(employerId);
      if (!allowed.ok) throw new AppError("PRECONDITION_FAILED", allowed.message, [{ code: "EMPLOYER_CANNOT_POST", message: allowed.message }]);
      let venueId = actor.role === "VENUE_STAFF" ? actor.venueId : null;
      if (!venueId) {
        const nearest = await repo.findNearestRecognizedVenue(db, cmd.regionCode, cmd.lat, cmd.lng, widestReachMeters(cmd.maxTravelMinutes, settings.reach));
        if (!nearest) throw new AppError("PRECONDITION_FAILED", "附近没有已认定的零工市场或驿站，请联系当地人社部门");
        venueId = nearest.id;
      }
      return db.transaction(async (tx) => {
        await repo.lockEmployerPostings(tx, employerId);
        const duplicate = await repo.findDuplicateTask(tx, { employerId, skillCode: cmd.skillCode, lat: cmd.lat, lng: cmd.lng, startsAt: cmd.startsAt, endsAt: cmd.endsAt });
        if (duplicate) {
          throw new AppError("CONFLICT", `已发布过相同的岗位（${duplicate.title}），请勿重复发布`, [
            { code: "TASK_DUPLICATE", field: "startsAt", message: `与岗位 ${duplicate.id} 重复：同一用工主体、同一技能、同一地点、时间重叠` },
          ]);
        }
        const task = await repo.insertTask(tx, {
          employerId,
          venueId: venueId!,
          postedBy: actor.userId,
          regionCode: cmd.regionCode,
          title,
          description,
          skillCode: cmd.skillCode,
          requiredLevel: cmd.requiredLevel,
          address,
          lat: cmd.lat,
          lng: cmd.lng,
          startsAt: cmd.startsAt,
          endsAt: cmd.endsAt,
          headcount: cmd.headcount,
          payRateFen: cmd.payRateFen,
          payUnit: cmd.payUnit,
          maxTravelMinutes: cmd.maxTravelMinutes,
          status: "OPEN",
          flags: flags.map((f) => ({ code: f.code, message: f.message })),
          createdAt: at,
          updatedAt: at,
        });
        await recordAudit(tx, caller, {
          action: actor.role === "VENUE_STAFF" ? "task.post-by-proxy" : "task.post",
          entityType: "task",
          entityId: task.id,
          after: { ...auditView(task), proxy: actor.role === "VENUE_STAFF" },
        });
        await emitEvent(tx, "task.posted", { taskId: task.id });
        return task;
      });
    },

    /**
     * Cancels with a reason: outstanding offers are withdrawn and live engagements cancelled. Inside the
     * late window after someone accepted, it is a late cancellation (counted, and the settlement issue pays its fee).
     */
    async cancelTask(caller: Caller, id: string, rawReason: string) {
      const actor = requireActor(caller, "EMPLOYER", "VENUE_STAFF");
      const reason = checkText("reason", rawReason, { kind: "text", label: "取消原因", min: 2, max: 200 });
      const at = now();
      const { task, withdrawn } = await db.transaction(async (tx) => {
        const before = await repo.getTaskForUpdate(tx, id);
        if (actor.role === "EMPLOYER") assertCanSeeTask(actor, before, false);
        else assertTaskInStaffScope(actor, before);
        const next = TASK_LIFECYCLE.next(before.status, "CANCEL", reason);
        if (!next.ok) throw new AppError("PRECONDITION_FAILED", next.reasons.map((r) => r.message).join("；"), next.reasons);
        if (before.startsAt <= at) throw new AppError("PRECONDITION_FAILED", "岗位已开始，不能取消");
        const accepted = await offers.countLiveEngagements(tx, id);
        const late = accepted > 0 && before.startsAt.getTime() - at.getTime() < settings.dispatch.lateHours * 3_600_000;
        const task = await repo.updateTask(tx, id, { status: next.value, cancelledAt: at, cancelReason: reason, lateCancellation: late, updatedAt: at });
        const withdrawn = await offers.withdrawOffers(tx, id, at);
        for (const eventId of new Set(withdrawn.map((o) => o.expiryEventId).filter((e): e is string => !!e))) await cancelEvent(tx, eventId, at);
        const cancelled = await offers.cancelLiveEngagements(tx, id, at, `用工方取消：${reason}`);
        if (late) await repo.incrementLateCancelCount(tx, task.employerId);
        await recordAudit(tx, caller, { action: "task.cancel", entityType: "task", entityId: id, before: auditView(before), after: auditView(task) });
        await emitEvent(tx, "task.cancelled", { taskId: id, late, workerIds: cancelled.map((e) => e.workerId) });
        return { task, withdrawn };
      });
      await Promise.all([live.taskUpdated(id), ...withdrawn.map((o) => live.offerWithdrawn(o.workerId, o.id))]);
      return task;
    },

    getTask: readable,

    /** For jobs (no caller): the task row, or null. */
    findTaskRow: (id: string) => repo.findTask(db, id),

    /** Whether the caller may receive updates of the task (the subscription's filter). */
    async canWatchTask(caller: Caller, id: string): Promise<boolean> {
      const actor = requireActor(caller);
      if (actor.role === "WORKER") return false;
      return readable(caller, id).then(
        () => true,
        () => false,
      );
    },

    /** The employer's own tasks, newest start first. */
    myTasks(caller: Caller, page: { limit: number; offset: number; status?: repo.TaskStatusValue | null }) {
      const actor = requireActor(caller, "EMPLOYER");
      return repo.listTasks(db, { employerId: actor.userId, status: page.status ?? undefined, limit: page.limit, offset: page.offset });
    },

    /** Tasks for staff (their venue) and officers (their county, or all). */
    listTasks(caller: Caller, q: { regionCode?: string | null; employerId?: string | null; status?: repo.TaskStatusValue | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const scope = venueScopeOf(actor);
      if (q.regionCode && actor.role !== "VENUE_STAFF") assertRegionInScope(actor, q.regionCode);
      return repo.listTasks(db, {
        venueId: scope.venueId,
        regionCode: scope.regionCode ?? q.regionCode ?? undefined,
        employerId: q.employerId ?? undefined,
        status: q.status ?? undefined,
        limit: q.limit,
        offset: q.offset,
      });
    },
  };
}
