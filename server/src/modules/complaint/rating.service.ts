import { checkRating, summarizeEmployerReliability, type RatingSide } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText } from "../../access/input-checks.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import * as complaints from "./complaint.repo.js";
import * as repo from "./rating.repo.js";

/** A rating is given within this many days of the work's end, while both sides remember it. */
export const RATING_WINDOW_DAYS = 30;

export type RatingService = ReturnType<typeof createRatingService>;

/** Ratings of finished engagements (both sides, 1–5 with tags), blocks, and employer reliability for workers. */
export function createRatingService({ db, now }: Deps) {
  return {
    /**
     * The worker rates the employer, or the employer the worker, once per engagement after the work ended;
     * `block` also blocks the other side. Emits rating.recorded for the venue roll-up (rubric E1).
     */
    async rateEngagement(caller: Caller, cmd: { engagementId: string; stars: number; tags: string[]; comment?: string | null; block?: boolean }) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER");
      const e = await complaints.findEngagementLink(db, cmd.engagementId);
      const side: RatingSide = actor.role === "WORKER" ? "WORKER_RATES_EMPLOYER" : "EMPLOYER_RATES_WORKER";
      if (!e || (side === "WORKER_RATES_EMPLOYER" ? e.workerId : e.employerId) !== actor.userId) throw notFound("用工记录", cmd.engagementId);
      const checked = checkRating(side, cmd.stars, cmd.tags);
      if (!checked.ok) throw new AppError("BAD_USER_INPUT", checked.reasons.map((r) => r.message).join("；"), checked.reasons);
      const comment = checkOptionalText("comment", cmd.comment, { kind: "text", label: "评价内容", max: 500 });
      const at = now();
      const finished = e.status === "COMPLETED" || ((e.status === "ACTIVE" || e.status === "CONFIRMED") && e.endsAt <= at);
      if (!finished) throw new AppError("PRECONDITION_FAILED", "用工结束后才能评价", [{ code: "RATING_NOT_FINISHED", message: "用工尚未结束或已取消" }]);
      if (at.getTime() - e.endsAt.getTime() > RATING_WINDOW_DAYS * 86_400_000) {
        throw new AppError("PRECONDITION_FAILED", `用工结束 ${RATING_WINDOW_DAYS} 天后不能再评价`, [{ code: "RATING_WINDOW_CLOSED", message: "已超过评价期限" }]);
      }
      const rateeId = side === "WORKER_RATES_EMPLOYER" ? e.employerId : e.workerId;
      return db.transaction(async (tx) => {
        const rating = await repo.insertRating(tx, {
          engagementId: e.id,
          taskId: e.taskId,
          venueId: e.venueId,
          side,
          raterId: actor.userId,
          rateeId,
          stars: checked.value.stars,
          tags: checked.value.tags,
          comment,
          createdAt: at,
        });
        if (!rating) throw new AppError("CONFLICT", "您已评价过这次用工", [{ code: "RATING_EXISTS", message: "每次用工每方只能评价一次" }]);
        await recordAudit(tx, caller, { action: "rating.record", entityType: "rating", entityId: rating.id, after: { engagementId: e.id, side, stars: rating.stars, tags: rating.tags } });
        if (cmd.block && (await repo.insertBlock(tx, actor.userId, rateeId, "评价时屏蔽"))) {
          await recordAudit(tx, caller, { action: "user.block", entityType: "user", entityId: actor.userId, after: { blockedId: rateeId, reason: "评价时屏蔽" } });
        }
        await emitEvent(tx, "rating.recorded", { ratingId: rating.id, venueId: e.venueId, engagementId: e.id, stars: rating.stars, ratedAt: at.toISOString() });
        return rating;
      });
    },

    /** Blocks a worker or employer the caller has worked with: no offers or grabs between them, either way. */
    async blockUser(caller: Caller, userId: string, rawReason?: string | null) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER");
      const reason = checkOptionalText("reason", rawReason, { kind: "text", label: "屏蔽原因", max: 200 });
      if (userId === actor.userId) badInput("userId", [{ code: "BLOCK_SELF", message: "不能屏蔽自己" }]);
      if (!(await repo.haveWorkedTogether(db, actor.userId, userId))) throw notFound("用户", userId);
      return db.transaction(async (tx) => {
        const added = await repo.insertBlock(tx, actor.userId, userId, reason);
        if (added) await recordAudit(tx, caller, { action: "user.block", entityType: "user", entityId: actor.userId, after: { blockedId: userId, reason } });
        return true;
      });
    },

    async unblockUser(caller: Caller, userId: string) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER");
      return db.transaction(async (tx) => {
        const removed = await repo.deleteBlock(tx, actor.userId, userId);
        if (removed) await recordAudit(tx, caller, { action: "user.unblock", entityType: "user", entityId: actor.userId, before: { blockedId: userId } });
        return removed;
      });
    },

    /** For jobs (no caller): the rating row, or null. */
    findRating: (id: string) => repo.findRatingById(db, id),

    myBlocks: (caller: Caller) => repo.listBlocksBy(db, requireActor(caller, "WORKER", "EMPLOYER").userId),

    /** The ratings of an engagement the caller may see (its worker, its employer). */
    async ratingsOfEngagement(caller: Caller, engagementId: string) {
      const actor = requireActor(caller);
      const e = await complaints.findEngagementLink(db, engagementId);
      if (!e || (actor.userId !== e.workerId && actor.userId !== e.employerId)) throw notFound("用工记录", engagementId);
      return repo.listRatingsOfEngagement(db, engagementId);
    },

    /** What workers see about an employer: ratings, late cancellations, wage-arrears complaints. */
    async employerReliability(employerId: string) {
      const late = await complaints.findEmployerLateCancelCount(db, employerId);
      if (late === null) throw notFound("用工主体", employerId);
      const [starCounts, arrears] = await Promise.all([repo.starCounts(db, employerId, "WORKER_RATES_EMPLOYER"), complaints.wageArrearsCounts(db, employerId)]);
      return { employerId, ...summarizeEmployerReliability({ starCounts, lateCancellations: late, wageArrearsComplaints: arrears.all, standingWageArrears: arrears.standing }) };
    },
  };
}
