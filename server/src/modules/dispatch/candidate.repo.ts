// Eligibility (DESIGN §4.1): the one indexed query that finds the workers a task may be offered to, with
// everything ranking needs. Reach is computed per row from the worker's own mode and minutes.
import { DEFAULT_REACH, widestReachMeters, type ReachConfig } from "@qz/shared";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

/** One eligible worker as the query returns it (distance in metres, reach in metres, hours as a float). */
export interface CandidateRow {
  workerId: string;
  skillLevel: number;
  distanceMeters: number;
  reachMeters: number;
  travelMode: string;
  completedCount: number;
  noShowCount: number;
  lateWithdrawalCount: number;
  ratingSum: number;
  ratingCount: number;
  hoursLast7Days: number;
  gender: "MALE" | "FEMALE";
  birthDate: string;
  hardToEmploy: boolean;
  zeroEmploymentFamily: boolean;
}

export interface CandidateQuery {
  taskId: string;
  now: Date;
  /** Most outstanding offers a worker may already hold (they get no new one at this count). */
  maxOutstandingOffers: number;
  limit: number;
  /** Only this worker (grab and proxy accept check the one worker with the same rules). */
  workerId?: string;
  /**
   * For an accept rather than an offer: a worker who already holds an offer of this task or K offers is
   * still eligible, and an overlapping engagement is left to the exclusion constraint (a typed CONFLICT).
   */
  forAccept?: boolean;
  reach?: ReachConfig;
}

/** Metres a worker covers, per row: CASE over the configured speeds, times min(worker minutes, task minutes). */
export function reachSql(mode: SQL, workerMinutes: SQL, taskMinutes: SQL, reach: ReachConfig = DEFAULT_REACH): SQL {
  const s = reach.speedKmh;
  const speed = sql`(case ${mode} when 'WALK' then ${s.WALK}::float8 when 'BICYCLE' then ${s.BICYCLE}::float8 when 'EBIKE' then ${s.EBIKE}::float8 when 'TRANSIT' then ${s.TRANSIT}::float8 else ${s.CAR}::float8 end)`;
  return sql`(least(${workerMinutes}, ${taskMinutes})::float8 / 60 * ${speed} * 1000 / ${reach.detourFactor}::float8)`;
}

/**
 * Workers who may be offered the task, nearest first: active, verified and available; the skill at the
 * level asked; home within min(own reach, the task's reach); free in the window; not blocked either way;
 * not offered this task before; fewer than K outstanding offers. The GiST index on (skill_code, home_earth)
 * serves both the earth_box pre-filter and the KNN order, so the scan stops after `limit` rows.
 */
export async function listCandidates(db: DbOrTx, q: CandidateQuery): Promise<CandidateRow[]> {
  const reach = q.reach ?? DEFAULT_REACH;
  // The task's fields go in as constants, so the planner can drive the join with a KNN scan of the
  // (skill_code, home_earth) GiST index ordered by distance and stop after `limit` rows.
  const [task] = (await db.execute(sql`
    select max_travel_minutes as "m", earth::text as "earth", skill_code as "skill", required_level as "level",
           employer_id as "employerId", starts_at::text as "startsAt", ends_at::text as "endsAt"
      from tasks where id = ${q.taskId}`)) as unknown as { m: number; earth: string; skill: string; level: number; employerId: string; startsAt: string; endsAt: string }[];
  if (!task) return [];
  const widest = widestReachMeters(task.m, reach);
  const centre = sql`${task.earth}::cube`;
  const startsAt = sql`${task.startsAt}::timestamptz`;
  const window = sql`tstzrange(${task.startsAt}::timestamptz, ${task.endsAt}::timestamptz)`;
  const now = q.now.toISOString();
  const rows = await db.execute(sql`
    select ws.worker_id as "workerId", ws.level as "skillLevel",
           (ws.home_earth <-> ${centre}) as "distanceMeters", r.reach as "reachMeters", wp.travel_mode as "travelMode",
           wp.completed_count as "completedCount", wp.no_show_count as "noShowCount",
           wp.late_withdrawal_count as "lateWithdrawalCount", wp.rating_sum as "ratingSum", wp.rating_count as "ratingCount",
           coalesce((select sum(extract(epoch from (least(e.ends_at, ${startsAt}) - greatest(e.starts_at, ${startsAt} - interval '7 days'))) / 3600)
                       from engagements e
                      where e.worker_id = ws.worker_id and e.status in ('ACTIVE', 'CONFIRMED', 'COMPLETED')
                        and e.starts_at < ${startsAt} and e.ends_at > ${startsAt} - interval '7 days'), 0)::float8 as "hoursLast7Days",
           wp.gender as "gender", wp.birth_date::text as "birthDate",
           wp.hard_to_employ as "hardToEmploy", wp.zero_employment_family as "zeroEmploymentFamily"
      from worker_skills ws
      join worker_profiles wp on wp.user_id = ws.worker_id
      join users u on u.id = ws.worker_id
      cross join lateral (select ${reachSql(sql`wp.travel_mode`, sql`wp.travel_minutes`, sql`${task.m}::int`, reach)} as reach) r
     where ws.skill_code = ${task.skill} and ws.level >= ${task.level}
       and earth_box(${centre}::earth, ${widest}::float8) @> ws.home_earth
       ${q.workerId ? sql`and ws.worker_id = ${q.workerId}` : sql``}
       and u.status = 'ACTIVE' and u.role = 'WORKER'
       and wp.verified_at is not null and wp.available
       and (ws.home_earth <-> ${centre}) <= r.reach
       and ws.worker_id <> ${task.employerId}
       and not exists (select 1 from user_blocks b
                        where (b.blocker_id = ${task.employerId} and b.blocked_id = ws.worker_id)
                           or (b.blocker_id = ws.worker_id and b.blocked_id = ${task.employerId}))
       ${
         q.forAccept
           ? sql``
           : sql`
       and not exists (select 1 from engagements e
                        where e.worker_id = ws.worker_id and e.status in ('ACTIVE', 'CONFIRMED')
                          and tstzrange(e.starts_at, e.ends_at) && ${window})
       and not exists (select 1 from offers o where o.task_id = ${q.taskId} and o.worker_id = ws.worker_id)
       and (select count(*) from offers o
             where o.worker_id = ws.worker_id and o.status = 'OFFERED' and o.expires_at > ${now}::timestamptz) < ${q.maxOutstandingOffers}`
       }
     order by ws.home_earth <-> ${centre}
     limit ${q.limit}`);
  return rows as unknown as CandidateRow[];
}
