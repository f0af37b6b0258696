import { OLDER_WORKER_AGE } from "@qz/shared";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

export interface GroupCounts {
  base: "available" | "offers" | "engagements";
  total: number;
  older: number;
  hardToEmploy: number;
  zeroEmploymentFamily: number;
  none: number;
}

/** Priority-group columns of a worker_profiles row `wp`; 大龄 judged on `onDate` (the plan's 4050 rule). */
const groupCounts = (onDate: string): SQL => sql`
  count(*)::int as total,
  count(*) filter (where wp.birth_date <= ${onDate}::date - make_interval(years => case wp.gender when 'MALE' then ${OLDER_WORKER_AGE.MALE}::int else ${OLDER_WORKER_AGE.FEMALE}::int end))::int as older,
  count(*) filter (where wp.hard_to_employ)::int as "hardToEmploy",
  count(*) filter (where wp.zero_employment_family)::int as "zeroEmploymentFamily",
  count(*) filter (where not wp.hard_to_employ and not wp.zero_employment_family
                     and wp.birth_date > ${onDate}::date - make_interval(years => case wp.gender when 'MALE' then ${OLDER_WORKER_AGE.MALE}::int else ${OLDER_WORKER_AGE.FEMALE}::int end))::int as none`;

/**
 * Per region and month (DESIGN §4.5): priority groups among available workers (home venue in the region,
 * active, verified, available now), among offers of the region's tasks made in the month, and among
 * engagements accepted in the month. 大龄 is judged on the month's first day.
 */
export async function countPriorityGroups(db: DbOrTx, regionCode: string, monthStart: string, from: Date, to: Date): Promise<GroupCounts[]> {
  const rows = await db.execute(sql`
    select 'available' as base, ${groupCounts(monthStart)}
      from worker_profiles wp
      join users u on u.id = wp.user_id
      join venues v on v.id = wp.home_venue_id
     where v.region_code = ${regionCode} and u.status = 'ACTIVE' and wp.verified_at is not null and wp.available
    union all
    select 'offers', ${groupCounts(monthStart)}
      from offers o
      join tasks t on t.id = o.task_id
      join worker_profiles wp on wp.user_id = o.worker_id
     where t.region_code = ${regionCode} and o.created_at >= ${from.toISOString()}::timestamptz and o.created_at < ${to.toISOString()}::timestamptz
    union all
    select 'engagements', ${groupCounts(monthStart)}
      from engagements e
      join tasks t on t.id = e.task_id
      join worker_profiles wp on wp.user_id = e.worker_id
     where t.region_code = ${regionCode} and e.accepted_at >= ${from.toISOString()}::timestamptz and e.accepted_at < ${to.toISOString()}::timestamptz`);
  return rows as unknown as GroupCounts[];
}
