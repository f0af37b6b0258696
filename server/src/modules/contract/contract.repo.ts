import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { inJsonIds } from "../../db/json-rows.js";
import { contracts, contractSignatures, users } from "../../db/schema/index.js";

export type ContractRow = typeof contracts.$inferSelect;
export type SignatureRow = typeof contractSignatures.$inferSelect;

export interface EngagementFacts {
  engagementId: string;
  engagementStatus: string;
  taskId: string;
  taskTitle: string;
  taskStatus: string;
  skillName: string;
  address: string;
  lat: number;
  lng: number;
  regionCode: string;
  regionName: string;
  startsAt: Date;
  endsAt: Date;
  payRateFen: number;
  payUnit: "HOUR" | "DAY" | "PIECE";
  venueId: string;
  venueName: string;
  workerId: string;
  workerName: string;
  workerMaskedId: string;
  employerId: string;
  employerKind: "COMPANY" | "INDIVIDUAL";
  employerName: string;
  employerCreditCode: string | null;
  employerMaskedId: string | null;
}

/** Everything a contract states about an engagement, in one read (engagement, task, parties, venue, area). */
export async function loadEngagementFacts(db: DbOrTx, engagementId: string): Promise<EngagementFacts | null> {
  const [row] = await db.execute<Record<string, unknown>>(sql`
    select e.id as "engagementId", e.status as "engagementStatus", t.id as "taskId", t.title as "taskTitle", t.status as "taskStatus",
           s.name as "skillName", t.address, t.lat, t.lng, t.region_code as "regionCode", r.name as "regionName",
           e.starts_at as "startsAt", e.ends_at as "endsAt", t.pay_rate_fen::float8 as "payRateFen", t.pay_unit as "payUnit",
           v.id as "venueId", v.name as "venueName",
           wp.user_id as "workerId", wp.real_name as "workerName", wp.id_number_masked as "workerMaskedId",
           ep.user_id as "employerId", ep.kind as "employerKind", ep.name as "employerName",
           ep.credit_code as "employerCreditCode", ep.id_number_masked as "employerMaskedId"
    from engagements e
    join tasks t on t.id = e.task_id
    join skills s on s.code = t.skill_code
    join regions r on r.code = t.region_code
    join venues v on v.id = t.venue_id
    join worker_profiles wp on wp.user_id = e.worker_id
    join employer_profiles ep on ep.user_id = t.employer_id
    where e.id = ${engagementId}`);
  if (!row) return null;
  return { ...(row as unknown as EngagementFacts), startsAt: new Date(row.startsAt as string), endsAt: new Date(row.endsAt as string) };
}

export async function insertContract(tx: DbOrTx, row: typeof contracts.$inferInsert): Promise<ContractRow | null> {
  const [created] = await tx.insert(contracts).values(row).onConflictDoNothing({ target: contracts.engagementId }).returning();
  return created ?? null;
}

export async function findContract(db: DbOrTx, id: string): Promise<ContractRow | null> {
  const [row] = await db.select().from(contracts).where(eq(contracts.id, id));
  return row ?? null;
}

export async function findContractByEngagement(db: DbOrTx, engagementId: string): Promise<ContractRow | null> {
  const [row] = await db.select().from(contracts).where(eq(contracts.engagementId, engagementId));
  return row ?? null;
}

export async function findContractByHash(db: DbOrTx, hash: string): Promise<ContractRow | null> {
  const [row] = await db.select().from(contracts).where(eq(contracts.termsHash, hash));
  return row ?? null;
}

export async function getContractForUpdate(tx: DbOrTx, id: string): Promise<ContractRow | null> {
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, id)).for("update");
  return row ?? null;
}

export async function updateContract(tx: DbOrTx, id: string, patch: Partial<typeof contracts.$inferInsert>): Promise<ContractRow> {
  const [row] = await tx.update(contracts).set(patch).where(eq(contracts.id, id)).returning();
  return row!;
}

/** Updates the contract only while it is in `status`; false when it was not. */
export async function updateContractIf(tx: DbOrTx, id: string, status: ContractRow["status"], patch: Partial<typeof contracts.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(contracts)
    .set(patch)
    .where(and(eq(contracts.id, id), eq(contracts.status, status)))
    .returning({ id: contracts.id });
  return rows.length > 0;
}

/** SIGNED → COMPLETED for each of the contracts still SIGNED; how many moved. */
export async function completeSignedContracts(tx: DbOrTx, ids: string[], at: Date): Promise<number> {
  const rows = await tx
    .update(contracts)
    .set({ status: "COMPLETED", endedAt: at, updatedAt: at })
    .where(and(inJsonIds(contracts.id, ids), eq(contracts.status, "SIGNED")))
    .returning({ id: contracts.id });
  return rows.length;
}

/** The task's contracts not yet signed by both (to void when the task is cancelled). */
export function listUnsignedOfTask(tx: DbOrTx, taskId: string) {
  return tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.taskId, taskId), inArray(contracts.status, ["PENDING", "PARTIALLY_SIGNED"])))
    .for("update");
}

export function listSignatures(db: DbOrTx, contractId: string): Promise<SignatureRow[]> {
  return db.select().from(contractSignatures).where(eq(contractSignatures.contractId, contractId)).orderBy(asc(contractSignatures.seq));
}

export async function insertSignature(tx: DbOrTx, row: typeof contractSignatures.$inferInsert): Promise<SignatureRow> {
  const [created] = await tx.insert(contractSignatures).values(row).returning();
  return created!;
}

export async function phoneOf(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, userId));
  return row?.phone ?? null;
}

export function listContractsOf(db: DbOrTx, party: { workerId?: string; employerId?: string }, limit: number) {
  const where = party.workerId ? eq(contracts.workerId, party.workerId) : eq(contracts.employerId, party.employerId!);
  return db.select().from(contracts).where(where).orderBy(desc(contracts.createdAt)).limit(limit);
}
