import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, sql } from "drizzle-orm";
import { PERFORMANCE_COUNTER, type MetricKey } from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import { insertJsonRows } from "../../db/json-rows.js";
import {
  performanceComplaints,
  performancePlacements,
  performanceRatings,
  subsidyPolicies,
  users,
  venueActivities,
  venueAssessments,
  venues,
  venueYearMetrics,
  venueYearPending,
  venueYearResults,
  workerProfiles,
} from "../../db/schema/index.js";

export type MetricsRow = typeof venueYearMetrics.$inferSelect;
export type ResultRow = typeof venueYearResults.$inferSelect;
export type AssessmentRow = typeof venueAssessments.$inferSelect;
export type ActivityRow = typeof venueActivities.$inferSelect;

/** The counters the events move; the reconcile compares exactly these (defined once, with their labels, in the catalog). */
export const COUNTERS = PERFORMANCE_COUNTER.values satisfies readonly MetricKey[];
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;
export const ZERO_COUNTERS: Counters = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

/** A placement fact as inserted: what the counters take from it. */
export interface InsertedPlacement {
  placementId: string;
  venueId: string;
  year: number;
  counted: boolean;
  priorityGroup: boolean;
  source: string;
}

/**
 * Records placement facts, many in two statements; returns the rows actually inserted (a placement id seen
 * before, in the table or earlier in `rows`, is left out: the caller counts only what comes back). The partial
 * unique index on (venue, worker, employer, day) where counted makes "counted once a day" race-free: the first
 * insert with counted = true wins, the rest are kept uncounted.
 */
export async function insertPlacementFacts(tx: DbOrTx, rows: Omit<typeof performancePlacements.$inferInsert, "counted">[]): Promise<InsertedPlacement[]> {
  if (!rows.length) return [];
  const json = JSON.stringify(
    rows.map((r) => ({
      placement_id: r.placementId, venue_id: r.venueId, year: r.year, engagement_id: r.engagementId, task_id: r.taskId, worker_id: r.workerId,
      employer_id: r.employerId, source: r.source, priority_group: r.priorityGroup, paid_at: r.paidAt, paid_on: r.paidOn,
    })),
  );
  const cols = sql.raw("placement_id, venue_id, year, engagement_id, task_id, worker_id, employer_id, source, priority_group, paid_at, paid_on");
  const out = sql.raw("placement_id, venue_id, year, counted, priority_group, source");
  // One statement: the counted inserts first; what they left out (same worker × employer × day, or a placement
  // id seen before) is tried again uncounted, where only a placement id seen before still conflicts.
  const inserted = await tx.execute<{ placement_id: string; venue_id: string; year: number; counted: boolean; priority_group: boolean; source: string }>(sql`
    with r as (select * from jsonb_populate_recordset(null::performance_placements, ${json}::jsonb)),
      a as (insert into performance_placements (${cols}, counted) select ${cols}, true from r on conflict do nothing returning ${out}),
      b as (insert into performance_placements (${cols}, counted) select ${cols}, false from r where r.placement_id not in (select placement_id from a)
            on conflict do nothing returning ${out})
    select * from a union all select * from b`);
  return inserted.map((r) => ({ placementId: r.placement_id, venueId: r.venue_id, year: Number(r.year), counted: r.counted, priorityGroup: r.priority_group, source: r.source }));
}

export async function insertRatingFact(tx: DbOrTx, row: typeof performanceRatings.$inferInsert): Promise<boolean> {
  return (await tx.insert(performanceRatings).values(row).onConflictDoNothing().returning({ id: performanceRatings.ratingId })).length > 0;
}

export async function insertComplaintFact(tx: DbOrTx, row: typeof performanceComplaints.$inferInsert): Promise<boolean> {
  return (await tx.insert(performanceComplaints).values(row).onConflictDoNothing().returning({ id: performanceComplaints.complaintId })).length > 0;
}

/** Adds to a venue-year's counters (creating the row), locking it until the transaction ends; returns them. */
export async function bumpCounters(tx: DbOrTx, venueId: string, year: number, deltas: Partial<Counters>): Promise<Counters> {
  const set: Record<string, unknown> = { updatedAt: sql`now()` };
  for (const [k, v] of Object.entries(deltas)) {
    const col = venueYearMetrics[k as Counter];
    set[k] = sql`${col} + ${v}`;
  }
  const [row] = await tx.insert(venueYearMetrics).values({ venueId, year, ...deltas }).onConflictDoUpdate({ target: [venueYearMetrics.venueId, venueYearMetrics.year], set }).returning();
  return row!;
}

