import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { inJsonIds, insertJsonRows } from "../../db/json-rows.js";
import { contracts, engagements, placements, settlements, tasks } from "../../db/schema/index.js";

export type SettlementRow = typeof settlements.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;

export async function insertSettlement(tx: DbOrTx, row: typeof settlements.$inferInsert): Promise<SettlementRow | null> {
  const [created] = await tx.insert(settlements).values(row).onConflictDoNothing({ target: settlements.engagementId }).returning();
  return created ?? null;
}

export async function findSettlement(db: DbOrTx, id: string): Promise<SettlementRow | null> {
  const [row] = await db.select().from(settlements).where(eq(settlements.id, id));
  return row ?? null;
}

export async function findByEngagement(db: DbOrTx, engagementId: string): Promise<SettlementRow | null> {
  const [row] = await db.select().from(settlements).where(eq(settlements.engagementId, engagementId));
  return row ?? null;
}

export async function lockSettlement(tx: DbOrTx, id: string): Promise<SettlementRow | null> {
  const [row] = await tx.select().from(settlements).where(eq(settlements.id, id)).for("update");
  return row ?? null;
}

export async function updateSettlement(tx: DbOrTx, id: string, patch: Partial<typeof settlements.$inferInsert>): Promise<SettlementRow> {
  const [row] = await tx.update(settlements).set(patch).where(eq(settlements.id, id)).returning();
  return row!;
}

/**
 * Opens the next payout attempt of a CONFIRMED settlement not already at the bank (PENDING), taking its row
 * lock in the same statement; null when it is in any other state (the caller reads it).
 */
export async function startPayoutAttempt(tx: DbOrTx, id: string, at: Date): Promise<SettlementRow | null> {
  const [row] = await tx
    .update(settlements)
    .set({ payoutStatus: "PENDING", payoutAttempt: sql`${settlements.payoutAttempt} + 1`, updatedAt: at })
    .where(and(eq(settlements.id, id), eq(settlements.status, "CONFIRMED"), ne(settlements.payoutStatus, "PENDING")))
    .returning();
  return row ?? null;
}

/** Ends a payout attempt the bank answered, if it is still the one PENDING (locks the row); null otherwise. */
export async function finishPayoutAttempt(tx: DbOrTx, id: string, attempt: number, patch: Partial<typeof settlements.$inferInsert>): Promise<SettlementRow | null> {
  const [row] = await tx
    .update(settlements)
    .set(patch)
    .where(and(eq(settlements.id, id), eq(settlements.status, "CONFIRMED"), eq(settlements.payoutStatus, "PENDING"), eq(settlements.payoutAttempt, attempt)))
    .returning();
  return row ?? null;
}

export async function insertPlacement(tx: DbOrTx, row: typeof placements.$inferInsert): Promise<PlacementRow | null> {
  const [created] = await tx.insert(placements).values(row).onConflictDoNothing({ target: placements.engagementId }).returning();
  return created ?? null;
}

/** Placements of a batch of payouts, none for an engagement that has one; the ids inserted. */
export async function insertPlacements(tx: DbOrTx, rows: (typeof placements.$inferInsert)[]): Promise<{ id: string }[]> {
  return insertJsonRows<typeof placements, { id: string }>(tx, placements, rows, sql`on conflict (engagement_id) do nothing returning id`);
}

export async function findPlacement(db: DbOrTx, engagementId: string): Promise<PlacementRow | null> {
  const [row] = await db.select().from(placements).where(eq(placements.engagementId, engagementId));
  return row ?? null;
}

export type RosterFacts = {
  engagementId: string;
  source: "OFFER" | "GRAB" | "PROXY";
  workerName: string;
  gender: "MALE" | "FEMALE";
  birthDate: string;
  idNumberMasked: string;
  phone: string;
  hardToEmploy: boolean;
  zeroEmploymentFamily: boolean;
  employerName: string;
  taskTitle: string;
  skillCode: string;
  contractId: string | null;
  contractStatus: string | null;
  startsAt: string | null;
};

/** The 附件5 roster facts of engagements' workers, employers and tasks, with their contract's id, status and start. */
export async function rosterFactsOf(db: DbOrTx, engagementIds: string[]): Promise<Map<string, RosterFacts>> {
  if (!engagementIds.length) return new Map();
  const rows = await db.execute<RosterFacts>(sql`
    select e.id as "engagementId", e.source, wp.real_name as "workerName", wp.gender, wp.birth_date::text as "birthDate", wp.id_number_masked as "idNumberMasked",
           u.phone, wp.hard_to_employ as "hardToEmploy", wp.zero_employment_family as "zeroEmploymentFamily",
           ep.name as "employerName", t.title as "taskTitle", t.skill_code as "skillCode",
           c.id as "contractId", c.status as "contractStatus", c.terms->'window'->>'startsAt' as "startsAt"
    from engagements e join tasks t on t.id = e.task_id left join contracts c on c.engagement_id = e.id
    join worker_profiles wp on wp.user_id = e.worker_id join users u on u.id = e.worker_id
    join employer_profiles ep on ep.user_id = t.employer_id
    where ${inJsonIds(sql`e.id`, engagementIds)}`);
  return new Map([...rows].map((r) => [r.engagementId, r]));
}

