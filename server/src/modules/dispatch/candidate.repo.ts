// Eligibility (DESIGN §4.1): the one indexed query that finds the workers a task may be offered to, with
// everything ranking needs. Reach is computed per row from the worker's own mode and minutes.
import { DEFAULT_REACH, widestReachMeters, type ReachConfig } from "@qz/shared";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from "drizzle-orm/pg-core";
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
  /** The task's skill, when the caller has read the task: a wave then takes one round trip (the skill names its index). */
  skillCode?: string;
  /**
   * For an accept rather than an offer: a worker who already holds an offer of this task or K offers is
   * still eligible, and an overlapping engagement is left to the exclusion constraint (a typed CONFLICT).
   */
  forAccept?: boolean;
  reach?: ReachConfig;
}

/** A number, or a placeholder of a prepared statement. */
type Value = number | ReturnType<typeof sql.placeholder>;
/** Reach settings as SQL values: the configured numbers, or placeholders. */
interface ReachTerms {
  speedKmh: Readonly<Record<keyof ReachConfig["speedKmh"], Value>>;
  detourFactor: Value;
}

/** The configured speed (km/h) of a travel mode, per row. */
export function speedSql(mode: SQL, reach: ReachConfig | ReachTerms = DEFAULT_REACH): SQL {
  const s = reach.speedKmh;
  return sql`(case ${mode} when 'WALK' then ${s.WALK}::float8 when 'BICYCLE' then ${s.BICYCLE}::float8 when 'EBIKE' then ${s.EBIKE}::float8 when 'TRANSIT' then ${s.TRANSIT}::float8 else ${s.CAR}::float8 end)`;
}

/** Metres a worker covers, per row: CASE over the configured speeds, times min(worker minutes, task minutes). */
export function reachSql(mode: SQL, workerMinutes: SQL, taskMinutes: SQL, reach: ReachConfig | ReachTerms = DEFAULT_REACH): SQL {
  const speed = speedSql(mode, reach);
  return sql`(least(${workerMinutes}, ${taskMinutes})::float8 / 60 * ${speed} * 1000 / ${reach.detourFactor}::float8)`;
}

/**
 * Workers who may be offered the task, nearest first: active, verified and available; the skill at the
 * level asked; home within min(own reach, the task's reach); free in the window; not blocked either way;
 * not offered this task before nor engaged on it before (one who left cannot take it again); fewer than K
 * outstanding offers.
 *
 * Plan: an index-only KNN scan of the skill's own partial GiST index of dispatchable rows (`order by home_earth
 * <-> centre`; one index per skill, migration 0016, so a page holds only that skill's holders; it INCLUDEs every
 * column the rules and ranking read, copies of the profile kept by triggers, migration 0015) feeds a nested loop
 * that applies the other rules row by row from small indexes, and the LIMIT stops it as soon as `limit` workers
 * passed: no users or profile row is read.
 * An earth_box condition would bound the scan, but its estimated selectivity is a
 * constant 0.1%, so with it the planner takes a bitmap scan of the whole box and sorts (every
 * holder of the skill within the widest reach, ~22k rows and ~0.7 s in central 晋江 at 200k workers).
 * The box is therefore dropped: the scan is bounded by a generous LIMIT of skill holders instead, and
 * when fewer than `limit` passed while the last of those holders is still inside the widest reach, it
 * runs again with a larger bound (nearly always once; more only where most of the nearest are ineligible).
 * The common case (a wave, whose caller knows the skill) is one prepared statement per skill that reads the
 * task's other fields itself (one round trip, no parse or plan per wave); the task is fetched as constants for
 * one worker's check, when the skill is not given, or to widen a short wave.
 */