export type VenueYear = { venueId: string; year: number };

/** Venue-years in one fixed order: every writer that locks several of them takes the locks in this order (no deadlock). */
export const sortVenueYears = <T extends VenueYear>(keys: T[]): T[] =>
  [...keys].sort((a, b) => (a.venueId < b.venueId ? -1 : a.venueId > b.venueId ? 1 : a.year - b.year));

/**
 * Adds to many venue-years' counters in one statement (creating rows), locking them in sortVenueYears order until
 * the transaction ends. One row per venue-year in `deltas`, every row with the same counters.
 */
export async function addCounters(tx: DbOrTx, deltas: (VenueYear & Partial<Counters>)[]): Promise<void> {
  if (!deltas.length) return;
  const names = Object.keys(deltas[0]!).filter((k): k is Counter => (COUNTERS as readonly string[]).includes(k));
  const set = sql.raw(names.map((k) => `${venueYearMetrics[k].name} = venue_year_metrics.${venueYearMetrics[k].name} + excluded.${venueYearMetrics[k].name}`).join(", "));
  await insertJsonRows(tx, venueYearMetrics, sortVenueYears(deltas), sql`on conflict (venue_id, year) do update set ${set}, updated_at = now()`);
}

/**
 * Adds placement deltas to many venue-years' counters, marks each venue-year dirty (its projection has not taken
 * them in) and, for each mark it creates, writes the apply event (venue-year.placements-pending) to the outbox:
 * one statement, so the counter and mark row locks (counters first, each in sortVenueYears order) are held only
 * from it to the commit — every placement batch of a venue-year waits for them. Call it last in the transaction:
 * the mark's lock also makes a concurrent apply wait for this commit before it reads the counters. Returns the
 * events written (the first placement of a dirty spell emits the one apply).
 */
export async function addPlacementCounters(
  tx: DbOrTx,
  deltas: (VenueYear & Pick<Counters, "placements" | "priorityPlacements" | "onlinePlacements" | "settledEngagements">)[],
): Promise<{ id: string; payload: VenueYear }[]> {
  if (!deltas.length) return [];
  const json = JSON.stringify(
    sortVenueYears(deltas).map((d) => ({
      venue_id: d.venueId, year: d.year, placements: d.placements, priority_placements: d.priorityPlacements, online_placements: d.onlinePlacements, settled_engagements: d.settledEngagements,
    })),
  );
  const rows = await tx.execute<{ id: string; payload: VenueYear }>(sql`
    with d as (select * from jsonb_to_recordset(${json}::jsonb)
        as d(venue_id uuid, year smallint, placements int, priority_placements int, online_placements int, settled_engagements int)),
      c as (insert into venue_year_metrics as m (venue_id, year, placements, priority_placements, online_placements, settled_engagements)
        select venue_id, year, placements, priority_placements, online_placements, settled_engagements from d order by venue_id, year
        on conflict (venue_id, year) do update set placements = m.placements + excluded.placements,
          priority_placements = m.priority_placements + excluded.priority_placements, online_placements = m.online_placements + excluded.online_placements,
          settled_engagements = m.settled_engagements + excluded.settled_engagements, updated_at = now()
        returning venue_id, year),
      p as (insert into venue_year_pending as p (venue_id, year) select venue_id, year from c order by venue_id, year
        on conflict (venue_id, year) do update set since = p.since
        returning venue_id, year, xmax = 0 as created),
      e as (insert into outbox (name, payload)
        select 'venue-year.placements-pending', jsonb_build_object('venueId', venue_id, 'year', year) from p where created
        returning id, payload)
    select id, payload from e`);
  return rows.map((r) => ({ id: r.id, payload: r.payload }));
}

/** Takes the dirty mark off a venue-year (waiting for any transaction that holds it); false when none was set. */
export async function clearPlacementsPending(tx: DbOrTx, venueId: string, year: number): Promise<boolean> {
  const rows = await tx.delete(venueYearPending).where(and(eq(venueYearPending.venueId, venueId), eq(venueYearPending.year, year))).returning({ year: venueYearPending.year });
  return rows.length > 0;
}

/**
 * Takes the dirty marks off many venue-years at once, locking them in sortVenueYears order (as every writer of
 * marks does) and waiting for any transaction that holds one; returns the venue-years that had a mark.
 */
