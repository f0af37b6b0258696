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

/**
 * Counts for each venue's tasks created in [from, to) and their engagements accepted in it (the roll-up's A4, B2,
 * B3), for many venues in one query; every venue asked for gets an entry.
 */
export async function venuePostingStats(db: DbOrTx, venueIds: readonly string[], from: Date, to: Date, now: Date): Promise<Map<string, VenuePostingStats>> {
  const [f, t, n] = [from.toISOString(), to.toISOString(), now.toISOString()];
  const rows = await db.execute<{ venue_id: string; valid: number; engagements: number; signed: number; completed: number }>(sql`
    with v as (select distinct value::uuid as venue_id from jsonb_array_elements_text(${JSON.stringify(venueIds)}::jsonb)),
      p as (select t.venue_id, count(*)::int as valid from tasks t
        where t.venue_id in (select venue_id from v) and t.created_at >= ${f}::timestamptz and t.created_at < ${t}::timestamptz
          and t.status not in ('DRAFT', 'CANCELLED') and (t.filled_count > 0 or t.ends_at > ${n}::timestamptz)
        group by t.venue_id),
      g as (select t.venue_id, count(*)::int as engagements,
          count(*) filter (where exists (select 1 from contracts c where c.engagement_id = e.id and c.signed_at is not null))::int as signed,
          count(*) filter (where e.status = 'COMPLETED')::int as completed
        from engagements e join tasks t on t.id = e.task_id
        where t.venue_id in (select venue_id from v) and e.accepted_at >= ${f}::timestamptz and e.accepted_at < ${t}::timestamptz
          and e.status not in ('WITHDRAWN', 'CANCELLED')
        group by t.venue_id)
    select v.venue_id, coalesce(p.valid, 0) as valid, coalesce(g.engagements, 0) as engagements, coalesce(g.signed, 0) as signed, coalesce(g.completed, 0) as completed
    from v left join p using (venue_id) left join g using (venue_id)`);
  return new Map(rows.map((r) => [r.venue_id, { validPostings: r.valid, engagements: r.engagements, signedContracts: r.signed, completedEngagements: r.completed }]));
}
