import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { placements, settlements } from "../../db/schema/index.js";

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

export async function findPlacement(db: DbOrTx, engagementId: string): Promise<PlacementRow | null> {
  const [row] = await db.select().from(placements).where(eq(placements.engagementId, engagementId));
  return row ?? null;
}

/** The 附件5 roster facts of an engagement's worker, employer and task, with its contract's id, status and start. */
export async function rosterFacts(db: DbOrTx, engagementId: string) {
  const [row] = await db.execute<{
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
  }>(sql`
    select e.source, wp.real_name as "workerName", wp.gender, wp.birth_date::text as "birthDate", wp.id_number_masked as "idNumberMasked",
           u.phone, wp.hard_to_employ as "hardToEmploy", wp.zero_employment_family as "zeroEmploymentFamily",
           ep.name as "employerName", t.title as "taskTitle", t.skill_code as "skillCode",
           c.id as "contractId", c.status as "contractStatus", c.terms->'window'->>'startsAt' as "startsAt"
    from engagements e join tasks t on t.id = e.task_id left join contracts c on c.engagement_id = e.id
    join worker_profiles wp on wp.user_id = e.worker_id join users u on u.id = e.worker_id
    join employer_profiles ep on ep.user_id = t.employer_id
    where e.id = ${engagementId}`);
  return row ?? null;
}