/** One engagement's roster facts (rosterFactsOf). */
export async function rosterFacts(db: DbOrTx, engagementId: string): Promise<RosterFacts | null> {
  return (await rosterFactsOf(db, [engagementId])).get(engagementId) ?? null;
}

/** Locks settlements in id order (one order for every batch, so two batches never deadlock). */
export async function lockSettlements(tx: DbOrTx, ids: string[]): Promise<{ id: string }[]> {
  return ids.length ? tx.select({ id: settlements.id }).from(settlements).where(inJsonIds(settlements.id, ids)).orderBy(asc(settlements.id)).for("update") : [];
}

export async function findSettlements(db: DbOrTx, ids: string[]): Promise<SettlementRow[]> {
  return ids.length ? db.select().from(settlements).where(inJsonIds(settlements.id, ids)) : [];
}

/** Confirmed settlements not at the bank, oldest first, but `exceptId`: what a payout job pays along with its own (批量代发). */
export async function findPayableIds(db: DbOrTx, limit: number, exceptId: string): Promise<string[]> {
  const rows = await db
    .select({ id: settlements.id })
    .from(settlements)
    .where(and(eq(settlements.status, "CONFIRMED"), ne(settlements.payoutStatus, "PENDING"), ne(settlements.id, exceptId)))
    .orderBy(asc(settlements.submittedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Opens the next attempt of each CONFIRMED settlement not at the bank, among `ids` (locked first by the caller). */
export async function startPayoutAttempts(tx: DbOrTx, ids: string[], at: Date): Promise<SettlementRow[]> {
  if (!ids.length) return [];
  return tx
    .update(settlements)
    .set({ payoutStatus: "PENDING", payoutAttempt: sql`${settlements.payoutAttempt} + 1`, updatedAt: at })
    .where(and(inJsonIds(settlements.id, ids), eq(settlements.status, "CONFIRMED"), ne(settlements.payoutStatus, "PENDING")))
    .returning();
}

/** PAID for each settlement whose attempt is still the one PENDING (rows locked first by the caller); their ids. */
export async function markPaidMany(tx: DbOrTx, paid: { id: string; attempt: number; providerRef: string }[], at: Date): Promise<string[]> {
  if (!paid.length) return [];
  const rows = await tx.execute<{ id: string }>(sql`
    update settlements s set status = 'PAID', paid_at = ${at.toISOString()}::timestamptz, payout_status = 'SETTLED', provider_ref = v.ref, updated_at = ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(paid.map((p) => ({ id: p.id, attempt: p.attempt, ref: p.providerRef })))}::jsonb) as v(id uuid, attempt int, ref text)
    where s.id = v.id and s.status = 'CONFIRMED' and s.payout_status = 'PENDING' and s.payout_attempt = v.attempt
    returning s.id`);
  return [...rows].map((r) => r.id);
}

/** A task for its late-cancellation fees, its row locked (one fee run per task at a time). */
export async function lockTaskForFees(tx: DbOrTx, taskId: string) {
  const [row] = await tx
    .select({ id: tasks.id, status: tasks.status, lateCancellation: tasks.lateCancellation, employerId: tasks.employerId, venueId: tasks.venueId, regionCode: tasks.regionCode, title: tasks.title, payRateFen: tasks.payRateFen, payUnit: tasks.payUnit, startsAt: tasks.startsAt, endsAt: tasks.endsAt })
    .from(tasks)
    .where(eq(tasks.id, taskId))
    .for("update");
  return row ?? null;
}

/** The seats a task's cancellation ended (engagements CANCELLED with it), with their contract's id and terms if drafted. */
export async function listCancelledSeats(db: DbOrTx, taskId: string) {
  return db
    .select({ engagementId: engagements.id, workerId: engagements.workerId, contractId: contracts.id, terms: contracts.terms })
    .from(engagements)
    .leftJoin(contracts, eq(contracts.engagementId, engagements.id))
    .where(and(eq(engagements.taskId, taskId), eq(engagements.status, "CANCELLED")))
    .orderBy(asc(engagements.id));
}

export async function listTaskSettlements(db: DbOrTx, taskId: string): Promise<SettlementRow[]> {
  return db.select().from(settlements).where(eq(settlements.taskId, taskId));
}
