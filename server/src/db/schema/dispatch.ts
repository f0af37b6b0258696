import { ENGAGEMENT_SOURCE, ENGAGEMENT_STATUS, OFFER_STATUS, PAY_UNIT, TASK_STATUS } from "@qz/shared";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, earthPoint, updatedAt } from "./columns.js";
import { users, skills } from "./identity.js";
import { regions } from "./region.js";
import { venues } from "./venue.js";

export const payUnit = pgEnum("pay_unit", PAY_UNIT.values);
export const taskStatus = pgEnum("task_status", TASK_STATUS.values);
export const offerStatus = pgEnum("offer_status", OFFER_STATUS.values);
export const engagementStatus = pgEnum("engagement_status", ENGAGEMENT_STATUS.values);
export const engagementSource = pgEnum("engagement_source", ENGAGEMENT_SOURCE.values);

/**
 * 零工岗位: one shift of work. `filled_count` is the seat counter every accept moves with one conditional
 * update (`… where filled_count < headcount`), and the check constraint refuses an overfill outright.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => users.id),
    /** The brokering venue: it gets the placement credit (岗位推荐成功). */
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    /** Who posted it: the employer, or venue staff acting for them (proxy). */
    postedBy: uuid("posted_by")
      .notNull()
      .references(() => users.id),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    title: text("title").notNull(),
    description: text("description").notNull(),
    skillCode: text("skill_code")
      .notNull()
      .references(() => skills.code),
    requiredLevel: smallint("required_level").notNull().default(1),
    address: text("address").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    earth: earthPoint("earth").generatedAlwaysAs(sql`ll_to_earth(lat, lng)`),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    headcount: smallint("headcount").notNull(),
    filledCount: smallint("filled_count").notNull().default(0),
    payRateFen: bigint("pay_rate_fen", { mode: "number" }).notNull(),
    payUnit: payUnit("pay_unit").notNull(),
    maxTravelMinutes: smallint("max_travel_minutes").notNull().default(60),
    status: taskStatus("status").notNull().default("OPEN"),
    /** Offer waves sent so far. */
    wave: smallint("wave").notNull().default(0),
    /**
     * `wave` when the current round began: a round is at most N waves before people take over. A headcount
     * raise starts a new round for the new seats (wave numbers keep rising, so offers and expiries stay apart).
     */
    waveRoundStart: smallint("wave_round_start").notNull().default(0),
    /** Set after the last wave left seats open: the employer and venue dispatch by hand. */
    manualDispatchAt: timestamp("manual_dispatch_at", { withTimezone: true }),
    /** Warnings shown, not refusals (e.g. over 4 hours a day for part-time work). */
    flags: jsonb("flags").$type<{ code: string; message: string }[]>().notNull().default([]),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    /** Cancelled inside 24 h of the start after someone accepted: counted against the employer, pays a fee. */
    lateCancellation: boolean("late_cancellation").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tasks_status_start_idx").on(t.status, t.startsAt),
    index("tasks_employer_idx").on(t.employerId, t.startsAt),
    index("tasks_venue_idx").on(t.venueId, t.startsAt),
    index("tasks_earth_idx").using("gist", t.earth),
    // Grab mode: a worker's skills × the open tasks in their reach; closed tasks (most rows in time) stay out.
    index("tasks_open_skill_earth_idx").using("gist", t.skillCode, t.earth).where(sql`${t.status} = 'OPEN'`),
    check("tasks_seats", sql`${t.filledCount} between 0 and ${t.headcount}`),
    check("tasks_headcount", sql`${t.headcount} between 1 and 500`),
    check("tasks_window", sql`${t.endsAt} > ${t.startsAt}`),
    check("tasks_pay_positive", sql`${t.payRateFen} > 0`),
  ],
);

/** 派单: one task offered to one worker in a wave, with the score breakdown that explains it. */
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    wave: smallint("wave").notNull(),
    status: offerStatus("status").notNull().default("OFFERED"),
    /** Each factor's weighted part and the total ("why this offer"). */
    score: jsonb("score").$type<Record<string, number>>().notNull(),
    distanceMeters: integer("distance_meters").notNull(),
    travelMinutes: smallint("travel_minutes").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** The scheduled outbox event that expires it; cancelled when the offer is answered first. */
    expiryEventId: uuid("expiry_event_id"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("offers_task_worker_unique").on(t.taskId, t.workerId),
    index("offers_worker_status_idx").on(t.workerId, t.status),
    index("offers_task_status_idx").on(t.taskId, t.status),
  ],
);

/**
 * The accepted worker on a task. A worker cannot hold two live engagements whose windows overlap: an
 * exclusion constraint (migration 0003) refuses it, whatever the concurrency.
 */
export const engagements = pgTable(
  "engagements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    offerId: uuid("offer_id").references(() => offers.id),
    source: engagementSource("source").notNull(),
    /** Venue staff who acted for the worker (proxy mode), after an SMS code to the worker's phone. */
    proxyBy: uuid("proxy_by").references(() => users.id),
    status: engagementStatus("status").notNull().default("ACTIVE"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    /** A withdrawal or cancellation inside the late window. */
    late: boolean("late").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique("engagements_task_worker_unique").on(t.taskId, t.workerId),
    index("engagements_worker_start_idx").on(t.workerId, t.startsAt),
    index("engagements_task_idx").on(t.taskId),
  ],
);

/** Either side may block the other: no offers, no grabbing, in both directions. */
export const userBlocks = pgTable(
  "user_blocks",
  {
    blockerId: uuid("blocker_id")
      .notNull()
      .references(() => users.id),
    blockedId: uuid("blocked_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index("user_blocks_blocked_idx").on(t.blockedId)],
);
