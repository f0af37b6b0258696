import { sql } from "drizzle-orm";
import { VENUE_STATUS, VENUE_TYPE } from "@qz/shared";
import { check, date, doublePrecision, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { regions } from "./region.js";

export const venueType = pgEnum("venue_type", VENUE_TYPE.values);
export const venueStatus = pgEnum("venue_status", VENUE_STATUS.values);

/** A gig venue: 零工市场 (MARKET) or 零工驿站 (STATION). */
export const venues = pgTable(
  "venues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    type: venueType("type").notNull(),
    regionCode: text("region_code").notNull().references(() => regions.code),
    address: text("address").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    operatorName: text("operator_name").notNull(),
    /** 统一社会信用代码 of the operating organisation. */
    operatorCreditCode: text("operator_credit_code").notNull(),
    contactPhone: text("contact_phone"),
    /** 开放时间, one canonical line (shared parseOpeningHours); null until the venue sets it. */
    openingHours: text("opening_hours"),
    status: venueStatus("status").notNull().default("PENDING_RECOGNITION"),
    /** First recognition (认定): starts the six-month clock and the one-time subsidy. */
    recognizedAt: timestamp("recognized_at", { withTimezone: true }),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    statusReason: text("status_reason"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("venues_region_type_status_idx").on(t.regionCode, t.type, t.status),
    // Names are normalised (NFKC, trimmed) before they are stored, so this catches real duplicates.
    uniqueIndex("venues_region_name_unique").on(t.regionCode, t.name),
    check("venues_lat_range", sql`${t.lat} between -90 and 90`),
    check("venues_lng_range", sql`${t.lng} between -180 and 180`),
    // The service checks the line (shared OPENING_HOURS_MAX); this holds it for any other writer.
    check("venues_opening_hours_length", sql`char_length(${t.openingHours}) between 4 and 60`),
  ],
);

/** 政府购买服务 periods: a venue inside one gets no performance subsidy for that span. */
export const venueServicePurchasePeriods = pgTable(
  "venue_service_purchase_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("venue_service_purchase_periods_venue_idx").on(t.venueId),
    check("venue_service_purchase_periods_order", sql`${t.endsOn} >= ${t.startsOn}`),
    // Overlapping periods of one venue are refused by an exclusion constraint (btree_gist), added by hand in migration 0002.
  ],
);
