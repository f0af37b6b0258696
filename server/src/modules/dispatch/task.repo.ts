import { DEFAULT_REACH, freshWaveRound, type ReachConfig } from "@qz/shared";
import { and, count, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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

export interface NearbyRow {
  task: TaskRow;
  travelMinutes: number;
  /** Whole metres, rounded in SQL (GraphQL Int refuses a fraction); travel minutes use the exact distance. */
  distanceMeters: number;
  employerName: string;
  employerLateCancelCount: number;
}

/**
 * Open tasks inside the worker's reach (min of their own and each task's travel minutes) that ask for a
 * skill they hold at the level asked, nearest in travel time first, keyset-paged on (travel minutes, id).
 * One statement for the page: the worker's home, mode and minutes are scalar subqueries (run once each, by
 * primary key) and the task rows come back whole.
 * One prepared statement for every filter (a null parameter switches its condition off): the plan is
 * cached on each connection, where planning this statement anew cost several times its execution.
 */
export async function listNearbyTasks(db: DbOrTx, q: NearbyQuery): Promise<NearbyRow[]> {
  const reach = q.reach ?? DEFAULT_REACH;
  let statement = nearbyStatements.get(db);
  if (!statement) nearbyStatements.set(db, (statement = prepareNearby(db)));
  return statement.execute({
    workerId: q.workerId,
    now: q.now.toISOString(),
    skillCode: q.skillCode ?? null,
    date: q.date ?? null,
    minPayFen: q.minPayFen ?? null,
    afterMinutes: q.after?.travelMinutes ?? null,
    afterTaskId: q.after?.taskId ?? null,
    limit: q.limit,
    walk: reach.speedKmh.WALK,
    bicycle: reach.speedKmh.BICYCLE,
    ebike: reach.speedKmh.EBIKE,
    transit: reach.speedKmh.TRANSIT,
    car: reach.speedKmh.CAR,
    detour: reach.detourFactor,
  });
}

const np = Object.fromEntries(
  ["workerId", "now", "skillCode", "date", "minPayFen", "afterMinutes", "afterTaskId", "limit", "walk", "bicycle", "ebike", "transit", "car", "detour"].map((k) => [k, sql.placeholder(k)]),
) as Record<string, ReturnType<typeof sql.placeholder>>;

function prepareNearby(db: DbOrTx) {
  const mine = (column: SQL | AnyPgColumn) => sql`(select ${column} from ${workerProfiles} where ${workerProfiles.userId} = ${np.workerId}::uuid)`;
  const centre = mine(workerProfiles.homeEarth);
  const mode = mine(workerProfiles.travelMode);
  const minutes = mine(workerProfiles.travelMinutes);
  const speed = sql`(case ${mode} when 'WALK' then ${np.walk}::float8 when 'BICYCLE' then ${np.bicycle}::float8 when 'EBIKE' then ${np.ebike}::float8 when 'TRANSIT' then ${np.transit}::float8 else ${np.car}::float8 end)`;
  const reachTo = (taskMinutes: SQL) => sql`(least(${minutes}, ${taskMinutes})::float8 / 60 * ${speed} * 1000 / ${np.detour}::float8)`;
  const distanceOf = (earth: SQL | AnyPgColumn) => sql`(${earth} <-> ${centre})`;
  const travelOf = (earth: SQL | AnyPgColumn) => sql<number>`ceil(${distanceOf(earth)} * ${np.detour}::float8 / (${speed} * 1000 / 60) - 1e-9)::int`;
  // From each of the worker's own skills (1–3 rows), a LATERAL scan of that skill's open tasks in reach: the
  // partial (skill_code, earth) GiST index serves both the skill and the earth_box ('OPEN' is a literal so the
  // cached plan can use the index's predicate). A plain join let the generic plan scan every open task in the
  // box and probe the skills per task. Each task has one skill, so the per-skill top `limit` rows hold the page.
  const open = db
    .select(getTableColumns(tasks))
    .from(tasks)
    .where(
      and(
        eq(tasks.skillCode, workerSkills.skillCode),
        sql`${workerSkills.level} >= ${tasks.requiredLevel}`,
        sql`${tasks.status} = 'OPEN'`,
        sql`${tasks.startsAt} > ${np.now}::timestamptz`,
        sql`earth_box(${centre}::earth, ${reachTo(minutes)}) @> ${tasks.earth}`,
        sql`${distanceOf(tasks.earth)} <= ${reachTo(sql`${tasks.maxTravelMinutes}`)}`,
        sql`not exists (select 1 from user_blocks b
                         where (b.blocker_id = ${tasks.employerId} and b.blocked_id = ${np.workerId}::uuid)
                            or (b.blocker_id = ${np.workerId}::uuid and b.blocked_id = ${tasks.employerId}))`,
        sql`(${np.skillCode}::text is null or ${tasks.skillCode} = ${np.skillCode}::text)`,
        sql`(${np.date}::date is null or (${tasks.startsAt} at time zone 'Asia/Shanghai')::date = ${np.date}::date)`,
        sql`(${np.minPayFen}::bigint is null or ${tasks.payRateFen} >= ${np.minPayFen}::bigint)`,
        sql`(${np.afterMinutes}::int is null or (${travelOf(tasks.earth)}, ${tasks.id}) > (${np.afterMinutes}::int, ${np.afterTaskId}::uuid))`,
      ),
    )
    .orderBy(travelOf(tasks.earth), tasks.id)
    .limit(np.limit!)
    .as("t");
  const task = Object.fromEntries(Object.keys(getTableColumns(tasks)).map((k) => [k, open[k as keyof typeof open]])) as unknown as ReturnType<typeof getTableColumns<typeof tasks>>;
  const travel = travelOf(open.earth);
  return db
    .select({
      task,
      distanceMeters: sql<number>`round(${distanceOf(open.earth)})::int`,
      travelMinutes: travel,
      employerName: employerProfiles.name,
      employerLateCancelCount: employerProfiles.lateCancelCount,
    })
    .from(workerSkills)
    .innerJoinLateral(open, sql`true`)
    .innerJoin(employerProfiles, eq(employerProfiles.userId, open.employerId))
    .where(sql`${workerSkills.workerId} = ${np.workerId}::uuid`)
    .orderBy(travel, open.id)
    .limit(np.limit!)
    .prepare("nearby_tasks");
}
const nearbyStatements = new WeakMap<DbOrTx, ReturnType<typeof prepareNearby>>();

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
