import { and, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { inJsonIds } from "../../db/json-rows.js";
import { payoutReconciliationDifferences, payoutReconciliations, settlements, users } from "../../db/schema/index.js";

export type ReconciliationRow = typeof payoutReconciliations.$inferSelect;
export type DifferenceRow = typeof payoutReconciliationDifferences.$inferSelect;

/** A settlement's payout as the platform's books have it (its latest attempt). */
export interface PayoutFacts {
  settlementId: string;
  attempt: number;
  amountFen: number;
  payoutStatus: "NONE" | "PENDING" | "SETTLED" | "FAILED";
  venueId: string;
  regionCode: string;
}

const facts = {
  settlementId: settlements.id,
  attempt: settlements.payoutAttempt,
  amountFen: settlements.totalFen,
  payoutStatus: settlements.payoutStatus,
  venueId: settlements.venueId,
  regionCode: settlements.regionCode,
};

/** Payouts the platform paid in [from, to), or sent to the bank then and still waiting for its answer. */
export async function listPayoutsBetween(db: DbOrTx, from: Date, to: Date): Promise<PayoutFacts[]> {
  const inDay = (col: typeof settlements.paidAt | typeof settlements.updatedAt) => sql`${col} >= ${from.toISOString()}::timestamptz and ${col} < ${to.toISOString()}::timestamptz`;
  return db
    .select(facts)
    .from(settlements)
    .where(or(and(eq(settlements.payoutStatus, "SETTLED"), inDay(settlements.paidAt)), and(eq(settlements.payoutStatus, "PENDING"), inDay(settlements.updatedAt))));
}

/** The payouts of some settlements, whatever their day (the statement's lines are looked up this way). */
export async function findPayouts(db: DbOrTx, settlementIds: string[]): Promise<PayoutFacts[]> {
  return settlementIds.length ? db.select(facts).from(settlements).where(inJsonIds(settlements.id, settlementIds)) : [];
}

export async function findRun(db: DbOrTx, day: string): Promise<ReconciliationRow | null> {
  const [row] = await db.select().from(payoutReconciliations).where(eq(payoutReconciliations.day, day));
  return row ?? null;
}

/** Writes the day's run (replacing an earlier run of the same day and its differences); locks the day's row. */
export async function saveRun(tx: DbOrTx, run: typeof payoutReconciliations.$inferInsert, differences: Omit<typeof payoutReconciliationDifferences.$inferInsert, "runId">[]): Promise<ReconciliationRow> {
  const [saved] = await tx
    .insert(payoutReconciliations)
    .values(run)
    .onConflictDoUpdate({
      target: payoutReconciliations.day,
      set: { status: run.status, platformCount: run.platformCount, platformFen: run.platformFen, providerCount: run.providerCount, providerFen: run.providerFen, differenceCount: run.differenceCount, fingerprint: run.fingerprint, ranAt: run.ranAt },
    })
    .returning();
  await tx.delete(payoutReconciliationDifferences).where(eq(payoutReconciliationDifferences.runId, saved!.id));
  if (differences.length) await tx.insert(payoutReconciliationDifferences).values(differences.map((d) => ({ ...d, runId: saved!.id })));
  return saved!;
}

/** What a reader may see of the differences: a venue's staff their venue's, a county officer their county's. */
export interface DifferenceScope {
  venueId?: string;
  regionCode?: string;
}
const scopeWhere = (s: DifferenceScope): SQL | undefined =>
  s.venueId ? eq(payoutReconciliationDifferences.venueId, s.venueId) : s.regionCode ? eq(payoutReconciliationDifferences.regionCode, s.regionCode) : undefined;

/** Runs, newest day first. */
export async function listRuns(db: DbOrTx, page: { limit: number; offset: number }): Promise<{ items: ReconciliationRow[]; total: number }> {
  const [items, [t]] = await Promise.all([
    db.select().from(payoutReconciliations).orderBy(desc(payoutReconciliations.day)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(payoutReconciliations),
  ]);
  return { items, total: t!.n };
}

/** The differences of some runs in the reader's scope, by run. */
export async function listDifferences(db: DbOrTx, runIds: string[], scope: DifferenceScope): Promise<DifferenceRow[]> {
  if (!runIds.length) return [];
  return db
    .select()
    .from(payoutReconciliationDifferences)
    .where(and(inArray(payoutReconciliationDifferences.runId, runIds), scopeWhere(scope)))
    .orderBy(payoutReconciliationDifferences.requestId);
}

/** Active city officers, and the county officers of the given counties (told of reconciliation differences). */
export async function listOfficerIds(db: DbOrTx, regionCodes: string[]): Promise<string[]> {
  const county = regionCodes.length ? and(eq(users.role, "COUNTY_OFFICER"), inArray(users.regionCode, regionCodes)) : sql`false`;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, "ACTIVE"), or(eq(users.role, "CITY_OFFICER"), county)));
  return rows.map((r) => r.id);
}
