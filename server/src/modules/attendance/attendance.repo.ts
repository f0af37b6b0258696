import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { attendanceRecords } from "../../db/schema/index.js";

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
