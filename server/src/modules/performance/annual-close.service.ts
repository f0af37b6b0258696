// Annual close (30 Nov 23:59): every venue-year frozen; a frozen result later lowered or its star withdrawn.
import { tierFor } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkText } from "../../access/input-checks.js";
import { assertVenueInScope } from "../../access/scope.js";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import { toTenths } from "./assessment.service.js";
import * as repo from "./performance.repo.js";
import type { PerformanceScope } from "./performance.scope.js";

export interface LowerResultCommand {
  venueId: string;
  year: number;
  /** The lowered score (one decimal); omitted when only the star is withdrawn. */
  score?: number | null;
  withdrawStar: boolean;
  reason: string;
}

/** Freezing a year and adjusting a frozen result. */
export function createAnnualCloseService({ now }: Deps, { rollup, venues }: PerformanceScope) {
  return {
    /**
     * Annual close (30 Nov 23:59): recompute and freeze every recognised venue's year. Returns the frozen
     * results; the subsidy side drafts an application for each eligible one with a grant.
     */
    async closeYear(tx: DbOrTx, year: number, caller: Caller) {
      const frozen: repo.ResultRow[] = [];
      for (const venueId of await repo.listRecognisedVenueIds(tx)) {
        await rollup.recompute(tx, venueId, year);
        const current = await repo.findResult(tx, venueId, year, true);
        if (!current || current.status === "FROZEN") continue;
        const row = await repo.updateResult(tx, venueId, year, { status: "FROZEN", frozenAt: now() });
        await recordAudit(tx, caller, { action: "performance.freeze-result", entityType: "venue_year", entityId: venueId, after: { year, scoreTenths: row.scoreTenths, star: row.star, grantFen: row.grantFen, policyVersion: row.policyVersion } });
        frozen.push(row);
      }
      return frozen;
    },

    /** A frozen result lowered or its star withdrawn later, with a reason (audited). Runs in the caller's transaction. */
    async lowerResult(caller: Caller, cmd: LowerResultCommand, tx: DbOrTx) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      const reason = checkText("reason", cmd.reason, { kind: "text", label: "原因", min: 2, max: 500 });
      const venue = await venues.getVenueRecord(cmd.venueId, tx);
      assertVenueInScope(actor, venue);
      const result = await repo.findResult(tx, venue.id, cmd.year, true);
      if (!result || result.status !== "FROZEN") throw new AppError("PRECONDITION_FAILED", "只能调整已定格的年度考核结果", [{ code: "RESULT_NOT_FROZEN", message: "年度考核尚未定格" }]);
      const score = cmd.score == null ? result.scoreTenths : toTenths("score", cmd.score, 100);
      if (score > result.scoreTenths) badInput("score", [{ code: "SCORE_NOT_LOWER", message: `只能下调：原得分 ${(result.scoreTenths / 10).toFixed(1)}` }]);
      if (score === result.scoreTenths && !cmd.withdrawStar) badInput("score", [{ code: "NOTHING_CHANGED", message: "请填写下调后的得分或撤销星级" }]);
      const policy = await rollup.policyFor(tx, cmd.year);
      const tier = cmd.withdrawStar ? null : tierFor(policy, score);
      const grantFen = result.eligible && tier ? Math.min(result.grantFen || tier.grantFen[venue.type], tier.grantFen[venue.type]) : 0;
      const star = tier && venue.type === "MARKET" ? tier.level : null;
      const adjustment = { fromScoreTenths: result.scoreTenths, fromStar: result.star, fromGrantFen: result.grantFen, reason, by: actor.userId, at: now().toISOString() };
      const row = await repo.updateResult(tx, venue.id, cmd.year, { scoreTenths: score, level: tier?.level ?? null, star, grantFen, adjustment });
      await recordAudit(tx, caller, {
        action: "performance.lower-result",
        entityType: "venue_year",
        entityId: venue.id,
        before: { year: cmd.year, scoreTenths: result.scoreTenths, star: result.star, grantFen: result.grantFen },
        after: { year: cmd.year, scoreTenths: score, star, grantFen, reason },
      });
      return row;
    },

  };
}