export async function listCandidates(db: DbOrTx, q: CandidateQuery): Promise<CandidateRow[]> {
  const reach = q.reach ?? DEFAULT_REACH;
  let bound = Math.max(2 * q.limit + 50, 100);
  let rows: CandidateRow[] | null = null;
  if (!q.workerId && !q.forAccept && q.skillCode) {
    // A wave first asks in one round trip, the task's fields read inside the statement: on a busy machine every
    // round trip costs its own wait, and the KNN scan keeps its shape with them as run-time parameters. It is a
    // prepared statement: postgres.js sends drizzle's `execute` unnamed, so each wave paid a Describe round trip
    // and a parse and plan (~1 ms at 200k) before the scan.
    let statements = waveStatements.get(db);
    if (!statements) waveStatements.set(db, (statements = new Map()));
    let statement = statements.get(q.skillCode);
    if (!statement) statements.set(q.skillCode, (statement = prepareWave(db, q.skillCode)));
    const s = reach.speedKmh;
    rows = await statement.execute({
      taskId: q.taskId, now: q.now.toISOString(), maxOutstandingOffers: q.maxOutstandingOffers, limit: q.limit, bound,
      walk: s.WALK, bicycle: s.BICYCLE, ebike: s.EBIKE, transit: s.TRANSIT, car: s.CAR, detour: reach.detourFactor,
    });
    if (rows.length >= q.limit) return rows;
  }
  // The task's fields as constants, for the one-worker check, a wave without the skill, and widening a short wave.
  const [task] = (await db.execute(sql`
    select max_travel_minutes as "m", earth::text as "earth", skill_code as "skill", required_level as "level",
           employer_id as "employerId", starts_at::text as "startsAt", ends_at::text as "endsAt"
      from tasks where id = ${q.taskId}`)) as unknown as CandidateTask[];
  if (!task) return [];
  const terms = constantTerms(task);
  if (q.workerId) {
    // One worker (grab, proxy accept): their own skill row by primary key, no scan at all.
    const near = sql`(select ${copied}, ws.home_earth <-> ${terms.centre} as distance
                        from worker_skills ws
                       where ws.worker_id = ${q.workerId} and ws.skill_code = ${task.skill} and ws.level >= ${task.level}
                         and ws.dispatchable)`;
    return candidatesFrom(db, q, terms, near, reach);
  }
  if (!rows) {
    rows = await candidatesFrom(db, q, terms, nearest(terms, task.skill, bound), reach);
    if (rows.length >= q.limit) return rows;
  }
  const widest = widestReachMeters(task.m, reach);
  for (;;) {
    // Short: complete unless the bound-th nearest holder of the skill is still within the widest reach.
    const [last] = (await db.execute(sql`select distance from ${nearest(terms, task.skill, bound)} n offset ${bound - 1}`)) as unknown as { distance: number }[];
    if (!last || last.distance > widest) return rows;
    bound *= 8;
    rows = await candidatesFrom(db, q, terms, nearest(terms, task.skill, bound), reach);
    if (rows.length >= q.limit) return rows;
  }
}

interface CandidateTask {
  m: number;
  earth: string;
  skill: string;
  level: number;
  employerId: string;
  startsAt: string;
  endsAt: string;
}

/** The task's fields as the candidate statement uses them: SQL constants, or subqueries of the task row. */
interface TaskTerms {
  minutes: SQL;
  centre: SQL;
  skill: SQL;
  level: SQL;
  employerId: SQL;
  startsAt: SQL;
  endsAt: SQL;
}

const constantTerms = (t: CandidateTask): TaskTerms => ({
  minutes: sql`${t.m}::int`,
  centre: sql`${t.earth}::cube`,
  skill: sql`${t.skill}`,
  level: sql`${t.level}`,
  employerId: sql`${t.employerId}::uuid`,
  startsAt: sql`${t.startsAt}::timestamptz`,
  endsAt: sql`${t.endsAt}::timestamptz`,
});

/** Each an InitPlan (one primary-key read, evaluated once); a missing task yields nulls and so no rows. */
function storedTerms(taskId: SQL): TaskTerms {
  const field = (expr: string) => sql`(select ${sql.raw(expr)} from tasks where id = ${taskId})`;
  return {
    minutes: field("max_travel_minutes::int"),
    centre: field("earth::cube"),
    skill: field("skill_code"),
    level: field("required_level"),
    employerId: field("employer_id"),
    startsAt: field("starts_at"),
    endsAt: field("ends_at"),
  };
}

/** The skill row's columns the rules and ranking read: all copies of the worker, kept by triggers (migration 0015). */
const copied = sql.raw(
  "ws.worker_id, ws.level, ws.travel_mode, ws.travel_minutes, ws.completed_count, ws.no_show_count, ws.late_withdrawal_count, " +
    "ws.rating_sum, ws.rating_count, ws.gender, ws.birth_date, ws.hard_to_employ, ws.zero_employment_family",
);

/** A skill code as an SQL literal: the planner can use a skill's partial index only when the query names the skill. */
function skillLiteral(code: string): SQL {
  // The same rule ensure_skill_dispatch_index enforces on every skill row (migration 0016), so no quote can appear.
  if (!/^[A-Z][A-Z0-9_]{0,34}$/.test(code)) throw new Error(`not a skill code: ${JSON.stringify(code)}`);
  return sql.raw(`'${code}'`);
}

// `level + 0`: a level condition the (skill_code, level) btree could serve would tempt the planner into
// that index and a sort of every holder of the skill; as a filter it is checked as the KNN scan proceeds.
// `order by distance` (the output column, not the expression again): with the centre as a subquery each
// mention would be its own parameter, the outer `order by ws.distance` would no longer match the scan's
// order, and a sort of every scanned holder would replace the early stop.
// `ws.dispatchable and ws.skill_code = '<skill>'` is the skill index's predicate (dispatchable: active, verified,
// available, kept by triggers). Every column read is in the index (INCLUDE), so the scan never visits the heap.
// `t.skill = '<skill>'` is a one-time check that the task has that skill (a caller's mismatch finds nobody here,
// and the constants path then asks again with the task's own skill).
const nearest = (t: TaskTerms, skill: string, bound: number | SQL) => {
  const code = skillLiteral(skill);
  return sql`(select ${copied}, ws.home_earth <-> ${t.centre} as distance
                        from worker_skills ws
                       where ws.dispatchable and ws.skill_code = ${code} and ${t.skill} = ${code} and ws.level + 0 >= ${t.level}
                       order by distance
                       limit ${bound})`;
};

