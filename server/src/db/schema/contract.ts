import { CONTRACT_KIND, CONTRACT_PARTY, CONTRACT_STATUS } from "@qz/shared";
import { index, jsonb, pgEnum, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { engagements, tasks } from "./dispatch.js";
import { users } from "./identity.js";
import { smsCodes } from "./sms.js";
import { venues } from "./venue.js";

export const contractStatus = pgEnum("contract_status", CONTRACT_STATUS.values);
export const contractKind = pgEnum("contract_kind", CONTRACT_KIND.values);
export const contractParty = pgEnum("contract_party", CONTRACT_PARTY.values);

/**
 * 合同: one per engagement. `terms` is the canonical terms JSON and `terms_hash` its SHA-256; a trigger
 * (migration) refuses any change to either, and any DELETE: contracts are kept (2 years after they end at
 * least, wage records 3), and nothing in the application deletes them.
 */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .unique()
      .references(() => engagements.id),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => users.id),
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    regionCode: text("region_code").notNull(),
    kind: contractKind("kind").notNull(),
    templateVersion: text("template_version").notNull(),
    terms: jsonb("terms").$type<Record<string, unknown>>().notNull(),
    termsHash: text("terms_hash").notNull().unique(),
    status: contractStatus("status").notNull().default("PENDING"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("contracts_worker_idx").on(t.workerId, t.createdAt), index("contracts_employer_idx").on(t.employerId, t.createdAt), index("contracts_task_idx").on(t.taskId)],
);

/**
 * One party's signature (电子签名法 §13): who, as which party, when, from where, after which SMS
 * verification and intent statement, with the platform's Ed25519 signature over (hash, signer, time,
 * previous signature). Append-only (trigger).
 */
export const contractSignatures = pgTable(
  "contract_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id),
    seq: smallint("seq").notNull(),
    signerId: uuid("signer_id")
      .notNull()
      .references(() => users.id),
    party: contractParty("party").notNull(),
    termsHash: text("terms_hash").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** The SMS code that confirmed the signer's identity (the verification itself is the record). */
    smsCodeId: uuid("sms_code_id")
      .notNull()
      .references(() => smsCodes.id),
    intentStatement: text("intent_statement").notNull(),
    previousSignature: text("previous_signature"),
    platformSignature: text("platform_signature").notNull(),
    keyId: text("key_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("contract_signatures_party").on(t.contractId, t.party), unique("contract_signatures_seq").on(t.contractId, t.seq)],
);
