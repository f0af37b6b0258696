import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { attendanceRecords, partTimeWeekFlags, tasks } from "../../db/schema/index.js";

export type AttendanceRow = typeof attendanceRecords.$inferSelect;

/** Great-circle distance in metres by earthdistance (the same measure dispatch uses). */
export async function distanceMeters(db: DbOrTx, a: { lat: number; lng: number }, b: { lat: number; lng: number }): Promise<number> {
  const [row] = await db.execute<{ m: number }>(sql`select earth_distance(ll_to_earth(${a.lat}, ${a.lng}), ll_to_earth(${b.lat}, ${b.lng}))::float8 as m`);
  return Math.round(row!.m);
}

export async function findByEngagement(db: DbOrTx, engagementId: string): Promise<AttendanceRow | null> {
  const [row] = await db.select().from(attendanceRecords).where(eq(attendanceRecords.engagementId, engagementId));
  return row ?? null;
}

export async function findById(db: DbOrTx, id: string): Promise<AttendanceRow | null> {
  const [row] = await db.select().from(attendanceRecords).where(eq(attendanceRecords.id, id));
  return row ?? null;
}

export async function lockByEngagement(tx: DbOrTx, engagementId: string): Promise<AttendanceRow | null> {
  const [row] = await tx.select().from(attendanceRecords).where(eq(attendanceRecords.engagementId, engagementId)).for("update");
  return row ?? null;
}

export async function insertRecord(tx: DbOrTx, row: typeof attendanceRecords.$inferInsert): Promise<AttendanceRow | null> {
  const [created] = await tx.insert(attendanceRecords).values(row).onConflictDoNothing({ target: attendanceRecords.engagementId }).returning();
  return created ?? null;
}

export async function updateRecord(tx: DbOrTx, id: string, patch: Partial<typeof attendanceRecords.$inferInsert>): Promise<AttendanceRow> {
  const [row] = await tx.update(attendanceRecords).set(patch).where(eq(attendanceRecords.id, id)).returning();
  return row!;
}

/** The worker, the employer and the venue behind an attendance record, and when the work began. */
export async function partTimeFacts(db: DbOrTx, attendanceId: string) {
  const [row] = await db
    .select({ status: attendanceRecords.status, workerId: attendanceRecords.workerId, checkInAt: attendanceRecords.checkInAt, employerId: tasks.employerId, venueId: tasks.venueId })
    .from(attendanceRecords)
    .innerJoin(tasks, eq(tasks.id, attendanceRecords.taskId))
    .where(eq(attendanceRecords.id, attendanceId));
  return row ?? null;
}

/** Approved minutes of one worker with one employer for work begun in [from, to). */
export async function approvedMinutesInWeek(db: DbOrTx, q: { workerId: string; employerId: string; from: Date; to: Date }): Promise<number> {
  const [row] = await db
    .select({ minutes: sql<string>`coalesce(sum(${attendanceRecords.minutes}), 0)` })
    .from(attendanceRecords)
    .innerJoin(tasks, eq(tasks.id, attendanceRecords.taskId))
    .where(and(eq(attendanceRecords.workerId, q.workerId), eq(tasks.employerId, q.employerId), eq(attendanceRecords.status, "APPROVED"), gte(attendanceRecords.checkInAt, q.from), lt(attendanceRecords.checkInAt, q.to)));
  return Number(row!.minutes);
}

/** Flags a worker-employer week once; null when it was already flagged. */
export async function insertPartTimeFlag(db: DbOrTx, row: typeof partTimeWeekFlags.$inferInsert) {
  const [created] = await db.insert(partTimeWeekFlags).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

/** The flag of the week (Monday–Sunday, Shanghai) in which the engagement's work began, for its worker and employer. */
export async function findPartTimeFlagOfEngagement(db: DbOrTx, engagementId: string) {
  const [row] = await db
    .select({ weekStart: partTimeWeekFlags.weekStart, minutes: partTimeWeekFlags.minutes, flaggedAt: partTimeWeekFlags.flaggedAt })
    .from(attendanceRecords)
    .innerJoin(tasks, eq(tasks.id, attendanceRecords.taskId))
    .innerJoin(
      partTimeWeekFlags,
      and(
        eq(partTimeWeekFlags.workerId, attendanceRecords.workerId),
        eq(partTimeWeekFlags.employerId, tasks.employerId),
        eq(partTimeWeekFlags.weekStart, sql`date_trunc('week', ${attendanceRecords.checkInAt} at time zone 'Asia/Shanghai')::date`),
      ),
    )
    .where(eq(attendanceRecords.engagementId, engagementId));
  return row ?? null;
}
