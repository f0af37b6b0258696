import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { ratings, userBlocks } from "../../db/schema/index.js";

export type RatingRow = typeof ratings.$inferSelect;

export async function insertRating(tx: DbOrTx, row: typeof ratings.$inferInsert): Promise<RatingRow | null> {
  const [r] = await tx.insert(ratings).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function findRating(db: DbOrTx, engagementId: string, side: RatingRow["side"]): Promise<RatingRow | null> {
  const [r] = await db.select().from(ratings).where(and(eq(ratings.engagementId, engagementId), eq(ratings.side, side)));
  return r ?? null;
}

export async function findRatingById(db: DbOrTx, id: string): Promise<RatingRow | null> {
  const [r] = await db.select().from(ratings).where(eq(ratings.id, id));
  return r ?? null;
}

export function listRatingsOfEngagement(db: DbOrTx, engagementId: string): Promise<RatingRow[]> {
  return db.select().from(ratings).where(eq(ratings.engagementId, engagementId));
}

/** How many ratings of each star count a user received on one side. */
export async function starCounts(db: DbOrTx, rateeId: string, side: RatingRow["side"]): Promise<Record<1 | 2 | 3 | 4 | 5, number>> {
  const rows = await db
    .select({ stars: ratings.stars, n: sql<number>`count(*)`.mapWith(Number) })
    .from(ratings)
    .where(and(eq(ratings.rateeId, rateeId), eq(ratings.side, side)))
    .groupBy(ratings.stars);
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of rows) counts[r.stars as 1 | 2 | 3 | 4 | 5] = r.n;
  return counts;
}

// Blocks live in dispatch's user_blocks table (dispatch reads them to skip offers and grabs both ways);
// ratings are where a side decides to block, so the writes are here.

/** True when a new block was written. */
export async function insertBlock(tx: DbOrTx, blockerId: string, blockedId: string, reason: string | null): Promise<boolean> {
  const rows = await tx.insert(userBlocks).values({ blockerId, blockedId, reason }).onConflictDoNothing().returning({ id: userBlocks.blockerId });
  return rows.length > 0;
}

export async function deleteBlock(tx: DbOrTx, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = await tx.delete(userBlocks).where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId))).returning({ id: userBlocks.blockerId });
  return rows.length > 0;
}

export function listBlocksBy(db: DbOrTx, blockerId: string) {
  return db.select().from(userBlocks).where(eq(userBlocks.blockerId, blockerId));
}

/** Whether two users ever shared a job (one was engaged on the other's task): only then may one block the other. */
export async function haveWorkedTogether(db: DbOrTx, a: string, b: string): Promise<boolean> {
  const rows = await db.execute(sql`select 1 from engagements e join tasks t on t.id = e.task_id
    where (e.worker_id = ${a} and t.employer_id = ${b}) or (e.worker_id = ${b} and t.employer_id = ${a}) limit 1`);
  return rows.length > 0;
}
