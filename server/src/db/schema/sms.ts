import { index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { SMS_PURPOSES } from "@qz/shared";
import { createdAt } from "./columns.js";

export const smsPurpose = pgEnum("sms_purpose", SMS_PURPOSES);

/**
 * One-time SMS codes (短信验证码): only a hash is kept, each expires after 5 minutes and allows a few
 * attempts. Kept in PostgreSQL rather than Redis so a verification (for a signature, a proxy action)
 * stays provable after the fact.
 */
export const smsCodes = pgTable(
  "sms_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull(),
    purpose: smsPurpose("purpose").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: smallint("attempts").notNull().default(0),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("sms_codes_phone_purpose_idx").on(t.phone, t.purpose, t.createdAt)],
);

/**
 * Notification texts sent for an event, one row per (event, phone). A job claims the row in its own committed
 * statement before calling the gateway, outside the job's transaction, so a retry after the text went out
 * (the job failed later, or its commit did) never texts the same person twice for the same step.
 * SENDING left behind means the process died mid-send: not retried (at most once), visible for a person.
 */
export const smsNotices = pgTable(
  "sms_notices",
  {
    eventId: uuid("event_id").notNull(),
    phone: text("phone").notNull(),
    status: text("status").notNull().default("SENDING"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.phone] })],
);
