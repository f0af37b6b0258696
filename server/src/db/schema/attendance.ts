import { ATTENDANCE_METHOD, ATTENDANCE_STATUS } from "@qz/shared";
import { date, doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { contracts } from "./contract.js";
import { engagements, tasks } from "./dispatch.js";
import { users } from "./identity.js";
import { venues } from "./venue.js";

export const attendanceStatus = pgEnum("attendance_status", ATTENDANCE_STATUS.values);
export const attendanceMethod = pgEnum("attendance_method", ATTENDANCE_METHOD.values);

/** 考勤: one record per engagement, check-in and check-out with where they were made; minutes in whole units. */
export const attendanceRecords = pgTable(
  "attendance_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .unique()
      .references(() => engagements.id),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    status: attendanceStatus("status").notNull(),
    checkInAt: timestamp("check_in_at", { withTimezone: true }).notNull(),
    checkInMethod: attendanceMethod("check_in_method").notNull(),
    checkInLat: doublePrecision("check_in_lat"),
    checkInLng: doublePrecision("check_in_lng"),
    checkInDistanceM: integer("check_in_distance_m"),
    checkOutAt: timestamp("check_out_at", { withTimezone: true }),
    checkOutMethod: attendanceMethod("check_out_method"),
    checkOutLat: doublePrecision("check_out_lat"),
    checkOutLng: doublePrecision("check_out_lng"),
    checkOutDistanceM: integer("check_out_distance_m"),
    /** Billable minutes (inside the window, whole units). */
    minutes: integer("minutes"),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    approveEventId: uuid("approve_event_id"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    disputeReason: text("dispute_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("attendance_task_idx").on(t.taskId)],
);

/**
 * 非全日制 24-hour week (劳动合同法 §68): a worker's approved hours with one employer passed 24 in a Monday–Sunday
 * week (Shanghai). One row per worker, employer and week, so the employer and the venue are told once.
 */
export const partTimeWeekFlags = pgTable(
  "part_time_week_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => users.id),
    /** The Monday of the week. */
    weekStart: date("week_start").notNull(),
    /** The venue of the engagement whose approval passed the limit (its staff are told). */
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    /** Approved minutes in the week when it was flagged. */
    minutes: integer("minutes").notNull(),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("part_time_week_flags_once").on(t.workerId, t.employerId, t.weekStart), index("part_time_week_flags_venue_idx").on(t.venueId, t.weekStart)],
);
