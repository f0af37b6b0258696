// Editing a posted task with the rules of shared/src/dispatch/task-edit.ts: everything while nobody holds a
// seat, only the description and the headcount after; never below the minimum wage or the seats taken.
// The task's row lock serialises an edit with concurrent accepts, so a headcount cut and an accept racing
// each other end with one of them refused and the task never overfilled.
import { checkHourlyPay, freshWaveRound, planTaskEdit, type TaskEditPlan, type TaskPatch } from "@qz/shared";
import { eq } from "drizzle-orm";
import { skills } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkRegion, checkText } from "../../access/input-checks.js";
import type { ReferenceService } from "../reference/reference.service.js";
import { assertCanSeeTask, assertTaskInStaffScope } from "./dispatch.access.js";
import type { LivePublisher } from "./live.js";
import * as offers from "./offer.repo.js";
import { shanghaiDate } from "./task.service.js";
import * as repo from "./task.repo.js";

export type EditTaskCommand = TaskPatch;

function refuse(reasons: { code: string; message: string; field?: string }[]): never {
  throw new AppError("BAD_USER_INPUT", reasons.map((r) => r.message).join("；"), reasons);
}

const view = (t: repo.TaskRow) => ({
  status: t.status,
  title: t.title,
  description: t.description,
  skillCode: t.skillCode,
  requiredLevel: t.requiredLevel,
  regionCode: t.regionCode,
  address: t.address,
  lat: t.lat,
  lng: t.lng,
  startsAt: t.startsAt,
  endsAt: t.endsAt,
  headcount: t.headcount,
  filledCount: t.filledCount,
  payRateFen: t.payRateFen,
  payUnit: t.payUnit,
  maxTravelMinutes: t.maxTravelMinutes,
});

/** HOUR and DAY pay is held to the area's minimum wage on the start date whenever pay, window or area change (PIECE at settlement). */
const needsWageCheck = (p: TaskEditPlan) => p.next.payUnit !== "PIECE" && p.changed.some((f) => ["payRateFen", "payUnit", "startsAt", "endsAt", "regionCode"].includes(f));
const wageKey = (t: { regionCode: string; startsAt: Date }) => `${t.regionCode}:${shanghaiDate(t.startsAt)}`;

