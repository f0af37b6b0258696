import type { SmsPurpose } from "@qz/shared";
import { and, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { smsCodes } from "../../db/schema/index.js";

export type SmsCodeRow = typeof smsCodes.$inferSelect;

export async function insertSmsCode(tx: DbOrTx, row: typeof smsCodes.$inferInsert): Promise<SmsCodeRow> {
  const [inserted] = await tx.insert(smsCodes).values(row).returning();
  return inserted!;
}

/** Ends every still-open code of the phone and purpose now (a new request replaces them). */
export async function expireOpenSmsCodes(tx: DbOrTx, phone: string, purpose: SmsPurpose, at: Date): Promise<void> {
  await tx
    .update(smsCodes)
    .set({ expiresAt: at })
    .where(and(eq(smsCodes.phone, phone), eq(smsCodes.purpose, purpose), isNull(smsCodes.consumedAt), gt(smsCodes.expiresAt, at)));
}

/**
 * Spends one attempt on the newest code of the phone and purpose, if it is still open (unconsumed,
 * unexpired, fewer than `maxAttempts` spent), and returns its id and hash. One atomic UPDATE, so parallel
 * guesses cannot together spend more than `maxAttempts`.
 */
export async function claimSmsCodeAttempt(
  db: DbOrTx,
  phone: string,
  purpose: SmsPurpose,
  at: Date,
  maxAttempts: number,
): Promise<{ id: string; codeHash: string } | null> {
  const newest = db
    .select({ id: smsCodes.id })
    .from(smsCodes)
    .where(and(eq(smsCodes.phone, phone), eq(smsCodes.purpose, purpose)))
    .orderBy(desc(smsCodes.createdAt), desc(smsCodes.id))
    .limit(1);
  const [row] = await db
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(
      and(inArray(smsCodes.id, newest), isNull(smsCodes.consumedAt), gt(smsCodes.expiresAt, at), lt(smsCodes.attempts, maxAttempts)),
    )
    .returning({ id: smsCodes.id, codeHash: smsCodes.codeHash });
  return row ?? null;
}

/** Gives back an attempt that turned out to be the right code, so only wrong ones count. */
export async function releaseSmsCodeAttempt(db: DbOrTx, id: string): Promise<void> {
  await db.update(smsCodes).set({ attempts: sql`greatest(${smsCodes.attempts} - 1, 0)` }).where(eq(smsCodes.id, id));
}

/** Marks the code used; false when it was consumed (or expired) meanwhile, so a code works once. */
export async function consumeSmsCode(tx: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(smsCodes)
    .set({ consumedAt: at })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.consumedAt), gt(smsCodes.expiresAt, at)))
    .returning({ id: smsCodes.id });
  return rows.length === 1;
}
