import { DEFAULT_REACH, freshWaveRound, type ReachConfig } from "@qz/shared";
import { and, count, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { pickColumns, statementsByColumns } from "../../db/column-pick.js";
import { employerProfiles, tasks, users, workerProfiles, workerSkills } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";

export type TaskRow = typeof tasks.$inferSelect;
export type TaskStatusValue = TaskRow["status"];

export async function insertTask(tx: DbOrTx, row: typeof tasks.$inferInsert): Promise<TaskRow> {
  const [task] = await tx.insert(tasks).values(row).returning();
  return task!;
}

export async function findTask(db: DbOrTx, id: string): Promise<TaskRow | null> {
  const [task] = await db.select().from(tasks).where(eq(tasks.id, id));
  return task ?? null;
}

export async function getTask(db: DbOrTx, id: string): Promise<TaskRow> {
  const task = await findTask(db, id);
  if (!task) throw notFound("岗位", id);
  return task;
}

/** Locks the task row: every change to a task's seats, offers or waves takes this lock first (one lock order). */
export async function getTaskForUpdate(tx: DbOrTx, id: string): Promise<TaskRow> {
  const [task] = await tx.select().from(tasks).where(eq(tasks.id, id)).for("update");
  if (!task) throw notFound("岗位", id);
  return task;
}

export async function updateTask(tx: DbOrTx, id: string, patch: Partial<typeof tasks.$inferInsert>): Promise<TaskRow> {
  const [task] = await tx.update(tasks).set(patch).where(eq(tasks.id, id)).returning();
  return task!;
}

/**
 * Takes a seat: the one conditional write that can never overfill (DESIGN §4.3). Null when the task is
 * full or not open; the row lock it takes serialises concurrent accepts of the same task.
 */
export async function takeSeat(tx: DbOrTx, taskId: string, at: Date): Promise<TaskRow | null> {
  const [task] = await tx
    .update(tasks)
    .set({
      filledCount: sql`${tasks.filledCount} + 1`,
      status: sql`case when ${tasks.filledCount} + 1 = ${tasks.headcount} then 'FILLED'::task_status else ${tasks.status} end`,
      updatedAt: at,
    })
    .where(and(eq(tasks.id, taskId), eq(tasks.status, "OPEN"), sql`${tasks.filledCount} < ${tasks.headcount}`, sql`${tasks.startsAt} > ${at.toISOString()}::timestamptz`))
    .returning();
  return task ?? null;
}

/**
 * Gives a seat back (a withdrawal, a missed 到岗确认): FILLED reopens, and the freed seat is new demand with a
 * fresh round of waves (freshWaveRound), so it is offered even after the earlier rounds ran out. `locked` is
 * the task row read under its lock. Null when the task is no longer open or filled.
 */
export async function freeSeat(tx: DbOrTx, locked: TaskRow, at: Date): Promise<TaskRow | null> {
  const [task] = await tx
    .update(tasks)
    .set({ filledCount: sql`${tasks.filledCount} - 1`, status: "OPEN", ...freshWaveRound(locked), updatedAt: at })
    .where(and(eq(tasks.id, locked.id), inArray(tasks.status, ["OPEN", "FILLED"]), sql`${tasks.filledCount} > 0`))
    .returning();
  return task ?? null;
}

/** A live task of the employer with the same skill, within 100 m, whose window overlaps: a double posting (an edit excludes itself). */
export async function findDuplicateTask(
  db: DbOrTx,
  d: { employerId: string; skillCode: string; lat: number; lng: number; startsAt: Date; endsAt: Date; excludeId?: string },
): Promise<TaskRow | null> {
  const [task] = await db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.employerId, d.employerId),
        eq(tasks.skillCode, d.skillCode),
        sql`${tasks.status} <> 'CANCELLED'`,
        d.excludeId ? sql`${tasks.id} <> ${d.excludeId}` : undefined,
        sql`${tasks.startsAt} < ${d.endsAt.toISOString()}::timestamptz and ${tasks.endsAt} > ${d.startsAt.toISOString()}::timestamptz`,
        sql`earth_distance(${tasks.earth}::earth, ll_to_earth(${d.lat}, ${d.lng})) <= 100`,
      ),
    )
    .limit(1);
  return task ?? null;
}