/** What the statement's parameters are, as values (a one-off statement) or placeholders (the prepared wave). */
interface RuleTerms {
  taskId: SQL;
  now: string | ReturnType<typeof sql.placeholder>;
  maxOutstandingOffers: Value;
  limit: Value;
  forAccept?: boolean;
}

/**
 * The eligibility rules over a stream of dispatchable skill holders `near` (the `copied` columns and distance),
 * nearest first. The rules read only the stream and small indexes (offers, engagements, blocks); the hours of the
 * last 7 days are summed for the `limit` rows that pass.
 */
function candidateSql(q: RuleTerms, task: TaskTerms, near: SQL, reach: ReachConfig | ReachTerms): SQL {
  const startsAt = task.startsAt;
  const window = sql`tstzrange(${task.startsAt}, ${task.endsAt})`;
  return sql`
    select c.worker_id as "workerId", c.level as "skillLevel",
           c.distance as "distanceMeters", c.reach as "reachMeters", c.travel_mode as "travelMode",
           c.completed_count as "completedCount", c.no_show_count as "noShowCount",
           c.late_withdrawal_count as "lateWithdrawalCount", c.rating_sum as "ratingSum", c.rating_count as "ratingCount",
           coalesce((select sum(extract(epoch from (least(e.ends_at, ${startsAt}) - greatest(e.starts_at, ${startsAt} - interval '7 days'))) / 3600)
                       from engagements e
                      where e.worker_id = c.worker_id and e.status in ('ACTIVE', 'CONFIRMED', 'COMPLETED')
                        and e.starts_at < ${startsAt} and e.ends_at > ${startsAt} - interval '7 days'), 0)::float8 as "hoursLast7Days",
           c.gender as "gender", c.birth_date::text as "birthDate",
           c.hard_to_employ as "hardToEmploy", c.zero_employment_family as "zeroEmploymentFamily"
      from (select ws.*, r.reach
              from ${near} ws
             cross join lateral (select ${reachSql(sql`ws.travel_mode`, sql`ws.travel_minutes`, task.minutes, reach)} as reach) r
             where ws.distance <= r.reach
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
               -- one who left this task (withdrew, missed 到岗确认) could not take it again (engagements_task_worker_unique)
               and not exists (select 1 from engagements e where e.task_id = ${q.taskId} and e.worker_id = ws.worker_id)
               and (select count(*) from offers o
                     where o.worker_id = ws.worker_id and o.status = 'OFFERED' and o.expires_at > ${q.now}::timestamptz) < ${q.maxOutstandingOffers}::int`
               }
             order by ws.distance
             limit ${q.limit}::int) c
     order by c.distance`;
}

/** The rules run once with the task's fields as constants (one worker's check, a widened wave). */
async function candidatesFrom(db: DbOrTx, q: CandidateQuery, task: TaskTerms, near: SQL, reach: ReachConfig): Promise<CandidateRow[]> {
  const rules: RuleTerms = { taskId: sql`${q.taskId}::uuid`, now: q.now.toISOString(), maxOutstandingOffers: q.maxOutstandingOffers, limit: q.limit, forAccept: q.forAccept };
  return (await db.execute(candidateSql(rules, task, near, reach))) as unknown as CandidateRow[];
}

const ph = (name: string) => sql.placeholder(name);

/** A wave's statement for one skill with every other value a placeholder: built once per skill, its text the same for every wave. */
const waveQueries = new Map<string, ReturnType<PgDialect["sqlToQuery"]>>();
function waveQuery(skill: string) {
  let query = waveQueries.get(skill);
  if (query) return query;
  const task = storedTerms(sql`${ph("taskId")}::uuid`);
  const reach: ReachTerms = {
    speedKmh: { WALK: ph("walk"), BICYCLE: ph("bicycle"), EBIKE: ph("ebike"), TRANSIT: ph("transit"), CAR: ph("car") },
    detourFactor: ph("detour"),
  };
  const rules: RuleTerms = { taskId: sql`${ph("taskId")}::uuid`, now: ph("now"), maxOutstandingOffers: ph("maxOutstandingOffers"), limit: ph("limit") };
  query = new PgDialect().sqlToQuery(candidateSql(rules, task, nearest(task, skill, sql`${ph("bound")}::int`), reach));
  waveQueries.set(skill, query);
  return query;
}

/**
 * A wave's statement for one skill on one pool or transaction. Named, so postgres.js prepares it once per
 * connection (drizzle's `execute` sends statements unnamed: a Describe round trip, a parse and a plan each time);
 * without result fields, so the rows come back as postgres.js maps them.
 */
function prepareWave(db: DbOrTx, skill: string): PgPreparedQuery<PreparedQueryConfig & { execute: CandidateRow[] }> {
  return db._.session.prepareQuery(waveQuery(skill), undefined, `candidate_wave_${skill.toLowerCase()}`, false);
}
const waveStatements = new WeakMap<DbOrTx, Map<string, ReturnType<typeof prepareWave>>>();
