import { and, asc, count, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { engagements, offers, workerProfiles } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";

export type OfferRow = typeof offers.$inferSelect;
export type EngagementRow = typeof engagements.$inferSelect;

export async function insertOffers(tx: DbOrTx, rows: (typeof offers.$inferInsert)[]): Promise<OfferRow[]> {
  return rows.length ? tx.insert(offers).values(rows).onConflictDoNothing().returning() : [];
}

export async function findOffer(db: DbOrTx, id: string): Promise<OfferRow | null> {
  const [offer] = await db.select().from(offers).where(eq(offers.id, id));
  return offer ?? null;
}

export async function getOffer(db: DbOrTx, id: string): Promise<OfferRow> {
  const offer = await findOffer(db, id);
  if (!offer) throw notFound("派单", id);
  return offer;
}

/** Offers of the task still waiting for an answer at `at`. */
export async function countOutstanding(db: DbOrTx, taskId: string, at: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(offers)
    .where(and(eq(offers.taskId, taskId), eq(offers.status, "OFFERED"), gt(offers.expiresAt, at)));
  return row!.n;
}

/**
 * Locks the chosen workers' profiles (in id order, so two waves cannot deadlock) and returns how many
 * outstanding offers each holds now: a wave re-checks K under the lock, so concurrent waves for
 * different tasks never push a worker past K.
 */
export async function lockWorkersAndCountOutstanding(tx: DbOrTx, workerIds: string[], at: Date): Promise<Map<string, number>> {
  if (!workerIds.length) return new Map();
  await tx
    .select({ id: workerProfiles.userId })
    .from(workerProfiles)
    .where(inArray(workerProfiles.userId, workerIds))
    .orderBy(asc(workerProfiles.userId))
    .for("no key update");
  const rows = await tx
    .select({ workerId: offers.workerId, n: count() })
    .from(offers)
    .where(and(inArray(offers.workerId, workerIds), eq(offers.status, "OFFERED"), gt(offers.expiresAt, at)))
    .groupBy(offers.workerId);
  return new Map(rows.map((r) => [r.workerId, r.n]));
}

export async function setOfferExpiryEvent(tx: DbOrTx, offerIds: string[], eventId: string): Promise<void> {
  if (offerIds.length) await tx.update(offers).set({ expiryEventId: eventId }).where(inArray(offers.id, offerIds));
}

/** Expires the wave's offers still unanswered at `at`. */
export async function expireOffers(tx: DbOrTx, taskId: string, wave: number, at: Date): Promise<OfferRow[]> {
  return tx
    .update(offers)
    .set({ status: "EXPIRED", respondedAt: at })
    .where(and(eq(offers.taskId, taskId), eq(offers.wave, wave), eq(offers.status, "OFFERED"), lte(offers.expiresAt, at)))
    .returning();
}

/** Withdraws every outstanding offer of the task (it filled or was cancelled). */
export async function withdrawOffers(tx: DbOrTx, taskId: string, at: Date): Promise<OfferRow[]> {
  return tx
    .update(offers)
    .set({ status: "WITHDRAWN", respondedAt: at })
    .where(and(eq(offers.taskId, taskId), eq(offers.status, "OFFERED")))
    .returning();
}

/** Answers an outstanding, unexpired offer; null when it was answered, withdrawn or expired before. */
export async function answerOffer(tx: DbOrTx, id: string, workerId: string, status: "ACCEPTED" | "DECLINED", at: Date): Promise<OfferRow | null> {
  const [offer] = await tx
    .update(offers)
    .set({ status, respondedAt: at })
    .where(and(eq(offers.id, id), eq(offers.workerId, workerId), eq(offers.status, "OFFERED"), gt(offers.expiresAt, at)))
    .returning();
  return offer ?? null;
}

/** The worker's outstanding offer of the task, if any (a grab or proxy accept settles it too). */
export async function acceptOpenOfferOf(tx: DbOrTx, taskId: string, workerId: string, at: Date): Promise<OfferRow | null> {
  const [offer] = await tx
    .update(offers)
    .set({ status: "ACCEPTED", respondedAt: at })
    .where(and(eq(offers.taskId, taskId), eq(offers.workerId, workerId), eq(offers.status, "OFFERED")))
    .returning();
  return offer ?? null;
}

/** Whether any offer of this wave is still outstanding (its expiry event is still needed). */
export async function waveHasOutstanding(db: DbOrTx, taskId: string, wave: number): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(offers)
    .where(and(eq(offers.taskId, taskId), eq(offers.wave, wave), eq(offers.status, "OFFERED")));
  return row!.n > 0;
}

