import { STANDING_COMPLAINT_STATUSES, OPEN_COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintStatus } from "@qz/shared";
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { complaintEvents, complaintEvidence, complaints, employerProfiles, engagements, labourInspectionReferrals, tasks, users, venues } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintEventRow = typeof complaintEvents.$inferSelect;
export type EvidenceRow = typeof complaintEvidence.$inferSelect;
export type ReferralRow = typeof labourInspectionReferrals.$inferSelect;

export async function insertComplaint(tx: DbOrTx, row: typeof complaints.$inferInsert): Promise<ComplaintRow> {
  const [c] = await tx.insert(complaints).values(row).returning();
  return c!;
}

export async function findComplaint(db: DbOrTx, id: string): Promise<ComplaintRow | null> {
  const [c] = await db.select().from(complaints).where(eq(complaints.id, id));
  return c ?? null;
}

export async function getComplaint(db: DbOrTx, id: string): Promise<ComplaintRow> {
  const c = await findComplaint(db, id);
  if (!c) throw notFound("投诉", id);
  return c;
}

/** Locks the row so two handlers acting at once are serialised (the second sees the first's state). */
export async function getComplaintForUpdate(tx: DbOrTx, id: string): Promise<ComplaintRow> {
  const [c] = await tx.select().from(complaints).where(eq(complaints.id, id)).for("update");
  if (!c) throw notFound("投诉", id);
  return c;
}

export async function updateComplaint(tx: DbOrTx, id: string, patch: Partial<typeof complaints.$inferInsert>): Promise<ComplaintRow> {
  const [c] = await tx.update(complaints).set(patch).where(eq(complaints.id, id)).returning();
  return c!;
}

export async function insertComplaintEvent(tx: DbOrTx, row: typeof complaintEvents.$inferInsert): Promise<void> {
  await tx.insert(complaintEvents).values(row);
}

/** The history, oldest first (ties keep insertion order through the id's creation sequence of `at`). */
export function listComplaintEvents(db: DbOrTx, complaintId: string): Promise<ComplaintEventRow[]> {
  return db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(asc(complaintEvents.at));
}

export interface ComplaintListFilter {
  /** Restricts to complaints the user filed, is the complainant of, or is the respondent of. */
  partyId?: string;
  venueId?: string;
  regionCode?: string;
  status?: ComplaintStatus;
  category?: ComplaintCategory;
  openOnly?: boolean;
  limit: number;
  offset: number;
}

export async function listComplaints(db: DbOrTx, f: ComplaintListFilter): Promise<{ items: ComplaintRow[]; total: number }> {
  const where: (SQL | undefined)[] = [
    f.partyId ? or(eq(complaints.complainantId, f.partyId), eq(complaints.respondentUserId, f.partyId)) : undefined,
    f.venueId ? eq(complaints.venueId, f.venueId) : undefined,
    f.regionCode ? eq(complaints.regionCode, f.regionCode) : undefined,
    f.status ? eq(complaints.status, f.status) : undefined,
    f.category ? eq(complaints.category, f.category) : undefined,
    f.openOnly ? inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES]) : undefined,
  ];
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    db.select().from(complaints).where(cond).orderBy(desc(complaints.createdAt), desc(complaints.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(complaints).where(cond),
  ]);
  return { items, total: total!.n };
}

/** Open wage-arrears complaints against an employer (they stop the employer posting). */
export async function countOpenWageArrears(db: DbOrTx, employerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(complaints)
    .where(and(eq(complaints.respondentUserId, employerId), eq(complaints.category, "WAGE_ARREARS"), inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES])));
  return row!.n;
}

/** Open wage-arrears complaints about one engagement whose wages are not yet recorded as paid. */
export function listUnpaidWageArrearsOfEngagement(db: DbOrTx, engagementId: string): Promise<ComplaintRow[]> {
  return db
    .select()
    .from(complaints)
    .where(and(eq(complaints.engagementId, engagementId), eq(complaints.category, "WAGE_ARREARS"), inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES]), sql`${complaints.wagesPaidAt} is null`))
    .orderBy(asc(complaints.createdAt));
}

/** Of these engagements, the ones with an open wage-arrears complaint whose wages are not yet recorded paid. */
export async function listEngagementsWithUnpaidWageArrears(db: DbOrTx, engagementIds: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: complaints.engagementId })
    .from(complaints)
    .where(
      and(
        sql`${complaints.engagementId} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(engagementIds)}::jsonb))`,
        eq(complaints.category, "WAGE_ARREARS"),
        inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES]),
        sql`${complaints.wagesPaidAt} is null`,
      ),
    );
  return rows.map((r) => r.id!);
}

/** All and standing wage-arrears complaints against an employer (shown to workers). */
export async function wageArrearsCounts(db: DbOrTx, employerId: string): Promise<{ all: number; standing: number }> {
  const [row] = await db
    .select({
      all: count(),
      standing: sql<number>`count(*) filter (where ${inArray(complaints.status, [...STANDING_COMPLAINT_STATUSES])})`.mapWith(Number),
    })
    .from(complaints)
    .where(and(eq(complaints.respondentUserId, employerId), eq(complaints.category, "WAGE_ARREARS")));
  return { all: row!.all, standing: row!.standing };
}

