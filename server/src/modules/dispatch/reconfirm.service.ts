// 到岗确认 (issue 6 item 5, DESIGN §4.6): the worker confirms again before the start. Accepting schedules
// a reminder and a deadline through the outbox; an engagement still unconfirmed at the deadline is released
// as a late withdrawal (it counts against reliability) and engagement.withdrawn backfills the seat with a wave.
import { checkReconfirm, isUnconfirmedPastDeadline, type ReconfirmSchedule } from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../../access/actor.js";
import type { NotificationService } from "../notify/notify.service.js";
import type { DispatchSettingsAll } from "./dispatch.settings.js";
import type { LivePublisher } from "./live.js";
import * as repo from "./offer.repo.js";
import * as tasks from "./task.repo.js";
import { shanghaiTime } from "./task.service.js";

/**
 * Schedules the reminder and the deadline of a new engagement (inside the accept's transaction). Jobs that
 * find the engagement confirmed or ended do nothing, so a withdrawal or cancellation need not unschedule them.
 */
export async function scheduleReconfirm(tx: DbOrTx, engagementId: string, plan: ReconfirmSchedule): Promise<void> {
  await emitEvent(tx, "engagement.reconfirm-reminder-due", { engagementId }, { runAt: plan.remindAt });
  await emitEvent(tx, "engagement.reconfirm-deadline-due", { engagementId }, { runAt: plan.deadline });
}

export interface ReconfirmServiceParts {
  notifications: NotificationService;
  live: LivePublisher;
  settings: DispatchSettingsAll;
}

export function createReconfirmService({ db, now }: Deps, { notifications, live, settings }: ReconfirmServiceParts) {
  const s = settings.dispatch;
  return {
    /** The engagement's reconfirmation deadline. */
    confirmByOf: (e: { startsAt: Date }) => new Date(e.startsAt.getTime() - s.reconfirmHours * 3_600_000),

    /** The worker confirms they will come (到岗确认). A second confirmation returns the engagement unchanged. */
    async confirmEngagement(caller: Caller, engagementId: string) {
      const actor = requireActor(caller, "WORKER");
      const at = now();
      const { engagement, changed } = await db.transaction(async (tx) => {
        const found = await repo.findEngagement(tx, engagementId);
        if (!found || found.workerId !== actor.userId) throw notFound("用工记录", engagementId);
        const before = await repo.getEngagementForUpdate(tx, engagementId);
        const check = checkReconfirm(before, at, s);
        if (!check.ok) throw new AppError("PRECONDITION_FAILED", check.reasons.map((r) => r.message).join("；"), check.reasons);
        if (check.value === "already") return { engagement: before, changed: false };
        const after = await repo.updateEngagement(tx, engagementId, { status: "CONFIRMED", confirmedAt: at });
        await recordAudit(tx, caller, { action: "engagement.reconfirm", entityType: "engagement", entityId: engagementId, before: { status: before.status }, after: { status: after.status, confirmedAt: at } });
        return { engagement: after, changed: true };
      });
      if (changed) await live.taskUpdated(engagement.taskId);
      return engagement;
    },

    /** The reminder came due: an engagement still waiting for confirmation gets an in-app notice. Safe to run twice (keyed by event). */
    async remindReconfirm(engagementId: string, eventId: string) {
      const engagement = await repo.findEngagement(db, engagementId);
      const check = engagement && checkReconfirm(engagement, now(), s);
      if (!engagement || !check || !check.ok || check.value !== "confirm") return false;
      const task = await tasks.getTask(db, engagement.taskId);
      await notifications.notifyUsers(eventId, [engagement.workerId], {
        kind: "RECONFIRM_REMINDER",
        title: `请确认到岗：${task.title}（${shanghaiTime(engagement.startsAt)} 开工）`,
        body: `请在开工前${s.reconfirmHours}小时之前点“确认到岗”。逾期未确认，名额将让给其他零工，并计入守约记录。地址：${task.address}`,
      });
      return true;
    },

    /**
     * The deadline came due: an engagement still unconfirmed is released as a late withdrawal (counted against
     * reliability), the seat reopens, and engagement.withdrawn brings a new wave and voids an unsigned contract.
     */
    async releaseUnconfirmed(caller: Caller, engagementId: string, eventId: string) {
      const at = now();
      const existing = await repo.findEngagement(db, engagementId);
      if (!existing) return null;
      const released = await db.transaction(async (tx) => {
        const task = await tasks.getTaskForUpdate(tx, existing.taskId); // the task first: the lock order of every seat change
        const before = await repo.getEngagementForUpdate(tx, engagementId);
        if (!isUnconfirmedPastDeadline(before, at, s)) return null;
        await tasks.freeSeat(tx, task, at);
        const reason = `未在开工前${s.reconfirmHours}小时确认到岗，名额已释放`;
        const after = await repo.updateEngagement(tx, engagementId, { status: "WITHDRAWN", endedAt: at, endReason: reason, late: true });
        await repo.incrementLateWithdrawals(tx, before.workerId);
        await recordAudit(tx, caller, { action: "engagement.release-unconfirmed", entityType: "engagement", entityId: engagementId, before: { status: before.status }, after: { status: after.status, late: true, reason } });
        await emitEvent(tx, "engagement.withdrawn", { engagementId, taskId: before.taskId, workerId: before.workerId, late: true });
        await notifications.notifyUsers(eventId, [before.workerId], {
          kind: "RECONFIRM_MISSED",
          title: "未按时确认到岗，名额已释放",
          body: `${reason}；本次计入临时退出记录，会影响今后的派单排序。`,
        });
        return after;
      });
      if (released) await live.taskUpdated(released.taskId);
      return released;
    },
  };
}
