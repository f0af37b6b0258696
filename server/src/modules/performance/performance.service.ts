import { assessmentYearOf, nextStarGap, PERFORMANCE_COUNTER, shanghaiDate, type VetoCode } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { assertRegionInScope, assertVenueInScope } from "../../access/scope.js";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { createActivityService } from "./activity.service.js";
import { createAnnualCloseService } from "./annual-close.service.js";
import { createAssessmentService } from "./assessment.service.js";
import { createFollowUpService } from "./follow-up.service.js";
import * as repo from "./performance.repo.js";
import * as reconcileRepo from "./reconcile.repo.js";
import type { PerformanceScope } from "./performance.scope.js";
import { toVenuePerformance } from "./performance.view.js";
import { createPolicyService } from "./policy.service.js";
import { CONTEXT_REFRESH_MS, createRollupService, type RollupParts } from "./rollup.service.js";

export type PerformanceService = ReturnType<typeof createPerformanceService>;
/** A stored venue-year result (projected or frozen), for the subsidy side. */
export type VenueYearResultRow = repo.ResultRow;
/** Where the next page of a streamed 附件5 roster starts. */
export type RosterCursor = repo.RosterCursor;

/** Venue performance (成效考核): the roll-up, staff records, the live projection, assessments, the annual close. */
export function createPerformanceService(deps: Deps, parts: RollupParts) {
  const { db, readDb, now } = deps;
  const rollup = createRollupService(deps, parts);
  const { venues } = parts;

  const venueInScope: PerformanceScope["venueInScope"] = async (caller, venueId, tx = db) => {
    const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
    const id = venueId ?? actor.venueId;
    if (!id) badInput("venueId", [{ code: "VENUE_REQUIRED", message: "请指定场所" }]);
    const venue = await venues.getVenueRecord(id, tx);
    assertVenueInScope(actor, venue);
    return { actor, venue };
  };

  const currentYear = () => assessmentYearOf(shanghaiDate(now()));
  const scope: PerformanceScope = { rollup, venues, venueInScope, currentYear };

  /** The projection (or frozen result) with the next-star gap; computed and stored when missing. */
  async function venueYear(caller: Caller, venueId: string | null | undefined, year: number | null | undefined) {
    const { venue } = await venueInScope(caller, venueId);
    const y = year ?? currentYear();
    const result = (await repo.findResult(db, venue.id, y)) ?? (await db.transaction((tx) => rollup.recompute(tx, venue.id, y)));
    if (!result) throw new AppError("NOT_FOUND", "暂无考核结果");
    const policy = await rollup.policyFor(db, y);
    const onsite = await repo.findAssessment(db, venue.id, y, "ONSITE");
    const gap = nextStarGap(policy, {
      venueType: venue.type,
      year: y,
      metrics: result.metrics,
      onsite: onsite?.scores ?? null,
      vetoes: (onsite?.vetoes ?? []) as VetoCode[],
      unremediedComplaints: onsite?.unremediedComplaints ?? 0,
    });
    return toVenuePerformance(result, venue, gap, onsite !== null);
  }

  return {
    ...rollup,
    ...createFollowUpService(deps, rollup),
    ...createActivityService(deps, scope),
    ...createAssessmentService(deps, scope),
    ...createAnnualCloseService(deps, scope),
    ...createPolicyService(deps, scope),
    currentYear,

    /** A venue's status changed: recompute its current year once every process's cached context has expired. */
    async venueStatusChanged(tx: DbOrTx, venueId: string) {
      await emitEvent(tx, "venue-year.changed", { venueId, year: currentYear() }, { runAt: new Date(now().getTime() + CONTEXT_REFRESH_MS) });
    },

    venueYear,

    /** 择优推荐 ranking in the caller's scope (county officers their county, city officers any), two years below 70 flagged. */
    async ranking(caller: Caller, q: { year?: number | null; regionCode?: string | null; type?: "MARKET" | "STATION" | null; belowThresholdTwoYears?: boolean; limit: number; offset: number }) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      const regionCode = actor.role === "COUNTY_OFFICER" ? actor.regionCode! : (q.regionCode ?? undefined);
      if (q.regionCode) assertRegionInScope(actor, q.regionCode);
      const year = q.year ?? currentYear();
      const policy = await rollup.policyFor(db, year);
      const floor = policy.tiers.at(-1)!.minScoreTenths;
      // The replica (deps.readDb): a ranking seconds behind the latest roll-up is fine to show.
      const page = await repo.listRanking(readDb, { year, regionCode, type: q.type ?? undefined, belowTwoYears: q.belowThresholdTwoYears ? floor : undefined, limit: q.limit, offset: q.offset });
      return {
        total: page.total,
        items: page.items.map(({ result: r, venueName, previousScoreTenths: prev }, i) => ({
          rank: q.offset + i + 1,
          venueId: r.venueId,
          venueName,
          venueType: r.venueType,
          regionCode: r.regionCode,
          status: r.status,
          score: r.scoreTenths / 10,
          star: r.star,
          level: r.level,
          grantFen: r.grantFen,
          eligible: r.eligible,
          previousScore: prev == null ? null : Number(prev) / 10,
          belowThresholdTwoYears: r.scoreTenths < floor && prev != null && Number(prev) < floor,
        })),
      };
    },

    async listReconcileRuns(caller: Caller, limit: number) {
      requireActor(caller, "CITY_OFFICER");
      return (await reconcileRepo.listReconcileRuns(db, limit)).map((r) => ({
        ...r,
        drifts: r.details.map((d) => ({ ...d, fieldLabel: PERFORMANCE_COUNTER.has(d.field) ? PERFORMANCE_COUNTER.labels[d.field] : null })),
      }));
    },

    /** 附件7 figures per county in the caller's scope (county officers their own). */
    async regionSummary(caller: Caller, year: number, regionCode?: string | null) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      if (regionCode) assertRegionInScope(actor, regionCode);
      const region = actor.role === "COUNTY_OFFICER" ? actor.regionCode! : (regionCode ?? undefined);
      return repo.regionSummary(db, year, region);
    },

    /** 附件5 rows of a venue-year (counted placements); full ID numbers only for officers who ask, audited by the caller. */
    rosterRows: (venueId: string, year: number) => repo.listRosterPlacements(db, venueId, year),
    /** One page of the 附件5 rows after `after` (null: the first page), for streaming a large roster. */
    rosterPage: (venueId: string, year: number, after: repo.RosterCursor | null, limit: number) => repo.listRosterPlacements(db, venueId, year, { after, limit }),
    rosterCount: (venueId: string, year: number) => repo.countRosterPlacements(db, venueId, year),
    venueInScope,
  };
}
