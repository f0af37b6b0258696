import { assessmentYearOf, shanghaiDate } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkText } from "../../access/input-checks.js";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import * as sources from "./follow-up.repo.js";
import { CONTEXT_REFRESH_MS, type RollupService } from "./rollup.service.js";

/**
 * Inputs of the rubric that live outside the counters: the 回访 of a placement (D2), contracts signed (B2)
 * and walk-in registrations (A3). Each change recomputes the venue-year from fresh reads.
 */
export function createFollowUpService({ db, now }: Deps, rollup: RollupService) {
  /** A fresh recompute now, and one more once other processes' cached inputs have expired. */
  async function sourceChanged(tx: DbOrTx, venueId: string, year: number) {
    await rollup.recompute(tx, venueId, year);
    await emitEvent(tx, "venue-year.changed", { venueId, year }, { runAt: new Date(now().getTime() + CONTEXT_REFRESH_MS) });
  }

  return {
    /** 回访: staff of the placement's venue record the follow-up call, once per placement; D2 counts it. */
    async recordPlacementFollowUp(caller: Caller, cmd: { placementId: string; note: string }) {
      const actor = requireActor(caller, "VENUE_STAFF");
      const note = checkText("note", cmd.note, { kind: "text", label: "回访记录", min: 2, max: 1000 });
      return db.transaction(async (tx) => {
        const placement = await sources.findPlacement(tx, cmd.placementId);
        if (!placement) throw new AppError("NOT_FOUND", "未找到该岗位推荐记录");
        if (placement.venueId !== actor.venueId) throw new AppError("FORBIDDEN", "只能回访本场所推荐成功的岗位");
        const saved = await sources.insertFollowUp(tx, { placementId: placement.id, venueId: placement.venueId, note, calledBy: actor.userId, calledAt: now() });
        if (!saved) throw new AppError("CONFLICT", "该岗位推荐已登记回访");
        await recordAudit(tx, caller, { action: "performance.record-follow-up", entityType: "placement", entityId: placement.id, after: { note } });
        await sourceChanged(tx, placement.venueId, assessmentYearOf(shanghaiDate(placement.paidAt)));
        return saved;
      });
    },

    /** user.registered: a worker registered by venue staff in person counts in the venue's A3. */
    async walkInRegistered(tx: DbOrTx, userId: string) {
      const walkIn = await sources.findWalkIn(tx, userId);
      if (walkIn) await sourceChanged(tx, walkIn.venueId, assessmentYearOf(shanghaiDate(walkIn.registeredAt)));
    },

    /** contract.signed: B2's numerator moved for the contract's venue. */
    async contractSigned(tx: DbOrTx, contractId: string) {
      const venueId = await sources.findContractVenue(tx, contractId);
      if (venueId) await sourceChanged(tx, venueId, assessmentYearOf(shanghaiDate(now())));
    },
  };
}
