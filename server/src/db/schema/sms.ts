import { index, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
