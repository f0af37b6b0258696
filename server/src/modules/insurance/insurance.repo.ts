import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { insuranceEvidence } from "../../db/schema/index.js";

export type EvidenceRow = typeof insuranceEvidence.$inferSelect;

export interface EngagementFacts {
  engagementId: string;
  taskId: string;
  workerId: string;
  employerId: string;
  venueId: string;
  regionCode: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
}

/** The engagement and its task: who, where (venue, area) and the work window. */
export async function findEngagementFacts(db: DbOrTx, engagementId: string): Promise<EngagementFacts | null> {
  const rows = await db.execute<{ engagement_id: string; task_id: string; worker_id: string; employer_id: string; venue_id: string; region_code: string; starts_at: string; ends_at: string; created_at: string }>(sql`
    select e.id as engagement_id, e.task_id, e.worker_id, t.employer_id, t.venue_id, t.region_code, e.starts_at, e.ends_at, e.created_at
    from engagements e join tasks t on t.id = e.task_id where e.id = ${engagementId}`);
  const r = rows[0];
  if (!r) return null;
  return {
    engagementId: r.engagement_id,
    taskId: r.task_id,
    workerId: r.worker_id,
    employerId: r.employer_id,
    venueId: r.venue_id,
    regionCode: r.region_code,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    createdAt: new Date(r.created_at),
  };
}

export async function findEvidence(db: DbOrTx, engagementId: string): Promise<EvidenceRow | null> {
  const [row] = await db.select().from(insuranceEvidence).where(eq(insuranceEvidence.engagementId, engagementId));
  return row ?? null;
}

/** 接单: the first record of an engagement wins; a second delivery changes nothing. */
export async function insertTaken(tx: DbOrTx, row: typeof insuranceEvidence.$inferInsert): Promise<void> {
  await tx.insert(insuranceEvidence).values(row).onConflictDoNothing({ target: insuranceEvidence.engagementId });
}

/** 报酬结算: set once (the trigger refuses a change afterwards). */
export async function updatePaid(tx: DbOrTx, engagementId: string, paid: { paidAt: Date; paidEventId: string; placementId: string; updatedAt: Date }): Promise<void> {
  await tx
    .update(insuranceEvidence)
    .set(paid)
    .where(and(eq(insuranceEvidence.engagementId, engagementId), isNull(insuranceEvidence.paidAt)));
}

export async function updatePolicyRef(tx: DbOrTx, engagementId: string, policyRef: string, at: Date): Promise<void> {
  await tx
    .update(insuranceEvidence)
    .set({ policyRef, updatedAt: at })
    .where(and(eq(insuranceEvidence.engagementId, engagementId), isNull(insuranceEvidence.policyRef)));
}

/** Of these engagements: which exist, and which already have evidence (one round trip for a batch of placements). */
export async function engagementsWithEvidence(db: DbOrTx, engagementIds: string[]): Promise<{ engagementId: string; exists: boolean; evidenced: boolean }[]> {
  const rows = await db.execute<{ id: string; exists: boolean; evidenced: boolean }>(sql`
    select i.id, exists (select 1 from engagements e where e.id = i.id) as exists,
      exists (select 1 from insurance_evidence v where v.engagement_id = i.id) as evidenced
    from (select distinct value::uuid as id from jsonb_array_elements_text(${JSON.stringify(engagementIds)}::jsonb)) i`);
  return rows.map((r) => ({ engagementId: r.id, exists: r.exists, evidenced: r.evidenced }));
}

/** 报酬结算 of many engagements in one statement: set once each (a paid one is left as it is). */
export async function updatePaidMany(tx: DbOrTx, rows: { engagementId: string; paidAt: Date; paidEventId: string; placementId: string }[], at: Date): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`
    update insurance_evidence v set paid_at = r.paid_at, paid_event_id = r.paid_event_id, placement_id = r.placement_id, updated_at = ${at.toISOString()}::timestamptz
    from (select distinct on (engagement_id) * from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ engagement_id: r.engagementId, paid_at: r.paidAt.toISOString(), paid_event_id: r.paidEventId, placement_id: r.placementId })))}::jsonb)
      as x(engagement_id uuid, paid_at timestamptz, paid_event_id uuid, placement_id uuid)) r
    where v.engagement_id = r.engagement_id and v.paid_at is null`);
}
