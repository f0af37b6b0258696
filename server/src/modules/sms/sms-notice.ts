import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { smsNotices } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";
import type { SmsProvider } from "./sms.provider.js";

export type NoticeOutcome = "SENT" | "ALREADY_SENT";

/**
 * Texts a notice for one event to one phone at most once, however often the job runs. `db` must be the pool,
 * not the job's transaction: the claim commits on its own, so it survives the job's rollback and retry.
 * A gateway failure drops the claim (the retry may send); a crash between claim and send leaves SENDING.
 */
export async function sendNoticeOnce(db: Db, sms: SmsProvider, logger: Logger, notice: { eventId: string; phone: string; text: string }): Promise<NoticeOutcome> {
  const claimed = await db.insert(smsNotices).values({ eventId: notice.eventId, phone: notice.phone }).onConflictDoNothing().returning({ phone: smsNotices.phone });
  if (claimed.length === 0) return "ALREADY_SENT";
  const row = and(eq(smsNotices.eventId, notice.eventId), eq(smsNotices.phone, notice.phone));
  try {
    await sms.send(notice.phone, notice.text);
  } catch (err) {
    await db.delete(smsNotices).where(row);
    throw err;
  }
  await db
    .update(smsNotices)
    .set({ status: "SENT", sentAt: new Date() })
    .where(row)
    .catch((err: Error) => logger.warn({ eventId: notice.eventId, err: err.message }, "sms notice sent but its mark stayed SENDING"));
  return "SENT";
}
