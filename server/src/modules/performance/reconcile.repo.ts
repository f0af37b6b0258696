// The nightly reconcile's reads and writes (评分对账): every venue-year's counters recounted from the source
// rows beside what is stored, and the runs it records.
import { desc, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import { performanceReconcileRuns } from "../../db/schema/index.js";
import type { Counters } from "./performance.repo.js";

export type CountersRow = Record<string, number | string | boolean | null>;

/**
 * The reconcile's one query: every venue-year's counters recomputed from the source rows, beside what is
 * stored. Exposed as SQL so the drills' invariant check (scripts/drills) runs exactly the same recount.
 */
export function countersFromSourcesQuery(year?: number): SQL {
  const y = year == null ? sql`true` : sql`year = ${year}`;
  return sql`
    with p as (
      select venue_id, year,
        count(*) filter (where counted)::int as placements,
        count(*) filter (where counted and priority_group)::int as priority,
        count(*) filter (where counted and source in ('OFFER', 'GRAB', 'PROXY'))::int as online,
        count(*)::int as settled
      from performance_placements where ${y} group by venue_id, year),
    a as (
      select venue_id, year,
        coalesce(sum(quantity) filter (where kind = 'SERVICE'), 0)::int as services,
        count(*) filter (where kind = 'RECRUITMENT_EVENT')::int as events,
        coalesce(sum(quantity) filter (where kind = 'GUIDANCE_REFERRAL'), 0)::int as referrals
      from venue_activities where ${y} group by venue_id, year),
    r as (select venue_id, year, count(*)::int as ratings, count(*) filter (where stars >= 4)::int as good from performance_ratings where ${y} group by venue_id, year),
    c as (select venue_id, year, count(*)::int as closed, count(*) filter (where on_time)::int as on_time from performance_complaints where ${y} group by venue_id, year),
    k as (select venue_id, year from p union select venue_id, year from a union select venue_id, year from r
          union select venue_id, year from c union select venue_id, year from venue_year_metrics where ${y})
    select k.venue_id, k.year::int as year,
      coalesce(p.placements, 0) as placements, coalesce(p.priority, 0) as priority, coalesce(p.online, 0) as online, coalesce(p.settled, 0) as settled,
      coalesce(a.services, 0) as services, coalesce(a.events, 0) as events, coalesce(a.referrals, 0) as referrals,
      coalesce(r.ratings, 0) as ratings, coalesce(r.good, 0) as good, coalesce(c.closed, 0) as closed, coalesce(c.on_time, 0) as on_time,
      m.venue_id is not null as has_stored,
      m.placements as s_placements, m.priority_placements as s_priority, m.online_placements as s_online, m.settled_engagements as s_settled,
      m.services as s_services, m.recruitment_events as s_events, m.guidance_referrals as s_referrals,
      m.ratings as s_ratings, m.good_ratings as s_good, m.complaints_closed as s_closed, m.complaints_on_time as s_on_time
    from k
    left join p using (venue_id, year) left join a using (venue_id, year) left join r using (venue_id, year) left join c using (venue_id, year)
    left join venue_year_metrics m using (venue_id, year)`;
}

/** The reconcile query as text and parameters, for a plain postgres.js client. */
export const countersFromSourcesText = (year?: number) => new PgDialect().sqlToQuery(countersFromSourcesQuery(year));

/** One row of countersFromSourcesQuery as recounted (actual) and stored counters. */
export function countersOfRow(row: CountersRow): { venueId: string; year: number; actual: Counters; stored: Counters | null } {
  const pick = (prefix: string): Counters => ({
    placements: Number(row[`${prefix}placements`]),
    priorityPlacements: Number(row[`${prefix}priority`]),
    onlinePlacements: Number(row[`${prefix}online`]),
    settledEngagements: Number(row[`${prefix}settled`]),
    services: Number(row[`${prefix}services`]),
    recruitmentEvents: Number(row[`${prefix}events`]),
    guidanceReferrals: Number(row[`${prefix}referrals`]),
    ratings: Number(row[`${prefix}ratings`]),
    goodRatings: Number(row[`${prefix}good`]),
    complaintsClosed: Number(row[`${prefix}closed`]),
    complaintsOnTime: Number(row[`${prefix}on_time`]),
  });
  return { venueId: String(row.venue_id), year: Number(row.year), actual: pick(""), stored: row.has_stored ? pick("s_") : null };
}

/** Every venue-year's counters recomputed from the source rows, beside what is stored. */
export async function countersFromSources(db: DbOrTx, year?: number): Promise<{ venueId: string; year: number; actual: Counters; stored: Counters | null }[]> {
  const rows = await db.execute<CountersRow>(countersFromSourcesQuery(year));
  return rows.map(countersOfRow);
}

export async function insertReconcileRun(tx: DbOrTx, row: typeof performanceReconcileRuns.$inferInsert) {
  const [inserted] = await tx.insert(performanceReconcileRuns).values(row).returning();
  return inserted!;
}

export async function listReconcileRuns(db: DbOrTx, limit: number) {
  return db.select().from(performanceReconcileRuns).orderBy(desc(performanceReconcileRuns.startedAt)).limit(limit);
}
