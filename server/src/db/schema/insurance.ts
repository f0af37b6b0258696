import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { engagements, tasks } from "./dispatch.js";
import { users } from "./identity.js";
import { venues } from "./venue.js";

/**
 * 零工保 evidence, one row per engagement: the two facts Fujian's gig-worker accident cover rests on (接单: the
 * job was taken on the platform; 报酬结算: it was paid on the platform), each with the event that proved it, and
 * the insurer's policy reference. Rows are only added to and filled in; nothing deletes them.
 */
export const insuranceEvidence = pgTable(
  "insurance_evidence",
  {
    engagementId: uuid("engagement_id")
      .primaryKey()
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
    /** The work window the cover is for. */
    coverFrom: timestamp("cover_from", { withTimezone: true }).notNull(),
    coverTo: timestamp("cover_to", { withTimezone: true }).notNull(),
    /** 接单: when the engagement was created on the platform, and the engagement.created event. */
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    takenEventId: uuid("taken_event_id"),
    /** 报酬结算: when the settlement was paid on the platform, and the placement.recorded event that said so. */
    paidAt: timestamp("paid_at", { withTimezone: true }),
    paidEventId: uuid("paid_event_id"),
    placementId: uuid("placement_id"),
    /** The insurance adapter that issued the policy reference (INSURANCE_PROVIDER) and the reference itself. */
    provider: text("provider").notNull(),
    policyRef: text("policy_ref"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("insurance_evidence_worker_idx").on(t.workerId, t.coverFrom), index("insurance_evidence_venue_idx").on(t.venueId)],
);
