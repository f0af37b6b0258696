import { APPLICATION_STATUS, FUND_CATEGORY, OBJECTION_STATUS, SUBSIDY_KIND } from "@qz/shared";
import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { users } from "./identity.js";
import { regions } from "./region.js";
import { venues } from "./venue.js";

export const subsidyKind = pgEnum("subsidy_kind", SUBSIDY_KIND.values);
export const applicationStatus = pgEnum("application_status", APPLICATION_STATUS.values);
export const objectionStatus = pgEnum("objection_status", OBJECTION_STATUS.values);
export const fundCategory = pgEnum("fund_category", FUND_CATEGORY.values);

/** 补助申请: one-time (once per venue) or performance (once per venue-year), through review, 公示 and payment. */
export const subsidyApplications = pgTable(
  "subsidy_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    regionCode: text("region_code").notNull().references(() => regions.code),
    kind: subsidyKind("kind").notNull(),
    year: smallint("year").notNull(),
    status: applicationStatus("status").notNull().default("DRAFT"),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    scoreTenths: integer("score_tenths"),
    level: smallint("level"),
    policyVersion: text("policy_version").notNull(),
    /** Keys of the materials provided (shared MATERIALS). */
    materials: jsonb("materials").$type<string[]>().notNull().default([]),
    note: text("note"),
    noticeStartsOn: date("notice_starts_on"),
    noticeEndsOn: date("notice_ends_on"),
    /** The scheduled event that approves it at the end of the notice. */
    noticeEventId: uuid("notice_event_id"),
    statusReason: text("status_reason"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    paidFen: bigint("paid_fen", { mode: "number" }),
    paidOn: date("paid_on"),
    voucherNo: text("voucher_no"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("subsidy_applications_performance_once").on(t.venueId, t.year).where(sql`${t.kind} = 'PERFORMANCE'`),
    uniqueIndex("subsidy_applications_one_time_once").on(t.venueId).where(sql`${t.kind} = 'ONE_TIME' and ${t.status} <> 'REJECTED'`),
    index("subsidy_applications_region_year_idx").on(t.regionCode, t.year, t.status),
    check("subsidy_applications_amount", sql`${t.amountFen} >= 0`),
  ],
);

/** 异议 filed during a public notice by any logged-in user; an upheld one blocks approval. */
export const subsidyObjections = pgTable(
  "subsidy_objections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => subsidyApplications.id),
    filedBy: uuid("filed_by").notNull().references(() => users.id),
    reason: text("reason").notNull(),
    status: objectionStatus("status").notNull().default("FILED"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionNote: text("decision_note"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("subsidy_objections_application_idx").on(t.applicationId)],
);

/** Each county's yearly employment-subsidy budget (就业补助资金) that grants draw on. */
export const countySubsidyBudgets = pgTable(
  "county_subsidy_budgets",
  {
    regionCode: text("region_code").notNull().references(() => regions.code),
    year: smallint("year").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    setBy: uuid("set_by").references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] }), check("county_subsidy_budgets_amount", sql`${t.amountFen} >= 0`)],
);

/** A spending recorded against a paid grant (资金使用); construction and fixed assets are refused. */
export const subsidyFundUses = pgTable(
  "subsidy_fund_uses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => subsidyApplications.id),
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    category: fundCategory("category").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    spentOn: date("spent_on").notNull(),
    voucherNo: text("voucher_no").notNull(),
    attachment: text("attachment"),
    note: text("note"),
    recordedBy: uuid("recorded_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("subsidy_fund_uses_application_idx").on(t.applicationId), check("subsidy_fund_uses_amount", sql`${t.amountFen} > 0`), check("subsidy_fund_uses_category", sql`${t.category} not in ('INFRASTRUCTURE', 'FIXED_ASSETS')`)],
);