export async function clearPlacementsPendingMany(tx: DbOrTx, keys: VenueYear[]): Promise<VenueYear[]> {
  if (!keys.length) return [];
  const json = JSON.stringify(sortVenueYears(keys).map((k) => ({ venue_id: k.venueId, year: k.year })));
  const rows = await tx.execute<{ venue_id: string; year: number }>(sql`
    with k as (select * from jsonb_to_recordset(${json}::jsonb) as k(venue_id uuid, year smallint)),
      locked as (select p.venue_id, p.year from venue_year_pending p join k using (venue_id, year) order by p.venue_id, p.year for update of p)
    delete from venue_year_pending p using locked l where p.venue_id = l.venue_id and p.year = l.year
    returning p.venue_id, p.year`);
  return rows.map((r) => ({ venueId: r.venue_id, year: Number(r.year) }));
}

/** The stored counters of many venue-years in one query (a venue-year without a row is left out). */
export async function listCounters(db: DbOrTx, keys: VenueYear[]): Promise<MetricsRow[]> {
  if (!keys.length) return [];
  const json = JSON.stringify(keys.map((k) => ({ venue_id: k.venueId, year: k.year })));
  return db
    .select()
    .from(venueYearMetrics)
    .where(sql`(${venueYearMetrics.venueId}, ${venueYearMetrics.year}) in (select venue_id, year from jsonb_to_recordset(${json}::jsonb) as k(venue_id uuid, year smallint))`);
}

export async function listPendingVenueYears(db: DbOrTx): Promise<{ venueId: string; year: number }[]> {
  return db.select({ venueId: venueYearPending.venueId, year: venueYearPending.year }).from(venueYearPending);
}

/** The placement counters of one venue-year straight from its fact rows (the reconcile's formula, one venue-year). */
export async function countPlacementFacts(db: DbOrTx, venueId: string, year: number): Promise<Pick<Counters, "placements" | "priorityPlacements" | "onlinePlacements" | "settledEngagements">> {
  const [row] = await db
    .select({
      placements: sql<number>`count(*) filter (where ${performancePlacements.counted})::int`,
      priorityPlacements: sql<number>`count(*) filter (where ${performancePlacements.counted} and ${performancePlacements.priorityGroup})::int`,
      onlinePlacements: sql<number>`count(*) filter (where ${performancePlacements.counted} and ${performancePlacements.source} in ('OFFER', 'GRAB', 'PROXY'))::int`,
      settledEngagements: sql<number>`count(*)::int`,
    })
    .from(performancePlacements)
    .where(and(eq(performancePlacements.venueId, venueId), eq(performancePlacements.year, year)));
  return row!;
}

export async function findCounters(db: DbOrTx, venueId: string, year: number): Promise<MetricsRow | null> {
  const [row] = await db.select().from(venueYearMetrics).where(and(eq(venueYearMetrics.venueId, venueId), eq(venueYearMetrics.year, year)));
  return row ?? null;
}

/**
 * Brings a venue-year's counters from `stored` (as read in the reconcile's snapshot; null: no row then) to `actual`
 * by adding the difference, so an event counted by a concurrent transaction after the snapshot is kept, not overwritten.
 */
export async function correctCounters(tx: DbOrTx, venueId: string, year: number, stored: Counters | null, actual: Counters): Promise<void> {
  const delta = Object.fromEntries(COUNTERS.map((k) => [k, actual[k] - (stored?.[k] ?? 0)])) as Counters;
  await addCounters(tx, [{ venueId, year, ...delta }]);
}

export async function insertActivity(tx: DbOrTx, row: typeof venueActivities.$inferInsert): Promise<ActivityRow> {
  const [inserted] = await tx.insert(venueActivities).values(row).returning();
  return inserted!;
}

