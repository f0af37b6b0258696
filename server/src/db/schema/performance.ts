import { ACTIVITY_KIND, ASSESSMENT_KIND, VENUE_YEAR_STATUS } from "@qz/shared";
import type { Evaluation, SubsidyPolicy, VenueYearMetrics } from "@qz/shared";
import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.js";
import { users } from "./identity.js";
import { regions } from "./region.js";
import { placements } from "./settlement.js";
import { venues, venueType } from "./venue.js";

export const activityKind = pgEnum("activity_kind", ACTIVITY_KIND.values);
export const venueYearStatus = pgEnum("venue_year_status", VENUE_YEAR_STATUS.values);
export const assessmentKind = pgEnum("assessment_kind", ASSESSMENT_KIND.values);

/** Policy versions a city officer entered (amounts, tiers, six-month rule, notice days, rubric); none means the 2023 default. */
export const subsidyPolicies = pgTable("subsidy_policies", {
  effectiveFromYear: integer("effective_from_year").primaryKey(),
  version: text("version").notNull().unique(),
  policy: jsonb("policy").$type<SubsidyPolicy>().notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/**
 * 岗位推荐成功 as the roll-up saw it (one row per placement.recorded): the source rows the nightly reconcile
 * recomputes from. `counted` marks the first placement of one worker × employer × Shanghai day (A1 counts it once).
 */
export const performancePlacements = pgTable(
  "performance_placements",
  {
    placementId: uuid("placement_id").primaryKey(),
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    engagementId: uuid("engagement_id").notNull(),
    taskId: uuid("task_id").notNull(),
    workerId: uuid("worker_id").notNull(),
    employerId: uuid("employer_id").notNull(),
    source: text("source").notNull(),
    priorityGroup: boolean("priority_group").notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull(),
    paidOn: date("paid_on").notNull(),
    counted: boolean("counted").notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    // Every column the reconcile aggregates, so its full recompute is an index-only scan like a bare GROUP BY.
    index("performance_placements_venue_year_idx").on(t.venueId, t.year, t.counted, t.priorityGroup, t.source),
    uniqueIndex("performance_placements_once_a_day").on(t.venueId, t.workerId, t.employerId, t.paidOn).where(sql`${t.counted}`),
  ],
);

/** Ratings of a venue's jobs (E1), one row per rating.recorded. */
export const performanceRatings = pgTable(
  "performance_ratings",
  {
    ratingId: uuid("rating_id").primaryKey(),
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    stars: smallint("stars").notNull(),
    ratedAt: timestamp("rated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("performance_ratings_venue_year_idx").on(t.venueId, t.year), check("performance_ratings_stars", sql`${t.stars} between 1 and 5`)],
);

/** Complaints about a venue's jobs, closed (E2), one row per complaint.closed. */
export const performanceComplaints = pgTable(
  "performance_complaints",
  {
    complaintId: uuid("complaint_id").primaryKey(),
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    onTime: boolean("on_time").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("performance_complaints_venue_year_idx").on(t.venueId, t.year)],
);

/** What staff record with evidence: services given (A3), recruitment events (A5), guidance and training referrals (A6). */
export const venueActivities = pgTable(
  "venue_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    kind: activityKind("kind").notNull(),
    /** 求职登记, 招聘登记, 政策咨询, 招聘会, 直播带岗, 职业指导, 技能培训… */
    category: text("category").notNull(),
    /** People served or referred (A3, A6); 1 for an event (A5). */
    quantity: integer("quantity").notNull(),
    /** Attendance of a recruitment event. */
    attendance: integer("attendance"),
    occurredOn: date("occurred_on").notNull(),
    evidence: text("evidence").notNull(),
    recordedBy: uuid("recorded_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("venue_activities_venue_year_idx").on(t.venueId, t.year, t.kind), check("venue_activities_quantity", sql`${t.quantity} between 1 and 10000`)],
);

/** Counters the roll-up keeps per venue-year, moved by events in their handler's transaction. */
export const venueYearMetrics = pgTable(
  "venue_year_metrics",
  {
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    placements: integer("placements").notNull().default(0),
    priorityPlacements: integer("priority_placements").notNull().default(0),
    onlinePlacements: integer("online_placements").notNull().default(0),
    /** Every placement row, same-day repeats included (B3 counts settled engagements, not A1). */
    settledEngagements: integer("settled_engagements").notNull().default(0),
    services: integer("services").notNull().default(0),
    recruitmentEvents: integer("recruitment_events").notNull().default(0),
    guidanceReferrals: integer("guidance_referrals").notNull().default(0),
    ratings: integer("ratings").notNull().default(0),
    goodRatings: integer("good_ratings").notNull().default(0),
    complaintsClosed: integer("complaints_closed").notNull().default(0),
    complaintsOnTime: integer("complaints_on_time").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.venueId, t.year] })],
);

/**
 * Venue-years whose counters moved since their projection was computed (the roll-up's dirty mark). The
 * record-placement job writes it last in its transaction, with the counters, and holds its row lock to the
 * commit; whoever creates it emits the one apply event, and the apply job deletes it before reading the
 * counters. So however many placements arrive meanwhile, one apply takes them all in, and none can commit unseen.
 */
export const venueYearPending = pgTable(
  "venue_year_pending",
  {
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.venueId, t.year] })],
);

