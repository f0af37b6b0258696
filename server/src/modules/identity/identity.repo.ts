import DataLoader from "dataloader";
import { and, asc, eq, getTableColumns, ilike, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { employerProfiles, refreshTokens, tasks, users, venues, workerProfiles, workerSkills } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";

export type UserRow = typeof users.$inferSelect;
export type WorkerProfileRow = typeof workerProfiles.$inferSelect;
export type EmployerProfileRow = typeof employerProfiles.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function findUserByPhone(db: DbOrTx, phone: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.phone, phone));
  return row ?? null;
}

// `me` runs on every screen: a prepared statement skips drizzle's query building on the hot path.
const userByIdStatements = new WeakMap<DbOrTx, ReturnType<typeof prepareUserById>>();
const prepareUserById = (db: DbOrTx) => db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare("user_by_id");

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  let statement = userByIdStatements.get(db);
  if (!statement) userByIdStatements.set(db, (statement = prepareUserById(db)));
  const [row] = await statement.execute({ id });
  return row ?? null;
}

export async function getUserById(db: DbOrTx, id: string): Promise<UserRow> {
  const row = await findUserById(db, id);
  if (!row) throw notFound("用户", id);
  return row;
}

/** A user as the signed-in caller reads it (`me`): everything but the password hash. */
export type UserRecord = Omit<UserRow, "passwordHash">;
const { passwordHash: _hash, ...userRecordColumns } = getTableColumns(users);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads users by id for `me`, which every screen asks first. Reads that arrive in the same turn of the event
 * loop (many users' requests at once) go to PostgreSQL as one statement, `id = any($1)`: one round trip and one
 * socket write for all of them instead of one each, which is most of what `me` costs beyond the HTTP request.
 * Nothing is kept between turns (no cache): each request gets the row as it is when its statement runs.
 */
export function createUserReader(db: Db): (id: string) => Promise<UserRecord | null> {
  const statement = db
    .select(userRecordColumns)
    .from(users)
    .where(sql`${users.id} = any(${sql.placeholder("ids")}::uuid[])`)
    .prepare("users_by_ids");
  const loader = new DataLoader<string, UserRecord | null>(
    async (ids) => {
      const rows = await statement.execute({ ids: [...new Set(ids)] });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    // cache: false — a batch only shares a round trip; the next request reads again.
    { cache: false, maxBatchSize: 200, batchScheduleFn: (run) => setImmediate(run) },
  );
  // A malformed id would fail the whole batch's uuid cast, and so other users' reads: it is nobody.
  return (id) => (UUID.test(id) ? loader.load(id) : Promise.resolve(null));
}

export async function insertUser(tx: DbOrTx, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await tx.insert(users).values(row).returning();
  return inserted!;
}

/** Replaces the password hash (password reset). */
export async function updateUserPassword(tx: DbOrTx, userId: string, passwordHash: string, at: Date): Promise<void> {
  await tx.update(users).set({ passwordHash, updatedAt: at }).where(eq(users.id, userId));
}

export async function findWorkerByBlindIndex(db: DbOrTx, blindIndex: string): Promise<WorkerProfileRow | null> {
  const [row] = await db.select().from(workerProfiles).where(eq(workerProfiles.idNumberBlindIndex, blindIndex));
  return row ?? null;
}

export async function insertWorkerProfile(
  tx: DbOrTx,
  profile: typeof workerProfiles.$inferInsert,
  skills: { skillCode: string; level: number }[],
): Promise<WorkerProfileRow> {
  const [row] = await tx.insert(workerProfiles).values(profile).returning();
  if (skills.length) await tx.insert(workerSkills).values(skills.map((s) => ({ ...s, workerId: row!.userId })));
  return row!;
}

/** A worker's profile with the county of their home venue (null without one), for scope checks. */
export async function findWorkerWithHomeRegion(db: DbOrTx, userId: string): Promise<{ profile: WorkerProfileRow; homeRegionCode: string | null } | null> {
  const [row] = await db
    .select({ profile: workerProfiles, homeRegionCode: venues.regionCode })
    .from(workerProfiles)
    .leftJoin(venues, eq(venues.id, workerProfiles.homeVenueId))
    .where(eq(workerProfiles.userId, userId));
  return row ?? null;
}

/** Sets verified_at once; null when it was already set (so a repeat writes and audits nothing). */
export async function markWorkerVerified(tx: DbOrTx, userId: string, at: Date): Promise<WorkerProfileRow | null> {
  const [row] = await tx
    .update(workerProfiles)
    .set({ verifiedAt: at, updatedAt: at })
    .where(and(eq(workerProfiles.userId, userId), isNull(workerProfiles.verifiedAt)))
    .returning();
  return row ?? null;
}

export async function listWorkerProfilesByUserIds(db: DbOrTx, ids: readonly string[]): Promise<WorkerProfileRow[]> {
  return ids.length ? db.select().from(workerProfiles).where(inArray(workerProfiles.userId, [...ids])) : [];
}

export async function listEmployerProfilesByUserIds(db: DbOrTx, ids: readonly string[]): Promise<EmployerProfileRow[]> {
  return ids.length ? db.select().from(employerProfiles).where(inArray(employerProfiles.userId, [...ids])) : [];
}

export async function listSkillsByWorkerIds(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(workerSkills)
    .where(inArray(workerSkills.workerId, [...ids]))
    .orderBy(asc(workerSkills.skillCode));
}

export async function findEmployer(
  db: DbOrTx,
  by: { creditCode: string } | { idBlindIndex: string },
): Promise<EmployerProfileRow | null> {
  const where =
    "creditCode" in by
      ? eq(employerProfiles.creditCode, by.creditCode)
      : eq(employerProfiles.idNumberBlindIndex, by.idBlindIndex);
  const [row] = await db.select().from(employerProfiles).where(where);
  return row ?? null;
}

export async function insertEmployerProfile(tx: DbOrTx, row: typeof employerProfiles.$inferInsert) {
  const [inserted] = await tx.insert(employerProfiles).values(row).returning();
  return inserted!;
}

/** A venue's staff accounts (a handful per venue), oldest first. */
export async function listVenueStaff(db: DbOrTx, venueId: string): Promise<UserRow[]> {
  return db.select().from(users).where(and(eq(users.role, "VENUE_STAFF"), eq(users.venueId, venueId))).orderBy(asc(users.createdAt), asc(users.id)).limit(200);
}

export interface WorkerListFilter {
  venueId?: string;
  regionCode?: string;
  skillCode?: string;
  /** A worker by one of: part of the real name, the exact mobile number, the ID number's blind index. */
  search?: { name: string } | { phone: string } | { idBlindIndex: string };
  limit: number;
  offset: number;
}

/** Workers registered to a venue (or any venue of a county), newest first, with the total count. */
export async function listWorkers(db: DbOrTx, f: WorkerListFilter) {
  const conds: SQL[] = [];
  if (f.venueId) conds.push(eq(workerProfiles.homeVenueId, f.venueId));
  if (f.regionCode) conds.push(eq(venues.regionCode, f.regionCode));
  if (f.skillCode)
    conds.push(
      sql`exists (select 1 from ${workerSkills} ws where ws.worker_id = ${workerProfiles.userId} and ws.skill_code = ${f.skillCode})`,
    );
  if (f.search && "name" in f.search) conds.push(ilike(workerProfiles.realName, `%${f.search.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
  if (f.search && "phone" in f.search) conds.push(sql`exists (select 1 from ${users} u where u.id = ${workerProfiles.userId} and u.phone = ${f.search.phone})`);
  if (f.search && "idBlindIndex" in f.search) conds.push(eq(workerProfiles.idNumberBlindIndex, f.search.idBlindIndex));
  const where = conds.length ? and(...conds) : undefined;
  const base = db.select().from(workerProfiles).leftJoin(venues, eq(venues.id, workerProfiles.homeVenueId)).where(where);
  const [rows, [count]] = await Promise.all([
    base.orderBy(sql`${workerProfiles.createdAt} desc, ${workerProfiles.userId}`).limit(f.limit).offset(f.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(workerProfiles)
      .leftJoin(venues, eq(venues.id, workerProfiles.homeVenueId))
      .where(where),
  ]);
  return { items: rows.map((r) => r.worker_profiles), total: count!.n };
}

export interface EmployerListFilter {
  /** Staff: employers with tasks brokered by this venue. */
  venueId?: string;
  /** County officers: employers registered in the county or with tasks there. */
  regionCode?: string;
  /** Part of the name, the exact mobile number, the credit code or the ID number's blind index. */
  search?: { name: string } | { phone: string } | { creditCode: string; idBlindIndex?: string };
  limit: number;
  offset: number;
}

/** Employers in a scope, newest first, with their tasks in that scope counted and the total. */
export async function listEmployers(db: DbOrTx, f: EmployerListFilter) {
  const taskScope = f.venueId ? sql`t.venue_id = ${f.venueId}` : f.regionCode ? sql`t.region_code = ${f.regionCode}` : sql`true`;
  const conds: SQL[] = [];
  if (f.venueId) conds.push(sql`exists (select 1 from ${tasks} t where t.employer_id = ${employerProfiles.userId} and ${taskScope})`);
  if (f.regionCode)
    conds.push(sql`(${employerProfiles.regionCode} = ${f.regionCode} or exists (select 1 from ${tasks} t where t.employer_id = ${employerProfiles.userId} and ${taskScope}))`);
  const s = f.search;
  if (s && "name" in s) conds.push(ilike(employerProfiles.name, `%${s.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
  if (s && "phone" in s) conds.push(eq(users.phone, s.phone));
  if (s && "creditCode" in s)
    conds.push(s.idBlindIndex ? sql`(${employerProfiles.creditCode} = ${s.creditCode} or ${employerProfiles.idNumberBlindIndex} = ${s.idBlindIndex})` : eq(employerProfiles.creditCode, s.creditCode));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        profile: employerProfiles,
        phone: users.phone,
        taskCount: sql<number>`(select count(*)::int from ${tasks} t where t.employer_id = ${employerProfiles.userId} and ${taskScope})`,
      })
      .from(employerProfiles)
      .innerJoin(users, eq(users.id, employerProfiles.userId))
      .where(where)
      .orderBy(sql`${employerProfiles.createdAt} desc, ${employerProfiles.userId}`)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(employerProfiles).innerJoin(users, eq(users.id, employerProfiles.userId)).where(where),
  ]);
  return { items: rows, total: count!.n };
}

// Refresh tokens

export async function insertRefreshToken(tx: DbOrTx, row: typeof refreshTokens.$inferInsert): Promise<void> {
  await tx.insert(refreshTokens).values(row);
}

/** Locks the token row so two concurrent refreshes cannot both rotate it. */
export async function findRefreshTokenForUpdate(tx: DbOrTx, tokenHash: string): Promise<RefreshTokenRow | null> {
  const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for("update");
  return row ?? null;
}

/** The token without a lock: for reading the state of a rotated token's successor. */
export async function findRefreshToken(db: DbOrTx, tokenHash: string): Promise<RefreshTokenRow | null> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row ?? null;
}

/** Retires a token, keeping the pair it was rotated into (sealed) for the refresh grace window. */
export async function markRefreshTokenRotated(tx: DbOrTx, id: string, at: Date, successorSealed: string): Promise<void> {
  await tx.update(refreshTokens).set({ rotatedAt: at, successorSealed }).where(eq(refreshTokens.id, id));
}

/**
 * Revokes every live token of a user, whatever the family; returns the families (sessions) that may still
 * have valid access tokens: a family whose tokens all expired issued its last access token long ago.
 */
export async function revokeRefreshTokensOfUser(tx: DbOrTx, userId: string, at: Date, reason: string): Promise<string[]> {
  const rows = await tx
    .update(refreshTokens)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .returning({ familyId: refreshTokens.familyId, expiresAt: refreshTokens.expiresAt });
  return [...new Set(rows.filter((r) => r.expiresAt > at).map((r) => r.familyId))];
}

/** Revokes every live token of a family; returns how many it revoked. */
export async function revokeRefreshFamily(tx: DbOrTx, familyId: string, at: Date, reason: string): Promise<number> {
  const rows = await tx
    .update(refreshTokens)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}
