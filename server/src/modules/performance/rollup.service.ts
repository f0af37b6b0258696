// The roll-up (DESIGN §2 "performance" queue): metric events move venue-year counters in the handler's
// transaction (the runner records the event id in the same one, so a redelivery counts nothing), then the
// venue-year's projection (score, star, grant, eligibility) is recomputed. Placements, the heavy stream, are
// batched: one job takes a relay batch of placement events, writes their fact rows, moves each venue-year's
// counters once and marks it dirty; one apply job per dirty spell recomputes its projection once, however many
// placements arrived meanwhile. The nightly reconcile recomputes the counters from the source rows, fixes and
// reports drift.
import {
  addDays,
  assessmentPeriod,
  assessmentYearOf,
  evaluateVenueYear,
  performanceEligibility,
  performanceGrantReasons,
  policyForYear,
  shanghaiDate,
  type Reason,
  type SubsidyPolicy,
  type VenueYearMetrics,
  type VetoCode,
} from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { Deps } from "../../deps.js";
import type { EventPayloads } from "../../jobs/events.js";
import type { DispatchService } from "../dispatch/dispatch.service.js";
import type { VenueService } from "../venue/venue.service.js";
import * as sources from "./follow-up.repo.js";
import * as repo from "./performance.repo.js";
import * as reconcileRepo from "./reconcile.repo.js";

export interface RollupParts {
  venues: VenueService;
  dispatch: DispatchService;
}

/** Sources that count as online dispatch (B1): every source a placement can have today. */
const ONLINE_SOURCES = new Set(["OFFER", "GRAB", "PROXY"]);

/** Midnight of a Shanghai business date as an instant. */
export const shanghaiMidnight = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

export type RollupService = ReturnType<typeof createRollupService>;

/**
 * What a recompute needs besides the counters: the venue, its purchase-of-service periods, the on-site
 * assessment, the postings and engagements from dispatch, and the policy. They change rarely, so the event
 * path (hundreds of placements a second) reuses them for CONTEXT_TTL_MS per process; every path that changes
 * one of them (on-site entry, the annual close, the reconcile, a staff view of a missing result) reads fresh.
 */
interface SlowContext {
  venue: Awaited<ReturnType<VenueService["listVenueRecords"]>>[number];
  periods: { startsOn: string; endsOn: string }[];
  onsite: repo.AssessmentRow | null;
  stats: { validPostings: number; engagements: number; signedContracts: number; completedEngagements: number };
  /** D2's numerator and A3's walk-in registrations, read from their source rows. */
  ledgerComplete: number;
  walkIns: number;
  policy: SubsidyPolicy;
}
const CONTEXT_TTL_MS = 5_000;
/** When a slow input changes, a fresh recompute is scheduled this long after, past every process's cache. */
export const CONTEXT_REFRESH_MS = CONTEXT_TTL_MS + 1_000;
/** Per process, keyed by database and venue-year (jobs get fresh service objects, so the cache lives here). */
const contexts = new Map<string, { expiresAt: number; context: Promise<SlowContext> }>();