export async function findOpenComplaintForSettlement(db: DbOrTx, settlementId: string): Promise<ComplaintRow | null> {
  const [c] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.settlementId, settlementId), eq(complaints.category, "WAGE_ARREARS"), inArray(complaints.status, [...STANDING_COMPLAINT_STATUSES])));
  return c ?? null;
}

export async function insertEvidence(tx: DbOrTx, row: typeof complaintEvidence.$inferInsert): Promise<EvidenceRow | null> {
  const [e] = await tx.insert(complaintEvidence).values(row).onConflictDoNothing().returning();
  return e ?? null;
}

export async function findEvidenceByHash(db: DbOrTx, complaintId: string, sha256: string): Promise<EvidenceRow | null> {
  const [e] = await db.select().from(complaintEvidence).where(and(eq(complaintEvidence.complaintId, complaintId), eq(complaintEvidence.sha256, sha256)));
  return e ?? null;
}

export async function findEvidence(db: DbOrTx, id: string): Promise<EvidenceRow | null> {
  const [e] = await db.select().from(complaintEvidence).where(eq(complaintEvidence.id, id));
  return e ?? null;
}

export function listEvidence(db: DbOrTx, complaintId: string): Promise<EvidenceRow[]> {
  return db.select().from(complaintEvidence).where(eq(complaintEvidence.complaintId, complaintId)).orderBy(asc(complaintEvidence.createdAt));
}

export async function countEvidence(db: DbOrTx, complaintId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(complaintEvidence).where(eq(complaintEvidence.complaintId, complaintId));
  return row!.n;
}

export async function insertReferral(tx: DbOrTx, row: typeof labourInspectionReferrals.$inferInsert): Promise<ReferralRow | null> {
  const [r] = await tx.insert(labourInspectionReferrals).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function findReferral(db: DbOrTx, complaintId: string): Promise<ReferralRow | null> {
  const [r] = await db.select().from(labourInspectionReferrals).where(eq(labourInspectionReferrals.complaintId, complaintId));
  return r ?? null;
}

/** An active user's role, phone and name (party checks, SMS). */
export async function findActiveUser(db: DbOrTx, id: string) {
  const [u] = await db
    .select({ id: users.id, role: users.role, phone: users.phone, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, "ACTIVE")));
  return u ?? null;
}

/** Phones of users, for SMS. */
export async function listPhones(db: DbOrTx, ids: string[]): Promise<{ id: string; phone: string }[]> {
  if (!ids.length) return [];
  return db.select({ id: users.id, phone: users.phone }).from(users).where(and(inArray(users.id, ids), eq(users.status, "ACTIVE")));
}

/** County officers of a region (escalations go to them). */
export async function listCountyOfficerIds(db: DbOrTx, regionCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "COUNTY_OFFICER"), eq(users.regionCode, regionCode), eq(users.status, "ACTIVE")));
  return rows.map((r) => r.id);
}

/** A venue's public face: what its page shows anyone (recognised venues only). */
export async function findPublicVenue(db: DbOrTx, id: string) {
  const [v] = await db
    .select({ id: venues.id, name: venues.name, type: venues.type, regionCode: venues.regionCode, address: venues.address, contactPhone: venues.contactPhone, lat: venues.lat, lng: venues.lng })
    .from(venues)
    .where(and(eq(venues.id, id), eq(venues.status, "RECOGNIZED")));
  return v ?? null;
}

/** Complaints of a venue: all closed, closed in time is derived per complaint by the service. */
export async function countVenueComplaints(db: DbOrTx, venueId: string): Promise<{ open: number; closed: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES])})`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${complaints.status} = 'CLOSED')`.mapWith(Number),
    })
    .from(complaints)
    .where(eq(complaints.venueId, venueId));
  return row!;
}

// Read-only looks at the job a complaint or rating is about. Dispatch owns these rows; joining them here
// keeps each complaint check one query instead of a service call per id.

/** The task a complaint or rating links to: who employs, which venue brokered it, where. */
export async function findTaskLink(db: DbOrTx, taskId: string) {
  const [t] = await db
    .select({ id: tasks.id, employerId: tasks.employerId, venueId: tasks.venueId, regionCode: tasks.regionCode, title: tasks.title })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  return t ?? null;
}

/** An engagement with its task's employer, venue and county. */
export async function findEngagementLink(db: DbOrTx, engagementId: string) {
  const [e] = await db
    .select({
      id: engagements.id,
      taskId: engagements.taskId,
      workerId: engagements.workerId,
      status: engagements.status,
      endsAt: engagements.endsAt,
      employerId: tasks.employerId,
      venueId: tasks.venueId,
      regionCode: tasks.regionCode,
      title: tasks.title,
    })
    .from(engagements)
    .innerJoin(tasks, eq(tasks.id, engagements.taskId))
    .where(eq(engagements.id, engagementId));
  return e ?? null;
}

/** The worker's engagement on a task, if any. */
export async function findEngagementOfWorker(db: DbOrTx, taskId: string, workerId: string) {
  const [e] = await db.select({ id: engagements.id }).from(engagements).where(and(eq(engagements.taskId, taskId), eq(engagements.workerId, workerId)));
  return e ?? null;
}

export async function findEmployerLateCancelCount(db: DbOrTx, employerId: string): Promise<number | null> {
  const [p] = await db.select({ n: employerProfiles.lateCancelCount }).from(employerProfiles).where(eq(employerProfiles.userId, employerId));
  return p ? p.n : null;
}