export function createTaskEditService({ db, now }: Deps, { reference, live }: { reference: ReferenceService; live: LivePublisher }) {
  /** Trims and bounds the text fields as posting does; region and skill must exist. */
  async function cleaned(cmd: EditTaskCommand): Promise<TaskPatch> {
    const patch: TaskPatch = { ...cmd };
    if (cmd.title != null) patch.title = checkText("title", cmd.title, { kind: "line", label: "岗位名称", min: 2, max: 50 });
    if (cmd.description != null) patch.description = checkText("description", cmd.description, { kind: "text", label: "岗位说明", min: 0, max: 1000 });
    if (cmd.address != null) patch.address = checkText("address", cmd.address, { kind: "line", label: "工作地址", min: 2, max: 200 });
    if (cmd.regionCode != null) checkRegion(cmd.regionCode);
    if (cmd.skillCode != null) {
      const [skill] = await db.select().from(skills).where(eq(skills.code, cmd.skillCode));
      if (!skill) refuse([{ field: "skillCode", code: "SKILL_UNKNOWN", message: `未知技能：${cmd.skillCode}` }]);
    }
    return patch;
  }

  return {
    /**
     * The employer edits their task, or venue staff one their venue brokers (audited, marked as proxy).
     * A material change withdraws outstanding offers and starts the waves again; the headcount may fill or
     * reopen the task, and a raise sends a wave for the new seats. Watchers hear of it through taskUpdated.
     */
    async editTask(caller: Caller, id: string, cmd: EditTaskCommand) {
      const actor = requireActor(caller, "EMPLOYER", "VENUE_STAFF");
      const patch = await cleaned(cmd);
      const at = now();
      const peek = planTaskEdit(await repo.getTask(db, id), patch, at);
      const wage = peek.ok && needsWageCheck(peek.value) ? { key: wageKey(peek.value.next), standard: await reference.minimumWageOn(peek.value.next.regionCode, shanghaiDate(peek.value.next.startsAt)) } : null;
      const result = await db.transaction(async (tx) => {
        const before = await repo.getTaskForUpdate(tx, id);
        if (actor.role === "EMPLOYER") assertCanSeeTask(actor, before, false);
        else assertTaskInStaffScope(actor, before);
        const plan = planTaskEdit(before, patch, at);
        if (!plan.ok) refuse(plan.reasons);
        const { next, changed, material, seats, headcountRaised, flags, windowHours } = plan.value;
        if (changed.length === 0) return { task: before, withdrawn: [] as offers.OfferRow[], changed: false };
        if (needsWageCheck(plan.value)) {
          // Looked up before the lock (no second pooled connection inside the transaction); a concurrent edit that moved the key meanwhile is a retry.
          if (!wage || wage.key !== wageKey(next)) throw new AppError("CONFLICT", "岗位刚被修改，请刷新后重试");
          const standard = wage.standard;
          if (!standard) throw new AppError("PRECONDITION_FAILED", "该地区尚未登记最低工资标准，暂不能修改报酬或时间");
          const pay = checkHourlyPay(next.payRateFen, next.payUnit, standard, next.payUnit === "DAY" ? Math.min(windowHours, 24) : undefined);
          if (!pay.ok) refuse(pay.reasons.map((r) => ({ ...r, field: "payRateFen" })));
        }
        if (changed.some((f) => ["skillCode", "lat", "lng", "startsAt", "endsAt"].includes(f))) {
          const duplicate = await repo.findDuplicateTask(tx, { employerId: before.employerId, skillCode: next.skillCode, lat: next.lat, lng: next.lng, startsAt: next.startsAt, endsAt: next.endsAt, excludeId: id });
          if (duplicate) throw new AppError("CONFLICT", `与已发布的岗位（${duplicate.title}）重复`, [{ code: "TASK_DUPLICATE", field: "startsAt", message: `与岗位 ${duplicate.id} 重复：同一用工主体、同一技能、同一地点、时间重叠` }]);
        }
        const withdrawn = material || seats === "FULL" ? await offers.withdrawOffers(tx, id, at) : [];
        for (const eventId of new Set(withdrawn.map((o) => o.expiryEventId).filter((e): e is string => !!e))) await cancelEvent(tx, eventId, at);
        const task = await repo.updateTask(tx, id, {
          ...next,
          status: seats === "FULL" ? "FILLED" : seats === "REOPEN" ? "OPEN" : before.status,
          flags: flags.map((f) => ({ code: f.code, message: f.message })),
          // New terms start the waves again (workers offered on the old terms are not offered twice; they can still grab it).
          // New seats get a round of their own, even after the earlier rounds ran out and people were asked to dispatch.
          ...(material ? { wave: 0, waveRoundStart: 0, manualDispatchAt: null } : headcountRaised ? freshWaveRound(before) : {}),
          updatedAt: at,
        });
        await recordAudit(tx, caller, { action: "task.edit", entityType: "task", entityId: id, before: view(before), after: { ...view(task), changed, proxy: actor.role === "VENUE_STAFF" } });
        // The wave goes out as a job after commit (the outbox): it ranks afresh, tops up what outstanding offers do not cover, and keeps K.
        if (task.status === "OPEN" && (material || headcountRaised)) await emitEvent(tx, "task.edited", { taskId: id });
        return { task, withdrawn, changed: true };
      });
      if (result.changed) {
        await Promise.all([live.taskUpdated(id), ...result.withdrawn.map((o) => live.offerWithdrawn(o.workerId, o.id))]);
      }
      return result.task;
    },
  };
}