/** Serialises one employer's postings, so two identical posts at once cannot both pass the duplicate check. */
export async function lockEmployerPostings(tx: DbOrTx, employerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('task-post'), hashtext(${employerId}))`);
}

/** The nearest recognised venue in the region or within `withinMeters` of the place; null when there is none. */
export async function findNearestRecognizedVenue(db: DbOrTx, regionCode: string, lat: number, lng: number, withinMeters: number) {
  const rows = (await db.execute(sql`
    select id, earth_distance(ll_to_earth(lat, lng), ll_to_earth(${lat}, ${lng})) as "distanceMeters"
      from venues
     where status = 'RECOGNIZED'
       and (region_code = ${regionCode} or earth_distance(ll_to_earth(lat, lng), ll_to_earth(${lat}, ${lng})) <= ${withinMeters})
     order by 2
     limit 1`)) as unknown as { id: string; distanceMeters: number }[];
  return rows[0] ?? null;
}

export async function findActiveEmployer(db: DbOrTx, employerId: string) {
  const [row] = await db
    .select({ id: users.id, name: employerProfiles.name, lateCancelCount: employerProfiles.lateCancelCount })
    .from(users)
    .innerJoin(employerProfiles, eq(employerProfiles.userId, users.id))
    .where(and(eq(users.id, employerId), eq(users.role, "EMPLOYER"), eq(users.status, "ACTIVE")));
  return row ?? null;
}

export async function incrementLateCancelCount(tx: DbOrTx, employerId: string): Promise<void> {
  await tx
    .update(employerProfiles)
    .set({ lateCancelCount: sql`${employerProfiles.lateCancelCount} + 1` })
    .where(eq(employerProfiles.userId, employerId));
}

export interface TaskListFilter {
  employerId?: string;
  venueId?: string;
  regionCode?: string;
  status?: TaskStatusValue;
  limit: number;
  offset: number;
}

export async function listTasks(db: DbOrTx, f: TaskListFilter): Promise<{ items: TaskRow[]; total: number }> {
  const where: SQL[] = [];
  if (f.employerId) where.push(eq(tasks.employerId, f.employerId));
  if (f.venueId) where.push(eq(tasks.venueId, f.venueId));
  if (f.regionCode) where.push(eq(tasks.regionCode, f.regionCode));
  if (f.status) where.push(eq(tasks.status, f.status));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db.select().from(tasks).where(cond).orderBy(desc(tasks.startsAt), desc(tasks.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(tasks).where(cond),
  ]);
  return { items, total: total!.n };
}

export interface NearbyQuery {
  workerId: string;
  now: Date;
  skillCode?: string;
  /** Asia/Shanghai business date of the start. */
  date?: string;
  minPayFen?: number;
  after?: { travelMinutes: number; taskId: string };
  limit: number;
  reach?: ReachConfig;
}

/** A listed task: the columns the query asked for, and always those access checks and field resolvers read. */
export type NearbyTaskRow = Pick<TaskRow, NearbyAlways> & Partial<TaskRow>;
type NearbyAlways = "id" | "employerId" | "venueId" | "regionCode" | "status" | "postedBy";
const NEARBY_ALWAYS: NearbyAlways[] = ["id", "employerId", "venueId", "regionCode", "status", "postedBy"];

export interface NearbyRow {
  task: NearbyTaskRow;
  travelMinutes: number;
  /** Whole metres, rounded in SQL (GraphQL Int refuses a fraction); travel minutes use the exact distance. */
  distanceMeters: number;
  employerName: string;
  employerLateCancelCount: number;
}

/**
 * Open tasks inside the worker's reach (min of their own and each task's travel minutes) that ask for a
 * skill they hold at the level asked, nearest in travel time first, keyset-paged on (travel minutes, id).
 * One statement for the page: the worker's home, minutes and metres per minute come from one `me` row, and
 * each task row holds the columns `taskFields` asks for (null: all).
 * One prepared statement per column set and filter shape, holding only the conditions that filter asks for:
 * then PostgreSQL's generic plan costs what a custom one does and is kept per connection. A single statement
 * with `$x is null or …` conditions for every filter looked dearer as a generic plan, so it was planned anew
 * on every call (planning cost more than running it).
 */
export async function listNearbyTasks(db: DbOrTx, q: NearbyQuery, taskFields: ReadonlySet<string> | null = null): Promise<NearbyRow[]> {
  const reach = q.reach ?? DEFAULT_REACH;
  const filters: NearbyFilterShape = { skill: q.skillCode !== undefined, date: q.date !== undefined, minPay: q.minPayFen !== undefined, after: q.after !== undefined };
  const statement = nearbyStatement(db, pickColumns(TASK_COLUMNS, taskFields, NEARBY_ALWAYS), JSON.stringify(filters));
  return statement.execute({
    workerId: q.workerId,
    now: q.now.toISOString(),
    ...(filters.skill && { skillCode: q.skillCode }),
    ...(filters.date && { date: q.date }),
    ...(filters.minPay && { minPayFen: q.minPayFen }),
    ...(filters.after && { afterMinutes: q.after!.travelMinutes, afterTaskId: q.after!.taskId }),
    limit: q.limit,
    walk: reach.speedKmh.WALK,
    bicycle: reach.speedKmh.BICYCLE,
    ebike: reach.speedKmh.EBIKE,
    transit: reach.speedKmh.TRANSIT,
    car: reach.speedKmh.CAR,
    detour: reach.detourFactor,
  });
}

interface NearbyFilterShape {
  skill: boolean;
  date: boolean;
  minPay: boolean;
  after: boolean;
}

const np = Object.fromEntries(
  ["workerId", "now", "skillCode", "date", "minPayFen", "afterMinutes", "afterTaskId", "limit", "walk", "bicycle", "ebike", "transit", "car", "detour"].map((k) => [k, sql.placeholder(k)]),
) as Record<string, ReturnType<typeof sql.placeholder>>;

const TASK_COLUMNS = getTableColumns(tasks);
type TaskColumn = keyof typeof TASK_COLUMNS;

function prepareNearby(db: DbOrTx, columns: readonly TaskColumn[], filterKey: string) {
  const filters = JSON.parse(filterKey) as NearbyFilterShape;
  // The worker's home, own travel minutes and straight-line metres per travel minute (speed of their mode over the detour factor).
  const me = db.$with("me").as(
    db
      .select({
        centre: sql<string>`${workerProfiles.homeEarth}`.as("me_centre"),
        minutes: sql<number>`${workerProfiles.travelMinutes}`.as("me_minutes"),
        metresPerMinute: sql<number>`(case ${workerProfiles.travelMode} when 'WALK' then ${np.walk}::float8 when 'BICYCLE' then ${np.bicycle}::float8 when 'EBIKE' then ${np.ebike}::float8 when 'TRANSIT' then ${np.transit}::float8 else ${np.car}::float8 end) * 1000 / 60 / ${np.detour}::float8`.as("me_metres_per_minute"),
      })
      .from(workerProfiles)
      .where(sql`${workerProfiles.userId} = ${np.workerId}::uuid`),
  );
  // Aliases drizzle leaves unqualified carry a prefix no table column has (worker_skills has its own travel_minutes).
  const distance = sql`(${tasks.earth} <-> ${me.centre})`;
  const travel = sql<number>`ceil(${distance} / ${me.metresPerMinute} - 1e-9)::int`;
  // From each of the worker's own skills (1–3 rows), a LATERAL scan of that skill's open tasks in reach: the
  // partial (skill_code, earth) GiST index serves both the skill and the earth_box ('OPEN' is a literal so the
  // cached plan can use the index's predicate). A plain join let the generic plan scan every open task in the
  // box and probe the skills per task. Each task has one skill, so the per-skill top `limit` rows hold the page.
  const open = db
    .select({
      ...(Object.fromEntries(columns.map((c) => [c, TASK_COLUMNS[c]])) as typeof TASK_COLUMNS),
      distanceMeters: sql<number>`round(${distance})::int`.as("t_distance_meters"),
      travelMinutes: travel.as("t_travel_minutes"),
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.skillCode, workerSkills.skillCode),
        sql`${workerSkills.level} >= ${tasks.requiredLevel}`,
        sql`${tasks.status} = 'OPEN'`,
        sql`${tasks.startsAt} > ${np.now}::timestamptz`,
        sql`earth_box(${me.centre}::earth, ${me.minutes} * ${me.metresPerMinute}) @> ${tasks.earth}`,
        sql`${distance} <= least(${me.minutes}, ${tasks.maxTravelMinutes}) * ${me.metresPerMinute}`,
        sql`not exists (select 1 from user_blocks b
                         where (b.blocker_id = ${tasks.employerId} and b.blocked_id = ${np.workerId}::uuid)
                            or (b.blocker_id = ${np.workerId}::uuid and b.blocked_id = ${tasks.employerId}))`,
        filters.skill ? sql`${tasks.skillCode} = ${np.skillCode}::text` : undefined,
        filters.date ? sql`(${tasks.startsAt} at time zone 'Asia/Shanghai')::date = ${np.date}::date` : undefined,
        filters.minPay ? sql`${tasks.payRateFen} >= ${np.minPayFen}::bigint` : undefined,
        filters.after ? sql`(${travel}, ${tasks.id}) > (${np.afterMinutes}::int, ${np.afterTaskId}::uuid)` : undefined,
      ),
    )
    .orderBy(travel, tasks.id)
    .limit(np.limit!)
    .as("t");
  return db
    .with(me)
    .select({
      task: Object.fromEntries(columns.map((k) => [k, open[k]])) as unknown as typeof TASK_COLUMNS,
      distanceMeters: open.distanceMeters,
      travelMinutes: open.travelMinutes,
      employerName: employerProfiles.name,
      employerLateCancelCount: employerProfiles.lateCancelCount,
    })
    .from(me)
    .innerJoin(workerSkills, sql`${workerSkills.workerId} = ${np.workerId}::uuid`)
    .innerJoinLateral(open, sql`true`)
    .innerJoin(employerProfiles, eq(employerProfiles.userId, open.employerId))
    .orderBy(open.travelMinutes, open.id)
    .limit(np.limit!)
    .prepare("nearby_tasks");
}
const nearbyStatement = statementsByColumns(Object.keys(TASK_COLUMNS) as TaskColumn[], prepareNearby);

/** Whether the worker holds an offer or an engagement of the task. */
export async function isWorkerLinked(db: DbOrTx, taskId: string, workerId: string): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from offers where task_id = ${taskId} and worker_id = ${workerId}
    union all
    select 1 from engagements where task_id = ${taskId} and worker_id = ${workerId}
    limit 1`);
  return rows.length > 0;
}

