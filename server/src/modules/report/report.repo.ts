import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

/**
 * Counted placements (岗位推荐成功, as A1 counts them) per month of their pay date (a Shanghai date), every month
 * from `fromMonth` to `toMonth` inclusive ("YYYY-MM-01"), zero where there were none; one county or all.
 */
export async function listMonthlyPlacements(db: DbOrTx, p: { fromMonth: string; toMonth: string; regionCode?: string; venueId?: string }) {
  return db.execute<{ month: string; placements: number }>(sql`
    with months as (select generate_series(${p.fromMonth}::date, ${p.toMonth}::date, interval '1 month')::date as m)
    select to_char(months.m, 'YYYY-MM') as month, count(pp.placement_id)::int as placements
    from months
    left join performance_placements pp on pp.counted and pp.paid_on >= months.m and pp.paid_on < (months.m + interval '1 month')::date
      ${p.regionCode ? sql`and exists (select 1 from venues v where v.id = pp.venue_id and v.region_code = ${p.regionCode})` : sql``}
      ${p.venueId ? sql`and pp.venue_id = ${p.venueId}` : sql``}
    group by months.m
    order by months.m`);
}
