// Answering offers and holding seats (DESIGN §4.3–4.7): accept, grab and proxy accept share one path whose
// conditional seat update can never overfill; declines and withdrawals hand the seat back to the waves.
import { reconfirmSchedule } from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import { isExclusionViolation, isUniqueViolation } from "../../db/errors.js";
import type { Deps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText } from "../../access/input-checks.js";
import { invalidSmsCode, type SmsService } from "../sms/sms.service.js";
import { listCandidates } from "./candidate.repo.js";
import { assertCanSeeEngagement, assertCanSeeOffer, assertCanSeeTask, canSeeScore } from "./dispatch.access.js";
import type { DispatchSettingsAll } from "./dispatch.settings.js";
import type { LivePublisher } from "./live.js";
import * as repo from "./offer.repo.js";
import { scheduleReconfirm } from "./reconfirm.service.js";
import * as tasks from "./task.repo.js";

export const TASK_FULL_MESSAGE = "岗位已满员或已关闭";
export const DOUBLE_BOOKING_MESSAGE = "与您已接的其他岗位时间冲突";

interface AcceptCommand {
  taskId: string;
  workerId: string;
  /** Accepting this offer (it must still be outstanding); without one, any outstanding offer of the task is settled too. */
  offerId?: string;
  source: repo.EngagementRow["source"];
  proxyBy?: string;
  /** Runs first inside the transaction (proxy mode consumes the SMS code there, so a refusal gives it back). */
  verify?: (tx: DbOrTx) => Promise<void>;
}

export interface OfferServiceParts {
  sms: SmsService;
  live: LivePublisher;
  settings: DispatchSettingsAll;
}