/**
 * 回访 of a placement: venue staff called the worker (or employer) after the job. D2 (complete ledgers) counts
 * placements with a dispatch record, a signed contract and one of these.
 */
export const placementFollowUps = pgTable(
  "placement_follow_ups",
  {
    placementId: uuid("placement_id").primaryKey().references(() => placements.id),
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    note: text("note").notNull(),
    calledBy: uuid("called_by").notNull().references(() => users.id),
    calledAt: timestamp("called_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("placement_follow_ups_venue_idx").on(t.venueId, t.calledAt)],
);

/** The county officer's on-site check (C1, C2, D1, D3, vetoes) or the venue's self-assessment (附件6). */
export const venueAssessments = pgTable(
  "venue_assessments",
  {
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    kind: assessmentKind("kind").notNull(),
    /** Tenths per item id (ONSITE: C1, C2, D1, D3; SELF: any item the venue scores itself on). */
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    vetoes: jsonb("vetoes").$type<string[]>().notNull().default([]),
    unremediedComplaints: integer("unremedied_complaints").notNull().default(0),
    notes: text("notes"),
    evidence: text("evidence"),
    enteredBy: uuid("entered_by").notNull().references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.venueId, t.year, t.kind] })],
);

/** Each venue-year's projected (live) or frozen result: score, star, grant, every item, the policy version, eligibility. */
export const venueYearResults = pgTable(
  "venue_year_results",
  {
    venueId: uuid("venue_id").notNull().references(() => venues.id),
    year: smallint("year").notNull(),
    regionCode: text("region_code").notNull().references(() => regions.code),
    venueType: venueType("venue_type").notNull(),
    status: venueYearStatus("status").notNull().default("PROJECTED"),
    policyVersion: text("policy_version").notNull(),
    scoreTenths: integer("score_tenths").notNull(),
    level: smallint("level"),
    star: smallint("star"),
    grantFen: bigint("grant_fen", { mode: "number" }).notNull(),
    eligible: boolean("eligible").notNull(),
    evaluation: jsonb("evaluation").$type<Evaluation>().notNull(),
    metrics: jsonb("metrics").$type<VenueYearMetrics>().notNull(),
    eligibility: jsonb("eligibility").$type<{ code: string; message: string }[]>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
    frozenAt: timestamp("frozen_at", { withTimezone: true }),
    /** A frozen result lowered or its star withdrawn later: what it was, why, by whom. */
    adjustment: jsonb("adjustment").$type<{ fromScoreTenths: number; fromStar: number | null; fromGrantFen: number; reason: string; by: string; at: string } | null>(),
  },
  (t) => [primaryKey({ columns: [t.venueId, t.year] }), index("venue_year_results_rank_idx").on(t.year, t.regionCode, t.scoreTenths)],
);

/** Each nightly reconcile: how many venue-years it checked and what drift it fixed. */
export const performanceReconcileRuns = pgTable("performance_reconcile_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  venueYears: integer("venue_years").notNull(),
  drifted: integer("drifted").notNull(),
  details: jsonb("details").$type<{ venueId: string; year: number; field: string; stored: number; actual: number }[]>().notNull(),
});
