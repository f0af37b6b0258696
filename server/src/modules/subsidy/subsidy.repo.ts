import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { countySubsidyBudgets, subsidyApplications, subsidyFundUses, subsidyObjections, venues } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";

export type ApplicationRow = typeof subsidyApplications.$inferSelect;
export type ObjectionRow = typeof subsidyObjections.$inferSelect;
export type FundUseRow = typeof subsidyFundUses.$inferSelect;

/** Statuses whose amount is drawn on the county budget. */
export const COMMITTED = ["PUBLIC_NOTICE", "APPROVED", "PAID"] as const;

export async function insertApplication(tx: DbOrTx, row: typeof subsidyApplications.$inferInsert): Promise<ApplicationRow | null> {
  const [inserted] = await tx.insert(subsidyApplications).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function getApplication(db: DbOrTx, id: string, lock = false): Promise<ApplicationRow> {
  const q = db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("补助申请", id);
  return row;
}

export async function updateApplication(tx: DbOrTx, id: string, set: Partial<typeof subsidyApplications.$inferInsert>): Promise<ApplicationRow> {
  const [row] = await tx.update(subsidyApplications).set({ ...set, updatedAt: new Date() }).where(eq(subsidyApplications.id, id)).returning();
  return row!;
}

export async function listApplicationsOfVenue(db: DbOrTx, venueId: string, kind: ApplicationRow["kind"]) {
  return db.select().from(subsidyApplications).where(and(eq(subsidyApplications.venueId, venueId), eq(subsidyApplications.kind, kind)));
}

export async function findPerformanceApplication(db: DbOrTx, venueId: string, year: number): Promise<ApplicationRow | null> {
  const [row] = await db
    .select()
    .from(subsidyApplications)
    .where(and(eq(subsidyApplications.venueId, venueId), eq(subsidyApplications.year, year), eq(subsidyApplications.kind, "PERFORMANCE")))
    .for("update");
  return row ?? null;
}

export interface ApplicationFilter {
  venueId?: string;
  regionCode?: string;
  year?: number;
  kind?: ApplicationRow["kind"];
  statuses?: ApplicationRow["status"][];
  limit: number;
  offset: number;
}

export async function listApplications(db: DbOrTx, f: ApplicationFilter) {
  const conds: SQL[] = [];
  if (f.venueId) conds.push(eq(subsidyApplications.venueId, f.venueId));
  if (f.regionCode) conds.push(eq(subsidyApplications.regionCode, f.regionCode));
  if (f.year) conds.push(eq(subsidyApplications.year, f.year));
  if (f.kind) conds.push(eq(subsidyApplications.kind, f.kind));
  if (f.statuses?.length) conds.push(inArray(subsidyApplications.status, f.statuses));
  const where = conds.length ? and(...conds) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select({ application: subsidyApplications, venueName: venues.name, venueType: venues.type })
      .from(subsidyApplications)
      .innerJoin(venues, eq(venues.id, subsidyApplications.venueId))
      .where(where)
      .orderBy(desc(subsidyApplications.year), asc(subsidyApplications.regionCode), asc(venues.name))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(subsidyApplications).where(where),
  ]);
  return { items, total: count!.n };
}

/** Locks the county-year budget row: approvals against one budget queue on it. */
export async function getBudgetForUpdate(tx: DbOrTx, regionCode: string, year: number) {
  const [row] = await tx.select().from(countySubsidyBudgets).where(and(eq(countySubsidyBudgets.regionCode, regionCode), eq(countySubsidyBudgets.year, year))).for("update");
  return row ?? null;
}

export async function upsertBudget(tx: DbOrTx, row: typeof countySubsidyBudgets.$inferInsert) {
  const [saved] = await tx
    .insert(countySubsidyBudgets)
    .values(row)
    .onConflictDoUpdate({ target: [countySubsidyBudgets.regionCode, countySubsidyBudgets.year], set: { amountFen: row.amountFen, setBy: row.setBy, updatedAt: new Date() } })
    .returning();
  return saved!;
}