export function createOfferService({ db, now }: Deps, { sms, live, settings }: OfferServiceParts) {
  const cancelEvents = async (tx: DbOrTx, ids: (string | null)[], at: Date) => {
    for (const id of new Set(ids.filter((e): e is string => !!e))) await cancelEvent(tx, id, at);
  };

  /**
   * The one accept path. In one transaction: take a seat with the conditional update (zero rows: full or
   * closed), settle the offer, insert the engagement (the exclusion constraint refuses double booking),
   * withdraw the rest when the task fills, and emit engagement.created. Live updates go out after commit.
   */
  async function accept(caller: Caller, cmd: AcceptCommand) {
    const at = now();
    const { engagement, withdrawn } = await db
      .transaction(async (tx) => {
        if (cmd.verify) await cmd.verify(tx);
        const task = await tasks.takeSeat(tx, cmd.taskId, at);
        if (!task) throw new AppError("CONFLICT", TASK_FULL_MESSAGE, [{ code: "TASK_FULL_OR_CLOSED", message: TASK_FULL_MESSAGE }]);
        const offer = cmd.offerId ? await repo.answerOffer(tx, cmd.offerId, cmd.workerId, "ACCEPTED", at) : await repo.acceptOpenOfferOf(tx, cmd.taskId, cmd.workerId, at);
        if (cmd.offerId && !offer) throw new AppError("CONFLICT", "派单已答复、撤回或过期", [{ code: "OFFER_NOT_OUTSTANDING", message: "派单已答复、撤回或过期" }]);
        // 到岗确认: accepted at or after the reconfirmation deadline, the accept itself is the confirmation.
        const plan = reconfirmSchedule(task.startsAt, at, settings.dispatch);
        const engagement = await repo.insertEngagement(tx, {
          taskId: task.id,
          workerId: cmd.workerId,
          offerId: offer?.id ?? null,
          source: cmd.source,
          proxyBy: cmd.proxyBy ?? null,
          status: plan.confirmedOnAccept ? "CONFIRMED" : "ACTIVE",
          confirmedAt: plan.confirmedOnAccept ? at : null,
          startsAt: task.startsAt,
          endsAt: task.endsAt,
          acceptedAt: at,
          createdAt: at,
        });
        if (!plan.confirmedOnAccept) await scheduleReconfirm(tx, engagement.id, plan);
        if (offer?.expiryEventId && !(await repo.waveHasOutstanding(tx, task.id, offer.wave))) await cancelEvent(tx, offer.expiryEventId, at);
        const withdrawn = task.status === "FILLED" ? await repo.withdrawOffers(tx, task.id, at) : [];
        await cancelEvents(tx, withdrawn.map((o) => o.expiryEventId), at);
        if (cmd.proxyBy) {
          await recordAudit(tx, caller, {
            action: "engagement.accept-by-proxy",
            entityType: "engagement",
            entityId: engagement.id,
            after: { taskId: task.id, workerId: cmd.workerId, source: cmd.source, proxyBy: cmd.proxyBy },
          });
        }
        await emitEvent(tx, "engagement.created", { engagementId: engagement.id, taskId: task.id, workerId: cmd.workerId });
        return { engagement, withdrawn };
      })
      .catch((err: unknown) => {
        if (isExclusionViolation(err, "engagements_no_double_booking")) {
          throw new AppError("CONFLICT", DOUBLE_BOOKING_MESSAGE, [{ code: "DOUBLE_BOOKING", message: DOUBLE_BOOKING_MESSAGE }]);
        }
        if (isUniqueViolation(err, "engagements_task_worker_unique")) throw new AppError("CONFLICT", "您已接过该岗位", [{ code: "ALREADY_ENGAGED", message: "您已接过该岗位" }]);
        throw err;
      });
    await Promise.all([live.taskUpdated(cmd.taskId), ...withdrawn.map((o) => live.offerWithdrawn(o.workerId, o.id))]);
    return engagement;
  }

  /** Grab and proxy accept check the worker against the same eligibility rules as a wave (bar offers held and overlaps, which the accept path refuses itself). */
  async function assertEligible(taskId: string, workerId: string) {
    const [fit] = await listCandidates(db, { taskId, workerId, now: now(), maxOutstandingOffers: settings.dispatch.maxOutstandingOffers, limit: 1, forAccept: true, reach: settings.reach });
    if (!fit) {
      throw new AppError("PRECONDITION_FAILED", "不符合该岗位要求：需实名核验、具备所需技能等级、在通勤范围内且未被屏蔽", [
        { code: "WORKER_NOT_ELIGIBLE", message: "不符合该岗位要求" },
      ]);
    }
  }

  async function ownOffer(caller: Caller, offerId: string) {
    const actor = requireActor(caller, "WORKER");
    const offer = await repo.findOffer(db, offerId);
    if (!offer || offer.workerId !== actor.userId) throw notFound("派单", offerId);
    return { actor, offer };
  }

  /** Staff act only for workers registered at their venue. */
  async function workerOfMyVenue(caller: Caller, workerId: string) {
    const actor = requireActor(caller, "VENUE_STAFF");
    const worker = await repo.findWorkerForProxy(db, workerId);
    if (!worker) throw notFound("零工人员", workerId);
    if (!actor.venueId || worker.homeVenueId !== actor.venueId) throw new AppError("FORBIDDEN", "只能为本场所登记的零工代办");
    return { actor, worker };
  }

  return {
    /** The worker accepts their offer. */
    async acceptOffer(caller: Caller, offerId: string) {
      const { actor, offer } = await ownOffer(caller, offerId);
      return accept(caller, { taskId: offer.taskId, workerId: actor.userId, offerId, source: "OFFER" });
    },

    /** Grab mode: the worker takes an open task they are eligible for. */
    async takeTask(caller: Caller, taskId: string) {
      const actor = requireActor(caller, "WORKER");
      await tasks.getTask(db, taskId);
      await assertEligible(taskId, actor.userId);
      return accept(caller, { taskId, workerId: actor.userId, source: "GRAB" });
    },

    /** Texts the worker a PROXY_ACTION code before staff accept for them. */
    async requestProxyCode(caller: Caller, workerId: string) {
      const { worker } = await workerOfMyVenue(caller, workerId);
      return sms.requestCode(caller, worker.phone, "PROXY_ACTION");
    },

    /** Proxy mode: staff accept for a walk-in worker of their venue, with the code texted to the worker (marked and audited). */
    async proxyAccept(caller: Caller, taskId: string, workerId: string, smsCode: string) {
      const { actor, worker } = await workerOfMyVenue(caller, workerId);
      await tasks.getTask(db, taskId);
      await assertEligible(taskId, workerId);
      return accept(caller, {
        taskId,
        workerId,
        source: "PROXY",
        proxyBy: actor.userId,
        verify: async (tx) => {
          if (!(await sms.verifyCode(tx, worker.phone, "PROXY_ACTION", smsCode))) throw invalidSmsCode();
        },
      });
    },

    /** The worker declines; when no offer of the task is outstanding any more, the next wave goes out (a job). */
    async declineOffer(caller: Caller, offerId: string) {
      const { actor, offer } = await ownOffer(caller, offerId);
      const at = now();
      return db.transaction(async (tx) => {
        const declined = await repo.answerOffer(tx, offerId, actor.userId, "DECLINED", at);
        if (!declined) throw new AppError("CONFLICT", "派单已答复、撤回或过期", [{ code: "OFFER_NOT_OUTSTANDING", message: "派单已答复、撤回或过期" }]);
        if (declined.expiryEventId && !(await repo.waveHasOutstanding(tx, offer.taskId, offer.wave))) await cancelEvent(tx, declined.expiryEventId, at);
        await emitEvent(tx, "offer.declined", { offerId, taskId: offer.taskId });
        return declined;
      });
    },

    /**
     * The worker withdraws before the start: the seat reopens with a fresh round of waves (even after the
     * earlier rounds ran out) and a new wave backfills it. Inside the late
     * window it counts against their reliability (late_withdrawal_count).
     */
    async withdrawEngagement(caller: Caller, engagementId: string, rawReason: string | null) {
      const actor = requireActor(caller, "WORKER");
      const reason = checkOptionalText("reason", rawReason, { kind: "text", label: "退出原因", max: 200 });
      const at = now();
      const existing = await repo.findEngagement(db, engagementId);
      if (!existing || existing.workerId !== actor.userId) throw notFound("用工记录", engagementId);
      const engagement = await db.transaction(async (tx) => {
        const task = await tasks.getTaskForUpdate(tx, existing.taskId);
        const before = await repo.getEngagementForUpdate(tx, engagementId);
        if (before.status !== "ACTIVE" && before.status !== "CONFIRMED") throw new AppError("PRECONDITION_FAILED", "该用工已结束，不能退出");
        if (before.startsAt <= at) throw new AppError("PRECONDITION_FAILED", "岗位已开始，不能退出；如有特殊情况请联系用工方或驿站");
        const late = before.startsAt.getTime() - at.getTime() < settings.dispatch.lateHours * 3_600_000;
        await tasks.freeSeat(tx, task, at);
        const after = await repo.updateEngagement(tx, engagementId, { status: "WITHDRAWN", endedAt: at, endReason: reason ?? "零工退出", late });
        if (late) await repo.incrementLateWithdrawals(tx, actor.userId);
        await recordAudit(tx, caller, { action: "engagement.withdraw", entityType: "engagement", entityId: engagementId, before: { status: before.status }, after: { status: after.status, late, reason } });
        await emitEvent(tx, "engagement.withdrawn", { engagementId, taskId: before.taskId, workerId: actor.userId, late });
        return after;
      });
      await live.taskUpdated(engagement.taskId);
      return engagement;
    },

    async getOffer(caller: Caller, id: string) {
      const actor = requireActor(caller);
      const offer = await repo.getOffer(db, id);
      assertCanSeeOffer(actor, offer, await tasks.getTask(db, offer.taskId));
      return offer;
    },

    /** Whether the caller may see the offer's score breakdown ("why this offer"). */
    async canSeeScore(caller: Caller, offer: repo.OfferRow) {
      const actor = requireActor(caller);
      if (actor.role === "WORKER") return offer.workerId === actor.userId;
      return canSeeScore(actor, offer, await tasks.getTask(db, offer.taskId));
    },

    myOffers(caller: Caller, status: repo.OfferRow["status"] | null, limit: number) {
      const actor = requireActor(caller, "WORKER");
      return repo.listOffersOfWorker(db, actor.userId, status ?? undefined, limit);
    },

    myEngagements(caller: Caller, limit: number) {
      const actor = requireActor(caller, "WORKER");
      return repo.listEngagementsOfWorker(db, actor.userId, limit);
    },

    /** A task's offers: its employer, staff and officers in scope. */
    async offersOfTask(caller: Caller, task: tasks.TaskRow) {
      const actor = requireActor(caller);
      if (actor.role === "WORKER") return [];
      assertCanSeeTask(actor, task, false);
      return repo.listOffersOfTask(db, task.id);
    },

    /** A task's engagements: the worker sees only their own. */
    async engagementsOfTask(caller: Caller, task: tasks.TaskRow) {
      const actor = requireActor(caller);
      const rows = await repo.listEngagementsOfTask(db, task.id);
      if (actor.role === "WORKER") return rows.filter((e) => e.workerId === actor.userId);
      assertCanSeeTask(actor, task, false);
      return rows;
    },

    /** For jobs (no caller): the offer row, or null. */
    findOfferRow: (id: string) => repo.findOffer(db, id),

    /** For the employer's notification (a job): what the engagement is about. */
    async engagementNotice(engagementId: string, taskId: string) {
      const [engagement, task] = await Promise.all([repo.findEngagement(db, engagementId), tasks.findTask(db, taskId)]);
      if (!engagement || !task) return null;
      return { employerId: task.employerId, title: task.title, filledCount: task.filledCount, headcount: task.headcount, proxy: engagement.source === "PROXY" };
    },

    async getEngagement(caller: Caller, id: string) {
      const actor = requireActor(caller);
      const engagement = await repo.findEngagement(db, id);
      if (!engagement) throw notFound("用工记录", id);
      assertCanSeeEngagement(actor, engagement, await tasks.getTask(db, engagement.taskId));
      return engagement;
    },
  };
}
