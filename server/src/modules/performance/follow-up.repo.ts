// Sources of the rubric items the counters do not carry: D2 (complete ledgers, with the 回访 records kept
// here), B2 is read beside the postings (dispatch), and A3's walk-in registrations (identity's rows).
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { placementFollowUps, placements } from "../../db/schema/index.js";

export type FollowUpRow = typeof placementFollowUps.$inferSelect;

/** The placement a 回访 is about: its venue and when it was paid (which decides the assessment year). */
export async function findPlacement(db: DbOrTx, placementId: string): Promise<{ id: string; venueId: string; paidAt: Date } | null> {
  const [row] = await db.select({ id: placements.id, venueId: placements.venueId, paidAt: placements.paidAt }).from(placements).where(eq(placements.id, placementId));
  return row ?? null;
}

/** Records the 回访 once per placement; null when one is already recorded. */
export async function insertFollowUp(tx: DbOrTx, row: typeof placementFollowUps.$inferInsert): Promise<FollowUpRow | null> {
  const [saved] = await tx.insert(placementFollowUps).values(row).onConflictDoNothing().returning();
  return saved ?? null;
}

export async function findFollowUp(db: DbOrTx, placementId: string): Promise<FollowUpRow | null> {
  const [row] = await db.select().from(placementFollowUps).where(eq(placementFollowUps.placementId, placementId));
  return row ?? null;
}

/**
 * D2's numerator: each venue-year's counted placements (A1's rows) whose engagement exists (the dispatch
 * record), whose contract was fully signed, and that have a 回访; by venue id (a venue without one is left out).
 */
export async function countLedgerCompletePlacements(db: DbOrTx, venueIds: readonly string[], year: number): Promise<Map<string, number>> {
  const rows = await db.execute<{ venue_id: string; n: number }>(sql`
    select f.venue_id, count(*)::int as n
    from performance_placements f
    join engagements e on e.id = f.engagement_id
    join contracts c on c.engagement_id = f.engagement_id and c.signed_at is not null
    join placement_follow_ups u on u.placement_id = f.placement_id
    where f.venue_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(venueIds)}::jsonb)) and f.year = ${year} and f.counted
    group by f.venue_id`);
  return new Map(rows.map((r) => [r.venue_id, r.n]));
}

/** A3: workers each venue's staff registered in person (walk-ins, 现场登记) in [from, to), by venue id (none: left out). */
export async function countWalkInRegistrations(db: DbOrTx, venueIds: readonly string[], from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await db.execute<{ venue_id: string; n: number }>(sql`
    select w.home_venue_id as venue_id, count(*)::int as n from worker_profiles w
    where w.home_venue_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(venueIds)}::jsonb)) and w.registered_by is not null
      and w.created_at >= ${from.toISOString()}::timestamptz and w.created_at < ${to.toISOString()}::timestamptz
    group by w.home_venue_id`);
  return new Map(rows.map((r) => [r.venue_id, r.n]));
}

/** The venue whose staff registered this worker in person, and when; null for a self-registration. */
export async function findWalkIn(db: DbOrTx, userId: string): Promise<{ venueId: string; registeredAt: Date } | null> {
  const [row] = await db.execute<{ venue_id: string | null; created_at: string }>(
    sql`select home_venue_id as venue_id, created_at from worker_profiles where user_id = ${userId} and registered_by is not null`,
  );
  return row?.venue_id ? { venueId: row.venue_id, registeredAt: new Date(row.created_at) } : null;
}

/** The venue of a contract's task (B2 moves when a contract is fully signed). */
export async function findContractVenue(db: DbOrTx, contractId: string): Promise<string | null> {
  const [row] = await db.execute<{ venue_id: string }>(sql`select venue_id from contracts where id = ${contractId}`);
  return row?.venue_id ?? null;
}
