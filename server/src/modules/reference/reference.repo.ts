import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { holidays, minimumWages } from "../../db/schema/index.js";

export type MinimumWageRow = typeof minimumWages.$inferSelect;
export type HolidayRow = typeof holidays.$inferSelect;

/** One area's standards, newest effective date first (its history). */
export async function listMinimumWages(db: DbOrTx, regionCode: string): Promise<MinimumWageRow[]> {
  return db.select().from(minimumWages).where(eq(minimumWages.regionCode, regionCode)).orderBy(desc(minimumWages.effectiveFrom));
}

/** Inserts a standard; null when the area already has one from that date (the unique key decides, so racing officers cannot both win). */
export async function insertMinimumWage(tx: DbOrTx, row: typeof minimumWages.$inferInsert): Promise<MinimumWageRow | null> {
  const [inserted] = await tx.insert(minimumWages).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

const inYear = (year: number) => and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`));

/** One year's holidays and make-up workdays in date order. */
export async function listCalendarDays(db: DbOrTx, year: number): Promise<HolidayRow[]> {
  return db.select().from(holidays).where(inYear(year)).orderBy(asc(holidays.date));
}

/** Every holiday and make-up workday, for the working-day calendar. */
export async function listAllCalendarDays(db: DbOrTx): Promise<Pick<HolidayRow, "date" | "kind">[]> {
  return db.select({ date: holidays.date, kind: holidays.kind }).from(holidays);
}

/** Serialises edits of one year's calendar until the transaction ends, so two officers cannot interleave. */
export { lockCalendarYear } from "../../db/reference-data.js";

/** Replaces one year's rows with `rows` (call inside a transaction, after lockCalendarYear). */
export async function replaceCalendarYear(tx: DbOrTx, year: number, rows: (typeof holidays.$inferInsert)[]): Promise<void> {
  await tx.delete(holidays).where(inYear(year));
  if (rows.length) await tx.insert(holidays).values(rows);
}