/** What the county-year's budget already carries (in notice, approved or paid), other than `exceptId`. */
export async function committedFen(db: DbOrTx, regionCode: string, year: number, exceptId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(coalesce(${subsidyApplications.paidFen}, ${subsidyApplications.amountFen})), 0)` })
    .from(subsidyApplications)
    .where(and(eq(subsidyApplications.regionCode, regionCode), eq(subsidyApplications.year, year), inArray(subsidyApplications.status, [...COMMITTED]), exceptId ? ne(subsidyApplications.id, exceptId) : undefined));
  return Number(row!.n);
}

export async function insertObjection(tx: DbOrTx, row: typeof subsidyObjections.$inferInsert): Promise<ObjectionRow> {
  const [inserted] = await tx.insert(subsidyObjections).values(row).returning();
  return inserted!;
}

export async function getObjectionForUpdate(tx: DbOrTx, id: string): Promise<ObjectionRow> {
  const [row] = await tx.select().from(subsidyObjections).where(eq(subsidyObjections.id, id)).for("update");
  if (!row) throw notFound("异议", id);
  return row;
}

export async function updateObjection(tx: DbOrTx, id: string, set: Partial<typeof subsidyObjections.$inferInsert>): Promise<ObjectionRow> {
  const [row] = await tx.update(subsidyObjections).set(set).where(eq(subsidyObjections.id, id)).returning();
  return row!;
}

export async function listObjections(db: DbOrTx, applicationId: string): Promise<ObjectionRow[]> {
  return db.select().from(subsidyObjections).where(eq(subsidyObjections.applicationId, applicationId)).orderBy(asc(subsidyObjections.createdAt));
}

export async function insertFundUse(tx: DbOrTx, row: typeof subsidyFundUses.$inferInsert): Promise<FundUseRow> {
  const [inserted] = await tx.insert(subsidyFundUses).values(row).returning();
  return inserted!;
}

export async function spentFen(db: DbOrTx, applicationId: string): Promise<number> {
  const [row] = await db.select({ n: sql<string>`coalesce(sum(${subsidyFundUses.amountFen}), 0)` }).from(subsidyFundUses).where(eq(subsidyFundUses.applicationId, applicationId));
  return Number(row!.n);
}

export async function listFundUses(db: DbOrTx, applicationId: string): Promise<FundUseRow[]> {
  return db.select().from(subsidyFundUses).where(eq(subsidyFundUses.applicationId, applicationId)).orderBy(asc(subsidyFundUses.spentOn), asc(subsidyFundUses.createdAt));
}

/** Paid grants with what was spent per category: the county's use-of-funds report. */
export async function fundReport(db: DbOrTx, f: { regionCode?: string; year?: number }) {
  return db.execute<{ application_id: string; venue_name: string; region_code: string; year: number; kind: string; paid_fen: string; spent_fen: string; by_category: Record<string, number> | null }>(sql`
    select a.id as application_id, v.name as venue_name, a.region_code, a.year, a.kind, a.paid_fen,
      coalesce((select sum(u.amount_fen) from subsidy_fund_uses u where u.application_id = a.id), 0) as spent_fen,
      (select jsonb_object_agg(category, total) from (select u.category, sum(u.amount_fen)::bigint as total from subsidy_fund_uses u where u.application_id = a.id group by u.category) c) as by_category
    from subsidy_applications a join venues v on v.id = a.venue_id
    where a.status = 'PAID' ${f.regionCode ? sql`and a.region_code = ${f.regionCode}` : sql``} ${f.year ? sql`and a.year = ${f.year}` : sql``}
    order by a.region_code, v.name, a.year`);
}

/** 附件7 per county: grants approved and paid in the year, by kind, and the budget. */
export async function grantSummary(db: DbOrTx, year: number, regionCode?: string) {
  return db.execute<{ region_code: string; one_time_paid_fen: string; performance_paid_fen: string; approved_fen: string; budget_fen: string | null }>(sql`
    select r.code as region_code,
      coalesce(sum(a.paid_fen) filter (where a.kind = 'ONE_TIME' and a.status = 'PAID'), 0)::bigint as one_time_paid_fen,
      coalesce(sum(a.paid_fen) filter (where a.kind = 'PERFORMANCE' and a.status = 'PAID'), 0)::bigint as performance_paid_fen,
      coalesce(sum(a.amount_fen) filter (where a.status in ('APPROVED', 'PAID')), 0)::bigint as approved_fen,
      (select b.amount_fen from county_subsidy_budgets b where b.region_code = r.code and b.year = ${year}) as budget_fen
    from regions r left join subsidy_applications a on a.region_code = r.code and a.year = ${year}
    ${regionCode ? sql`where r.code = ${regionCode}` : sql``}
    group by r.code`);
}