/** An open task as the public list shows it: no employer, no address, no exact place. */
export interface PublicTaskRow {
  id: string;
  title: string;
  skillCode: string;
  payRateFen: number;
  payUnit: "HOUR" | "DAY" | "PIECE";
  startsAt: Date;
  endsAt: Date;
  seatsLeft: number;
  regionCode: string;
  venueId: string;
  venueName: string;
  distanceMeters: number;
}

/** Open tasks with seats left that have not started, nearest to the point first (the tasks' GiST index on earth). */
export async function listOpenTasksNear(db: DbOrTx, q: { lat: number; lng: number; first: number; at: Date }): Promise<PublicTaskRow[]> {
  const rows = (await db.execute(sql`
    select t.id, t.title, t.skill_code as "skillCode", t.pay_rate_fen::float8 as "payRateFen", t.pay_unit as "payUnit",
           t.starts_at as "startsAt", t.ends_at as "endsAt", (t.headcount - t.filled_count)::int as "seatsLeft",
           t.region_code as "regionCode", v.id as "venueId", v.name as "venueName",
           (t.earth <-> ll_to_earth(${q.lat}, ${q.lng})) as "distanceMeters"
      from tasks t join venues v on v.id = t.venue_id
     where t.status = 'OPEN' and t.filled_count < t.headcount and t.starts_at > ${q.at.toISOString()}::timestamptz
     order by t.earth <-> ll_to_earth(${q.lat}, ${q.lng}), t.id
     limit ${q.first}`)) as unknown as (Omit<PublicTaskRow, "startsAt" | "endsAt"> & { startsAt: string | Date; endsAt: string | Date })[];
  return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
}