export async function listOffersOfWorker(db: DbOrTx, workerId: string, status: OfferRow["status"] | undefined, limit: number): Promise<OfferRow[]> {
  return db
    .select()
    .from(offers)
    .where(and(eq(offers.workerId, workerId), status ? eq(offers.status, status) : undefined))
    .orderBy(desc(offers.createdAt), desc(offers.id))
    .limit(limit);
}

export async function listOffersOfTask(db: DbOrTx, taskId: string): Promise<OfferRow[]> {
  return db.select().from(offers).where(eq(offers.taskId, taskId)).orderBy(asc(offers.wave), desc(offers.createdAt));
}

export async function insertEngagement(tx: DbOrTx, row: typeof engagements.$inferInsert): Promise<EngagementRow> {
  const [engagement] = await tx.insert(engagements).values(row).returning();
  return engagement!;
}

export async function getEngagementForUpdate(tx: DbOrTx, id: string): Promise<EngagementRow> {
  const [engagement] = await tx.select().from(engagements).where(eq(engagements.id, id)).for("update");
  if (!engagement) throw notFound("用工记录", id);
  return engagement;
}

export async function findEngagement(db: DbOrTx, id: string): Promise<EngagementRow | null> {
  const [engagement] = await db.select().from(engagements).where(eq(engagements.id, id));
  return engagement ?? null;
}

export async function updateEngagement(tx: DbOrTx, id: string, patch: Partial<typeof engagements.$inferInsert>): Promise<EngagementRow> {
  const [engagement] = await tx.update(engagements).set(patch).where(eq(engagements.id, id)).returning();
  return engagement!;
}

/** Ends every live engagement of a cancelled task. */
export async function cancelLiveEngagements(tx: DbOrTx, taskId: string, at: Date, reason: string): Promise<EngagementRow[]> {
  return tx
    .update(engagements)
    .set({ status: "CANCELLED", endedAt: at, endReason: reason })
    .where(and(eq(engagements.taskId, taskId), inArray(engagements.status, ["ACTIVE", "CONFIRMED"])))
    .returning();
}

export async function countLiveEngagements(db: DbOrTx, taskId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(engagements)
    .where(and(eq(engagements.taskId, taskId), inArray(engagements.status, ["ACTIVE", "CONFIRMED"])));
  return row!.n;
}

export async function listEngagementsOfTask(db: DbOrTx, taskId: string): Promise<EngagementRow[]> {
  return db.select().from(engagements).where(eq(engagements.taskId, taskId)).orderBy(asc(engagements.acceptedAt));
}

export async function listEngagementsOfWorker(db: DbOrTx, workerId: string, limit: number): Promise<EngagementRow[]> {
  return db.select().from(engagements).where(eq(engagements.workerId, workerId)).orderBy(desc(engagements.startsAt)).limit(limit);
}

export async function incrementLateWithdrawals(tx: DbOrTx, workerId: string): Promise<void> {
  await tx
    .update(workerProfiles)
    .set({ lateWithdrawalCount: sql`${workerProfiles.lateWithdrawalCount} + 1` })
    .where(eq(workerProfiles.userId, workerId));
}

/** A worker's phone and home venue, for proxy mode; null unless an active, verified worker. */
export async function findWorkerForProxy(db: DbOrTx, workerId: string) {
  const rows = (await db.execute(sql`
    select u.phone, wp.home_venue_id as "homeVenueId", wp.real_name as "realName"
      from users u join worker_profiles wp on wp.user_id = u.id
     where u.id = ${workerId} and u.role = 'WORKER' and u.status = 'ACTIVE'`)) as unknown as { phone: string; homeVenueId: string | null; realName: string }[];
  return rows[0] ?? null;
}
