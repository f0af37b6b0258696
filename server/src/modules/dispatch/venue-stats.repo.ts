import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

export interface VenuePostingStats {
  /** A4: tasks posted through the venue, not cancelled, and not expired without anyone taking them. */
  validPostings: number;
  /** B2's denominator: engagements that went ahead (not withdrawn or cancelled). */
  engagements: number;
  /** B2's numerator: those engagements whose contract both parties signed (电子合同). */
  signedContracts: number;
  /** B3's denominator: engagements completed. */
  completedEngagements: number;
}

/** Counts for a venue's tasks created in [from, to) and their engagements accepted in it (the roll-up's A4, B2, B3). */
export async function venuePostingStats(db: DbOrTx, venueId: string, from: Date, to: Date, now: Date): Promise<VenuePostingStats> {
  const [f, t, n] = [from.toISOString(), to.toISOString(), now.toISOString()];
  const rows = await db.execute<{ valid: number; engagements: number; signed: number; completed: number }>(sql`
    select
      (select count(*)::int from tasks t
        where t.venue_id = ${venueId} and t.created_at >= ${f}::timestamptz and t.created_at < ${t}::timestamptz
          and t.status not in ('DRAFT', 'CANCELLED') and (t.filled_count > 0 or t.ends_at > ${n}::timestamptz)) as valid,
      (select count(*)::int from engagements e join tasks t on t.id = e.task_id
        where t.venue_id = ${venueId} and e.accepted_at >= ${f}::timestamptz and e.accepted_at < ${t}::timestamptz
          and e.status not in ('WITHDRAWN', 'CANCELLED')) as engagements,
      (select count(*)::int from engagements e join tasks t on t.id = e.task_id
        where t.venue_id = ${venueId} and e.accepted_at >= ${f}::timestamptz and e.accepted_at < ${t}::timestamptz
          and e.status not in ('WITHDRAWN', 'CANCELLED')
          and exists (select 1 from contracts c where c.engagement_id = e.id and c.signed_at is not null)) as signed,
      (select count(*)::int from engagements e join tasks t on t.id = e.task_id
        where t.venue_id = ${venueId} and e.accepted_at >= ${f}::timestamptz and e.accepted_at < ${t}::timestamptz
          and e.status = 'COMPLETED') as completed`);
  const r = rows[0]!;
  return { validPostings: r.valid, engagements: r.engagements, signedContracts: r.signed, completedEngagements: r.completed };
}
