import { ENGAGEMENT_SOURCE, PAY_UNIT, PAYOUT_DIFFERENCE_KIND, PAYOUT_STATUS, RECONCILIATION_STATUS, SETTLEMENT_STATUS } from "@qz/shared";
import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { contracts } from "./contract.js";
import { engagements, tasks } from "./dispatch.js";
import { users } from "./identity.js";
import { venues } from "./venue.js";

export const settlementStatus = pgEnum("settlement_status", SETTLEMENT_STATUS.values);
export const payoutStatus = pgEnum("payout_status", PAYOUT_STATUS.values);
export const settlementPayUnit = pgEnum("settlement_pay_unit", PAY_UNIT.values);
export const placementSource = pgEnum("placement_source", ENGAGEMENT_SOURCE.values);

/**
 * 工资结算: one per engagement, amounts in fen. A payout moves escrow → worker wallet → clearing (one keyed
 * ledger transfer each), then the bank through the payout adapter by the settlement id, then clearing → bank.
 */
export const settlements = pgTable(
  "settlements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .unique()
      .references(() => engagements.id),
    contractId: uuid("contract_id").references(() => contracts.id),
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
    payUnit: settlementPayUnit("pay_unit").notNull(),
    rateFen: bigint("rate_fen", { mode: "number" }).notNull(),
    minutes: integer("minutes").notNull(),
    pieces: integer("pieces"),
    wageFen: bigint("wage_fen", { mode: "number" }).notNull(),
    cancellationFeeFen: bigint("cancellation_fee_fen", { mode: "number" }).notNull().default(0),
    totalFen: bigint("total_fen", { mode: "number" }).notNull(),
    minimumHourlyFen: integer("minimum_hourly_fen").notNull(),
    status: settlementStatus("status").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** Set when the worker did not answer and the 24-hour rule confirmed it. */
    autoConfirmed: boolean("auto_confirmed").notNull().default(false),
    autoConfirmEventId: uuid("auto_confirm_event_id"),
    disputeReason: text("dispute_reason"),
    payoutStatus: payoutStatus("payout_status").notNull().default("NONE"),
    /** Each attempt at the bank has its own keyed ledger transfers; a failed attempt's money returns to the wallet. */
    payoutAttempt: smallint("payout_attempt").notNull().default(0),
    providerRef: text("provider_ref"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("settlements_amounts", sql`${t.wageFen} >= 0 and ${t.cancellationFeeFen} >= 0 and ${t.totalFen} = ${t.wageFen} + ${t.cancellationFeeFen} and ${t.totalFen} > 0`),
    index("settlements_status_idx").on(t.status, t.submittedAt),
    index("settlements_employer_idx").on(t.employerId, t.createdAt),
    index("settlements_worker_idx").on(t.workerId, t.createdAt),
    // The daily reconciliation reads a day's payouts by the time they were paid.
    index("settlements_paid_idx").on(t.paidAt),
  ],
);

/** 岗位推荐成功 (附件5 roster): exactly one per engagement whose settlement was paid, credited to the task's venue. */
export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .unique()
      .references(() => engagements.id),
    settlementId: uuid("settlement_id")
      .notNull()
      .references(() => settlements.id),
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    regionCode: text("region_code").notNull(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => users.id),
    source: placementSource("source").notNull(),
    // 附件5 roster columns, as they stood on the work day.
    workerName: text("worker_name").notNull(),
    gender: text("gender").notNull(),
    ageOnWorkDay: smallint("age_on_work_day").notNull(),
    idNumberMasked: text("id_number_masked").notNull(),
    phoneMasked: text("phone_masked").notNull(),
    priorityGroup: boolean("priority_group").notNull(),
    /** Which groups: 大龄, 就业困难人员, 零就业家庭. */
    priorityLabels: text("priority_labels").notNull(),
    employerName: text("employer_name").notNull(),
    taskTitle: text("task_title").notNull(),
    skillCode: text("skill_code").notNull(),
    workDate: date("work_date").notNull(),
    wageFen: bigint("wage_fen", { mode: "number" }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("placements_venue_paid_idx").on(t.venueId, t.paidAt), index("placements_region_paid_idx").on(t.regionCode, t.paidAt)],
);

export const reconciliationStatus = pgEnum("reconciliation_status", RECONCILIATION_STATUS.values);
export const payoutDifferenceKind = pgEnum("payout_difference_kind", PAYOUT_DIFFERENCE_KIND.values);

/** 支付对账: one run per Shanghai day (re-running the day replaces it), with the day's totals on both sides. */
export const payoutReconciliations = pgTable("payout_reconciliations", {
  id: uuid("id").primaryKey().defaultRandom(),
  day: date("day").notNull().unique(),
  status: reconciliationStatus("status").notNull(),
  platformCount: integer("platform_count").notNull(),
  platformFen: bigint("platform_fen", { mode: "number" }).notNull(),
  providerCount: integer("provider_count").notNull(),
  providerFen: bigint("provider_fen", { mode: "number" }).notNull(),
  differenceCount: integer("difference_count").notNull(),
  /** SHA-256 of the differences: a re-run that finds the same ones notifies nobody again. */
  fingerprint: text("fingerprint").notNull(),
  ranAt: timestamp("ran_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** One difference of a run; venue and county come from the settlement (none for a line unknown to the platform). */
export const payoutReconciliationDifferences = pgTable(
  "payout_reconciliation_differences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => payoutReconciliations.id, { onDelete: "cascade" }),
    kind: payoutDifferenceKind("kind").notNull(),
    requestId: text("request_id").notNull(),
    settlementId: uuid("settlement_id").references(() => settlements.id),
    venueId: uuid("venue_id").references(() => venues.id),
    regionCode: text("region_code"),
    platformFen: bigint("platform_fen", { mode: "number" }),
    providerFen: bigint("provider_fen", { mode: "number" }),
    platformStatus: text("platform_status"),
    providerStatus: text("provider_status"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("payout_differences_run_request").on(t.runId, t.requestId), index("payout_differences_venue_idx").on(t.venueId)],
);