export async function listActivities(db: DbOrTx, venueId: string, year: number, limit: number, offset: number) {
  const where = and(eq(venueActivities.venueId, venueId), eq(venueActivities.year, year));
  const [items, [count]] = await Promise.all([
    db.select().from(venueActivities).where(where).orderBy(desc(venueActivities.occurredOn), desc(venueActivities.createdAt)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(venueActivities).where(where),
  ]);
  return { items, total: count!.n };
}

export async function findAssessment(db: DbOrTx, venueId: string, year: number, kind: AssessmentRow["kind"]): Promise<AssessmentRow | null> {
  const [row] = await db
    .select()
    .from(venueAssessments)
    .where(and(eq(venueAssessments.venueId, venueId), eq(venueAssessments.year, year), eq(venueAssessments.kind, kind)));
  return row ?? null;
}

/** One kind of assessment of many venues for a year, by venue id (a venue without one is left out). */
export async function listAssessments(db: DbOrTx, venueIds: readonly string[], year: number, kind: AssessmentRow["kind"]): Promise<Map<string, AssessmentRow>> {
  if (!venueIds.length) return new Map();
  const rows = await db
    .select()
    .from(venueAssessments)
    .where(and(inArray(venueAssessments.venueId, [...venueIds]), eq(venueAssessments.year, year), eq(venueAssessments.kind, kind)));
  return new Map(rows.map((r) => [r.venueId, r]));
}

export async function upsertAssessment(tx: DbOrTx, row: typeof venueAssessments.$inferInsert): Promise<AssessmentRow> {
  const { venueId: _v, year: _y, kind: _k, ...set } = row;
  const [saved] = await tx
    .insert(venueAssessments)
    .values(row)
    .onConflictDoUpdate({ target: [venueAssessments.venueId, venueAssessments.year, venueAssessments.kind], set })
    .returning();
  return saved!;
}

export async function listPolicies(db: DbOrTx) {
  return db.select().from(subsidyPolicies).orderBy(asc(subsidyPolicies.effectiveFromYear));
}

export async function upsertPolicy(tx: DbOrTx, row: typeof subsidyPolicies.$inferInsert) {
  const [saved] = await tx
    .insert(subsidyPolicies)
    .values(row)
    .onConflictDoUpdate({ target: subsidyPolicies.effectiveFromYear, set: { version: row.version, policy: row.policy, createdBy: row.createdBy, createdAt: sql`now()` } })
    .returning();
  return saved!;
}

export async function findResult(db: DbOrTx, venueId: string, year: number, lock = false): Promise<ResultRow | null> {
  const q = db.select().from(venueYearResults).where(and(eq(venueYearResults.venueId, venueId), eq(venueYearResults.year, year)));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** Writes a projection; a FROZEN result is never overwritten by a recompute. */
export async function upsertProjection(tx: DbOrTx, row: typeof venueYearResults.$inferInsert): Promise<ResultRow | null> {
  const { venueId: _v, year: _y, ...set } = row;
  const [saved] = await tx
    .insert(venueYearResults)
    .values({ ...row, status: "PROJECTED" })
    .onConflictDoUpdate({ target: [venueYearResults.venueId, venueYearResults.year], set, setWhere: sql`${venueYearResults.status} = 'PROJECTED'` })
    .returning();
  return saved ?? null;
}

/** upsertProjection for many venue-years in one statement (in sortVenueYears order, so two batches cannot deadlock). */
export async function upsertProjections(tx: DbOrTx, rows: (typeof venueYearResults.$inferInsert)[]): Promise<void> {
  if (!rows.length) return;
  const set = Object.entries(getTableColumns(venueYearResults))
    .filter(([k]) => k in rows[0]! && k !== "venueId" && k !== "year" && k !== "status")
    .map(([, c]) => `${c.name} = excluded.${c.name}`)
    .join(", ");
  await insertJsonRows(tx, venueYearResults, sortVenueYears(rows.map((r) => ({ ...r, status: "PROJECTED" as const }))), sql`on conflict (venue_id, year) do update set ${sql.raw(set)} where venue_year_results.status = 'PROJECTED'`);
}

export async function updateResult(tx: DbOrTx, venueId: string, year: number, set: Partial<typeof venueYearResults.$inferInsert>): Promise<ResultRow> {
  const [row] = await tx.update(venueYearResults).set(set).where(and(eq(venueYearResults.venueId, venueId), eq(venueYearResults.year, year))).returning();
  return row!;
}

/** Venues ever recognised: the ones the annual close assesses. */
export async function listRecognisedVenueIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: venues.id }).from(venues).where(isNotNull(venues.recognizedAt)).orderBy(asc(venues.id));
  return rows.map((r) => r.id);
}

export interface RankingFilter {
  year: number;
  regionCode?: string;
  type?: ResultRow["venueType"];
  /** Only venues below this score (tenths) this year and last (优胜劣汰: due for a review of their recognition). */
  belowTwoYears?: number;
  limit: number;
  offset: number;
}

