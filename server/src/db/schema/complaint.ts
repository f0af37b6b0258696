import { COMPLAINT_CATEGORY, COMPLAINT_CHANNEL, COMPLAINT_RESPONDENT_KIND, COMPLAINT_STATUS, RATING_SIDE } from "@qz/shared";
import { sql } from "drizzle-orm";
import { bigint, check, index, pgEnum, pgTable, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { engagements, tasks } from "./dispatch.js";
import { users } from "./identity.js";
import { regions } from "./region.js";
import { venues } from "./venue.js";

export const complaintStatus = pgEnum("complaint_status", COMPLAINT_STATUS.values);
export const complaintCategory = pgEnum("complaint_category", COMPLAINT_CATEGORY.values);
export const complaintChannel = pgEnum("complaint_channel", COMPLAINT_CHANNEL.values);
export const complaintRespondentKind = pgEnum("complaint_respondent_kind", COMPLAINT_RESPONDENT_KIND.values);
export const ratingSide = pgEnum("rating_side", RATING_SIDE.values);

/**
 * 投诉. The handling venue is the linked task's brokering venue (or the venue complained about), and its
 * county is the escalation level. Deadlines are not stored: they are derived from `complaint_events`.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complainantId: uuid("complainant_id")
      .notNull()
      .references(() => users.id),
    /** Who entered it: the complainant, or venue staff for a walk-in or hotline caller. */
    filedBy: uuid("filed_by")
      .notNull()
      .references(() => users.id),
    channel: complaintChannel("channel").notNull(),
    respondentKind: complaintRespondentKind("respondent_kind").notNull(),
    respondentUserId: uuid("respondent_user_id").references(() => users.id),
    respondentVenueId: uuid("respondent_venue_id").references(() => venues.id),
    /** The venue whose staff handle it first (the task's brokering venue). */
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    taskId: uuid("task_id").references(() => tasks.id),
    engagementId: uuid("engagement_id").references(() => engagements.id),
    /** Links to the contract and settlement issues' rows (no foreign key: those tables land separately). */
    contractId: uuid("contract_id"),
    settlementId: uuid("settlement_id"),
    category: complaintCategory("category").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Wages owed, in fen, for WAGE_ARREARS. */
    amountFen: bigint("amount_fen", { mode: "number" }),
    status: complaintStatus("status").notNull().default("SUBMITTED"),
    /** The outbox event scheduled for the next deadline; cancelled and replaced on every transition. */
    deadlineEventId: uuid("deadline_event_id"),
    /** WAGE_ARREARS: the scheduled labour-inspection check. */
    referralEventId: uuid("referral_event_id"),
    resolution: text("resolution"),
    rejectReason: text("reject_reason"),
    /** The complainant's rating of the outcome when closing (1–5). */
    outcomeStars: smallint("outcome_stars"),
    outcomeComment: text("outcome_comment"),
    wagesPaidAt: timestamp("wages_paid_at", { withTimezone: true }),
    referredAt: timestamp("referred_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** 回访: the follow-up call after closing. */
    followUpAt: timestamp("follow_up_at", { withTimezone: true }),
    followUpBy: uuid("follow_up_by").references(() => users.id),
    followUpNote: text("follow_up_note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("complaints_venue_status_idx").on(t.venueId, t.status, t.createdAt),
    index("complaints_region_status_idx").on(t.regionCode, t.status, t.createdAt),
    index("complaints_complainant_idx").on(t.complainantId, t.createdAt),
    index("complaints_respondent_idx").on(t.respondentUserId, t.category, t.status),
    // One standing complaint per complainant, category and linked job: a double submit is a CONFLICT.
    uniqueIndex("complaints_one_open_per_link")
      .on(t.complainantId, t.category, sql`coalesce(${t.settlementId}, ${t.engagementId}, ${t.taskId})`)
      .where(sql`${t.status} not in ('CLOSED', 'REJECTED') and coalesce(${t.settlementId}, ${t.engagementId}, ${t.taskId}) is not null`),
    check(
      "complaints_respondent",
      sql`(${t.respondentKind} = 'VENUE' and ${t.respondentVenueId} is not null and ${t.respondentUserId} is null) or (${t.respondentKind} <> 'VENUE' and ${t.respondentUserId} is not null and ${t.respondentVenueId} is null)`,
    ),
    check("complaints_outcome_stars", sql`${t.outcomeStars} is null or ${t.outcomeStars} between 1 and 5`),
    check("complaints_amount", sql`${t.amountFen} is null or ${t.amountFen} between 1 and 100000000`),
  ],
);

/** The history every deadline is derived from: one row per action, append-only. */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    action: text("action").notNull(),
    fromStatus: complaintStatus("from_status"),
    toStatus: complaintStatus("to_status").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Null for the system (a deadline job). */
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: text("actor_role"),
    note: text("note"),
  },
  (t) => [index("complaint_events_complaint_idx").on(t.complaintId, t.at)],
);

/** Evidence files: stored under a generated key, never under the uploaded name; the hash finds duplicates. */
export const complaintEvidence = pgTable(
  "complaint_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    /** JPEG | PNG | PDF | MP4, as recognised from the content. */
    fileType: text("file_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [unique("complaint_evidence_hash_unique").on(t.complaintId, t.sha256), index("complaint_evidence_complaint_idx").on(t.complaintId)],
);

/** 劳动保障监察 referral of wage arrears left unpaid past the deadline: one per complaint. */
export const labourInspectionReferrals = pgTable("labour_inspection_referrals", {
  id: uuid("id").primaryKey().defaultRandom(),
  complaintId: uuid("complaint_id")
    .notNull()
    .unique()
    .references(() => complaints.id),
  employerId: uuid("employer_id")
    .notNull()
    .references(() => users.id),
  regionCode: text("region_code")
    .notNull()
    .references(() => regions.code),
  amountFen: bigint("amount_fen", { mode: "number" }),
  referredAt: timestamp("referred_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** Each side rates a finished engagement once (1–5 with tags). */
export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    side: ratingSide("side").notNull(),
    raterId: uuid("rater_id")
      .notNull()
      .references(() => users.id),
    rateeId: uuid("ratee_id")
      .notNull()
      .references(() => users.id),
    stars: smallint("stars").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("ratings_engagement_side_unique").on(t.engagementId, t.side),
    index("ratings_ratee_idx").on(t.rateeId, t.side),
    check("ratings_stars", sql`${t.stars} between 1 and 5`),
  ],
);