export function createRollupService({ now, config }: Deps, { venues, dispatch }: RollupParts) {
  /** The policy version in force for the year: an officer's newest at or before it, else the 2023 default. */
  async function policyFor(tx: DbOrTx, year: number): Promise<SubsidyPolicy> {
    const rows = await repo.listPolicies(tx);
    return policyForYear(rows.map((r) => r.policy), year);
  }

  /**
   * The slow inputs of many venue-years, one query per kind for all of them (the apply batch loads up to the
   * whole city's venues at once); keyed `venueId|year`. NOT_FOUND for an unknown venue, as getVenueRecord.
   */
  async function loadContexts(tx: DbOrTx, keys: repo.VenueYear[]): Promise<Map<string, SlowContext>> {
    const out = new Map<string, SlowContext>();
    for (const year of new Set(keys.map((k) => k.year))) {
      const ids = [...new Set(keys.filter((k) => k.year === year).map((k) => k.venueId))];
      const policy = await policyFor(tx, year);
      const period = assessmentPeriod(year, policy.assessmentDate);
      const [from, to] = [shanghaiMidnight(period.startsOn), shanghaiMidnight(addDays(period.endsOn, 1))];
      // Sent together: on the transaction's one connection postgres.js pipelines them.
      const [rows, stats, onsite, periods, ledgerComplete, walkIns] = await Promise.all([
        venues.listVenueRecords(ids, tx),
        dispatch.venuePostingStats(ids, from, to, tx),
        repo.listAssessments(tx, ids, year, "ONSITE"),
        venues.listServicePurchasePeriods(ids, tx),
        sources.countLedgerCompletePlacements(tx, ids, year),
        sources.countWalkInRegistrations(tx, ids, from, to),
      ]);
      const byId = new Map(rows.map((v) => [v.id, v]));
      for (const id of ids) {
        const venue = byId.get(id.toLowerCase());
        if (!venue) throw notFound("场所", id);
        out.set(`${id}|${year}`, {
          venue,
          periods: periods.filter((p) => p.venueId === venue.id),
          onsite: onsite.get(venue.id) ?? null,
          stats: stats.get(venue.id)!,
          ledgerComplete: ledgerComplete.get(venue.id) ?? 0,
          walkIns: walkIns.get(venue.id) ?? 0,
          policy,
        });
      }
    }
    return out;
  }

  async function loadContext(tx: DbOrTx, venueId: string, year: number): Promise<SlowContext> {
    return (await loadContexts(tx, [{ venueId, year }])).get(`${venueId}|${year}`)!;
  }

  /** The slow inputs of venue-years from this process's cache, the missing or expired ones loaded together. */
  function cachedContexts(tx: DbOrTx, keys: repo.VenueYear[]): Promise<SlowContext[]> {
    const keyOf = ({ venueId, year }: repo.VenueYear) => `${config.databaseUrl}|${venueId}|${year}`;
    const stale = keys.filter((k) => !(performance.now() < (contexts.get(keyOf(k))?.expiresAt ?? 0)));
    if (stale.length) {
      const loading = loadContexts(tx, stale);
      for (const k of stale) {
        const key = keyOf(k);
        const context = loading.then((m) => m.get(`${k.venueId}|${k.year}`)!);
        // Each entry lives between half and all of the TTL, so a process's venue-years do not all reload in the same apply.
        contexts.set(key, { expiresAt: performance.now() + CONTEXT_TTL_MS * (0.5 + Math.random() / 2), context });
        // A failed load (say, an unknown venue) must not be served to the next event.
        context.catch(() => contexts.delete(key));
      }
      while (contexts.size > 10_000) contexts.delete(contexts.keys().next().value!);
    }
    return Promise.all(keys.map((k) => contexts.get(keyOf(k))!.context));
  }

  const cachedContext = async (tx: DbOrTx, venueId: string, year: number): Promise<SlowContext> => (await cachedContexts(tx, [{ venueId, year }]))[0]!;

  /** Everything the rubric measures for a venue-year, from the counters and the dispatch figures. */
  function metricsOf(c: repo.Counters, { stats, ledgerComplete, walkIns }: SlowContext): VenueYearMetrics {
    return {
      placements: c.placements,
      priorityPlacements: c.priorityPlacements,
      onlinePlacements: c.onlinePlacements,
      // A3 counts time-stamped registrations at the venue: staff's walk-in registrations beside the recorded services.
      services: c.services + walkIns,
      validPostings: stats.validPostings,
      recruitmentEvents: c.recruitmentEvents,
      guidanceReferrals: c.guidanceReferrals,
      engagements: stats.engagements,
      signedContracts: stats.signedContracts,
      // A paid placement is a completed engagement even before the settlement side marks it COMPLETED.
      completedEngagements: Math.max(stats.completedEngagements, c.settledEngagements),
      settledEngagements: c.settledEngagements,
      // Never above A1's count (the denominator), even while a recount is pending.
      ledgerCompletePlacements: Math.min(ledgerComplete, c.placements),
      ratings: c.ratings,
      goodRatings: c.goodRatings,
      complaintsClosed: c.complaintsClosed,
      complaintsOnTime: c.complaintsOnTime,
    };
  }

  /** One venue-year's projection (score, star, grant, eligibility) from its counters and slow inputs: pure. */
  function projectionOf(venueId: string, year: number, counters: repo.Counters, ctx: SlowContext) {
    const { venue, policy, onsite, periods } = ctx;
    const metrics = metricsOf(counters, ctx);
    const evaluation = evaluateVenueYear(policy, {
      venueType: venue.type,
      year,
      metrics,
      onsite: onsite?.scores ?? null,
      vetoes: (onsite?.vetoes ?? []) as VetoCode[],
      unremediedComplaints: onsite?.unremediedComplaints ?? 0,
    });
    const facts = { type: venue.type, status: venue.status, recognizedOn: venue.recognizedAt ? shanghaiDate(venue.recognizedAt) : null, purchasePeriods: periods };
    const eligibility = performanceEligibility(policy, year, facts);
    const reasons: Reason[] = [...eligibility.reasons];
    for (const v of evaluation.vetoes) reasons.push({ code: `VETO_${v.code}`, message: `存在否决情形：${v.label}` });
    if (!evaluation.vetoes.length) reasons.push(...performanceGrantReasons(evaluation.scoreTenths, evaluation.grantFen, policy.tiers.at(-1)!.minScoreTenths));
    // Eligible for a grant: every rule met and a tier reached (each shortfall is one of the reasons).
    const eligible = reasons.length === 0;
    return {
      venueId,
      year,
      regionCode: venue.regionCode,
      venueType: venue.type,
      policyVersion: policy.version,
      scoreTenths: evaluation.scoreTenths,
      level: evaluation.level,
      star: evaluation.star,
      grantFen: eligible ? evaluation.grantFen : 0,
      eligible,
      evaluation,
      metrics,
      eligibility: reasons,
      computedAt: now(),
    };
  }

  /**
   * Recomputes and stores one venue-year's projection (a frozen result is left as it is). The event path
   * passes the counters it just wrote and accepts a cached context; everything else reads fresh.
   */
  async function recompute(tx: DbOrTx, venueId: string, year: number, opts: { counters?: repo.Counters; cached?: boolean } = {}) {
    const ctx = opts.cached ? await cachedContext(tx, venueId, year) : await loadContext(tx, venueId, year);
    if (!opts.cached) contexts.delete(`${config.databaseUrl}|${venueId}|${year}`);
    const counters = opts.counters ?? (await repo.findCounters(tx, venueId, year)) ?? { ...repo.ZERO_COUNTERS };
    return repo.upsertProjection(tx, projectionOf(venueId, year, counters, ctx));
  }

  /**
   * Recomputes a venue-year whose counters moved since its projection (the dirty mark): the mark comes off
   * first (waiting for any transaction still holding it, so its counters are committed and read below), then the
   * projection is computed from the stored counters. However many placements arrived meanwhile, one recompute
   * takes them all in; a placement committing after the delete sets a new mark and emits the next apply.
   */
  async function applyPlacements(tx: DbOrTx, venueId: string, year: number) {
    await repo.clearPlacementsPending(tx, venueId, year);
    const counters = (await repo.findCounters(tx, venueId, year)) ?? { ...repo.ZERO_COUNTERS };
    return recompute(tx, venueId, year, { counters, cached: true });
  }

  /**
   * placement.recorded, many at once → the fact rows (A1 once per worker × employer × day; A2, B1, B3 from their
   * columns), the counters moved by what was actually inserted (a placement seen before counts nothing: the
   * fact's key is the placement id) with one upsert per venue-year, and the venue-years' dirty marks. The
   * projection moves in applyPlacements, once for every placement that arrived meanwhile (issue 9: ≤ 300 ms at 500/s).
   * Returns the facts inserted and the apply events emitted.
   */
  async function recordPlacements(tx: DbOrTx, payloads: EventPayloads["placement.recorded"][]) {
    const rows = payloads.map((p) => {
      const paidAt = new Date(p.paidAt);
      const paidOn = shanghaiDate(paidAt);
      return { placementId: p.placementId, venueId: p.venueId, year: assessmentYearOf(paidOn), engagementId: p.engagementId, taskId: p.taskId, workerId: p.workerId, employerId: p.employerId, source: p.source, priorityGroup: p.priorityGroup, paidAt, paidOn };
    });
    const facts = await repo.insertPlacementFacts(tx, rows);
    const deltas = new Map<string, repo.VenueYear & Pick<repo.Counters, "placements" | "priorityPlacements" | "onlinePlacements" | "settledEngagements">>();
    for (const f of facts) {
      const key = `${f.venueId}|${f.year}`;
      const d = deltas.get(key) ?? deltas.set(key, { venueId: f.venueId, year: f.year, placements: 0, priorityPlacements: 0, onlinePlacements: 0, settledEngagements: 0 }).get(key)!;
      d.settledEngagements++;
      if (!f.counted) continue;
      d.placements++;
      if (f.priorityGroup) d.priorityPlacements++;
      if (ONLINE_SOURCES.has(f.source)) d.onlinePlacements++;
    }
    // Last, and one statement: counters, dirty marks and the apply events; their row locks are held only to the commit.
    const applies = (await repo.addPlacementCounters(tx, [...deltas.values()])).map((e) => ({ ...e, name: "venue-year.placements-pending" as const }));
    return { facts, applies };
  }

  return {
    policyFor,
    recompute,

    /** One placement.recorded (recordPlacements of one): COUNTED in A1, SAME_DAY (B3 only) or a DUPLICATE that counts nothing. */
    async recordPlacement(tx: DbOrTx, p: EventPayloads["placement.recorded"]): Promise<"COUNTED" | "SAME_DAY" | "DUPLICATE"> {
      const [fact] = (await recordPlacements(tx, [p])).facts;
      return !fact ? "DUPLICATE" : fact.counted ? "COUNTED" : "SAME_DAY";
    },

    recordPlacements,
    applyPlacements,

    /**
     * applyPlacements for many venue-years in a few statements (the apply batch job): the slow inputs are loaded
     * first, so the marks are held only for the last statements (placements of these venue-years wait on them);
     * then the marks come off (a venue-year whose mark another apply already took is left to it), the counters
     * are read and the projections written in one statement.
     */
    async applyPlacementsOf(tx: DbOrTx, keys: repo.VenueYear[]) {
      const unique = [...new Map(keys.map((k) => [`${k.venueId}|${k.year}`, k])).values()];
      const loaded = await cachedContexts(tx, unique);
      const ctx = new Map(unique.map(({ venueId, year }, i) => [`${venueId}|${year}`, loaded[i]!]));
      // Sent together (one round trip less while the marks are held): PostgreSQL runs them in order, and the read,
      // a statement of its own, sees the counters of every placement whose mark the delete waited for.
      const [cleared, read] = await Promise.all([repo.clearPlacementsPendingMany(tx, unique), repo.listCounters(tx, unique)]);
      const counters = new Map(read.map((c) => [`${c.venueId}|${c.year}`, c]));
      await repo.upsertProjections(
        tx,
        cleared.map(({ venueId, year }) => projectionOf(venueId, year, counters.get(`${venueId}|${year}`) ?? { ...repo.ZERO_COUNTERS }, ctx.get(`${venueId}|${year}`)!)),
      );
    },

    /** rating.recorded → E1. */
    async recordRating(tx: DbOrTx, p: EventPayloads["rating.recorded"]) {
      const ratedAt = new Date(p.ratedAt);
      const year = assessmentYearOf(shanghaiDate(ratedAt));
      if (!(await repo.insertRatingFact(tx, { ratingId: p.ratingId, venueId: p.venueId, year, stars: p.stars, ratedAt }))) return null;
      const counters = await repo.bumpCounters(tx, p.venueId, year, { ratings: 1, goodRatings: p.stars >= 4 ? 1 : 0 });
      return recompute(tx, p.venueId, year, { counters, cached: true });
    },

    /** complaint.closed → E2. */
    async recordComplaint(tx: DbOrTx, p: EventPayloads["complaint.closed"]) {
      const closedAt = new Date(p.closedAt);
      const year = assessmentYearOf(shanghaiDate(closedAt));
      if (!(await repo.insertComplaintFact(tx, { complaintId: p.complaintId, venueId: p.venueId, year, onTime: p.onTime, closedAt }))) return null;
      const counters = await repo.bumpCounters(tx, p.venueId, year, { complaintsClosed: 1, complaintsOnTime: p.onTime ? 1 : 0 });
      return recompute(tx, p.venueId, year, { counters, cached: true });
    },

    /** venue.activity-recorded → A3, A5 or A6 (the activity row itself was written with the event). */
    async countActivity(tx: DbOrTx, p: EventPayloads["venue.activity-recorded"]) {
      const delta = p.kind === "SERVICE" ? { services: p.quantity } : p.kind === "RECRUITMENT_EVENT" ? { recruitmentEvents: 1 } : { guidanceReferrals: p.quantity };
      const counters = await repo.bumpCounters(tx, p.venueId, p.year, delta);
      return recompute(tx, p.venueId, p.year, { counters, cached: true });
    },

    /**
     * Nightly: every venue-year's counters from the source rows against the stored ones; drift is fixed and
     * reported (one run row). Then the current year's projections are recomputed (postings expire, venues
     * change status) so the console never shows a stale star.
     */
    async reconcile(tx: DbOrTx, eventId: string | null) {
      const startedAt = now();
      // Placements still waiting for their apply are lag, not drift: take them in first.
      for (const p of await repo.listPendingVenueYears(tx)) await applyPlacements(tx, p.venueId, p.year);
      const rows = await reconcileRepo.countersFromSources(tx);
      const details: { venueId: string; year: number; field: string; stored: number; actual: number }[] = [];
      const drifted = new Set<string>();
      for (const r of rows) {
        const stored = r.stored ?? repo.ZERO_COUNTERS;
        let drift = r.stored === null;
        for (const k of repo.COUNTERS) {
          if (stored[k] !== r.actual[k]) {
            details.push({ venueId: r.venueId, year: r.year, field: k, stored: stored[k], actual: r.actual[k] });
            drift = true;
          }
        }
        if (drift) {
          drifted.add(`${r.venueId}/${r.year}`);
          await repo.correctCounters(tx, r.venueId, r.year, r.stored, r.actual);
        }
      }
      const currentYear = assessmentYearOf(shanghaiDate(startedAt));
      for (const r of rows) if (r.year === currentYear || drifted.has(`${r.venueId}/${r.year}`)) await recompute(tx, r.venueId, r.year);
      return reconcileRepo.insertReconcileRun(tx, { eventId, startedAt, venueYears: rows.length, drifted: drifted.size, details });
    },
  };
}