/** 择优推荐: results by score (best first), with last year's score beside for the two-years-below-70 flag. */
export async function listRanking(db: DbOrTx, f: RankingFilter) {
  const prev = sql`(select p.score_tenths from venue_year_results p where p.venue_id = ${venueYearResults.venueId} and p.year = ${f.year - 1})`;
  const where = and(
    eq(venueYearResults.year, f.year),
    f.regionCode ? eq(venueYearResults.regionCode, f.regionCode) : undefined,
    f.type ? eq(venueYearResults.venueType, f.type) : undefined,
    f.belowTwoYears != null ? sql`${venueYearResults.scoreTenths} < ${f.belowTwoYears} and ${prev} < ${f.belowTwoYears}` : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select({ result: venueYearResults, venueName: venues.name, previousScoreTenths: sql<number | null>`${prev}` })
      .from(venueYearResults)
      .innerJoin(venues, eq(venues.id, venueYearResults.venueId))
      .where(where)
      .orderBy(desc(venueYearResults.scoreTenths), asc(venues.name))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(venueYearResults).where(where),
  ]);
  return { items, total: count!.n };
}

/** Cursor of the 附件5 roster: the last row of the previous page (pay time, then placement id). */
export interface RosterCursor {
  paidAt: Date;
  placementId: string;
}

/**
 * 附件5 rows: counted placements of a venue-year with the worker's name and sealed ID number, in pay order.
 * Paged by keyset (`after`, `limit`) so a large roster streams page by page; without them, every row.
 */
export async function listRosterPlacements(db: DbOrTx, venueId: string, year: number, page?: { after: RosterCursor | null; limit: number }) {
  const employer = sql<string>`(select e.display_name from users e where e.id = ${performancePlacements.employerId})`;
  const after = page?.after
    ? sql`(${performancePlacements.paidAt}, ${performancePlacements.placementId}) > (${page.after.paidAt.toISOString()}::timestamptz, ${page.after.placementId}::uuid)`
    : undefined;
  const query = db
    .select({
      placementId: performancePlacements.placementId,
      paidAt: performancePlacements.paidAt,
      paidOn: performancePlacements.paidOn,
      priorityGroup: performancePlacements.priorityGroup,
      source: performancePlacements.source,
      workerName: sql<string>`coalesce(${workerProfiles.realName}, ${users.displayName})`,
      idNumberCipher: workerProfiles.idNumberCipher,
      idNumberMasked: workerProfiles.idNumberMasked,
      gender: workerProfiles.gender,
      phone: users.phone,
      employerName: employer,
    })
    .from(performancePlacements)
    .innerJoin(users, eq(users.id, performancePlacements.workerId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, performancePlacements.workerId))
    .where(and(eq(performancePlacements.venueId, venueId), eq(performancePlacements.year, year), eq(performancePlacements.counted, true), after))
    .orderBy(asc(performancePlacements.paidAt), asc(performancePlacements.placementId));
  return page ? query.limit(page.limit) : query;
}

/** How many rows the 附件5 roster of a venue-year has (for the audit of a full-ID export). */
export async function countRosterPlacements(db: DbOrTx, venueId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(performancePlacements)
    .innerJoin(users, eq(users.id, performancePlacements.workerId))
    .where(and(eq(performancePlacements.venueId, venueId), eq(performancePlacements.year, year), eq(performancePlacements.counted, true)));
  return row!.n;
}

/** 附件7 per county: recognised venues, placements, stars and grades reached, the grants the scores reach. */
export async function regionSummary(db: DbOrTx, year: number, regionCode?: string) {
  return db.execute<{ region_code: string; markets: number; stations: number; placements: number; five: number; four: number; three: number; stations_graded: number; score_grant_fen: string }>(sql`
    select v.region_code,
      count(*) filter (where v.type = 'MARKET' and v.status = 'RECOGNIZED')::int as markets,
      count(*) filter (where v.type = 'STATION' and v.status = 'RECOGNIZED')::int as stations,
      coalesce(sum(m.placements), 0)::int as placements,
      count(*) filter (where r.star = 5)::int as five,
      count(*) filter (where r.star = 4)::int as four,
      count(*) filter (where r.star = 3)::int as three,
      count(*) filter (where r.venue_type = 'STATION' and r.level is not null)::int as stations_graded,
      coalesce(sum(r.grant_fen), 0)::bigint as score_grant_fen
    from venues v
    left join venue_year_metrics m on m.venue_id = v.id and m.year = ${year}
    left join venue_year_results r on r.venue_id = v.id and r.year = ${year}
    ${regionCode ? sql`where v.region_code = ${regionCode}` : sql``}
    group by v.region_code`);
}
