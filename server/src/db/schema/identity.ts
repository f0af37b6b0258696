import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { EMPLOYER_KIND, GENDER, TRAVEL_MODE, USER_STATUS } from "@qz/shared";
import { createdAt, earthPoint, updatedAt } from "./columns.js";
import { regions } from "./region.js";
import { venues } from "./venue.js";

/** Roles as reference rows, so each carries its Chinese name and scope for the console. */
export const roles = pgTable("roles", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  scope: text("scope").notNull(),
});

export const userStatus = pgEnum("user_status", USER_STATUS.values);
export const gender = pgEnum("gender", GENDER.values);
export const travelMode = pgEnum("travel_mode", TRAVEL_MODE.values);
export const employerKind = pgEnum("employer_kind", EMPLOYER_KIND.values);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    role: text("role")
      .notNull()
      .references(() => roles.code),
    displayName: text("display_name").notNull(),
    status: userStatus("status").notNull().default("ACTIVE"),
    /** VENUE_STAFF: the one venue they serve. */
    venueId: uuid("venue_id").references(() => venues.id),
    /** COUNTY_OFFICER: their county; VENUE_STAFF: their venue's county (denormalised for scope checks). */
    regionCode: text("region_code").references(() => regions.code),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_staff_has_venue", sql`${t.role} <> 'VENUE_STAFF' or ${t.venueId} is not null`),
    check("users_county_officer_has_region", sql`${t.role} <> 'COUNTY_OFFICER' or ${t.regionCode} is not null`),
  ],
);

/** Rotating refresh tokens, stored hashed; a reused (already rotated) token revokes its whole family. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    familyId: uuid("family_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    /**
     * The pair this token was rotated into, sealed with the PII key: for a short grace window a second
     * refresh with the same token (two tabs, a retried request) gets that same pair instead of tripping
     * reuse detection.
     */
    successorSealed: text("successor_sealed"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [index("refresh_tokens_family_idx").on(t.familyId), index("refresh_tokens_user_idx").on(t.userId)],
);

export const skills = pgTable("skills", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

/** 零工人员. The resident ID is stored encrypted (AES-256-GCM) with an HMAC blind index for uniqueness and lookup. */
export const workerProfiles = pgTable(
  "worker_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    realName: text("real_name").notNull(),
    idNumberCipher: text("id_number_cipher").notNull(),
    idNumberBlindIndex: text("id_number_blind_index").notNull().unique(),
    idNumberMasked: text("id_number_masked").notNull(),
    gender: gender("gender").notNull(),
    birthDate: date("birth_date").notNull(),
    homeLat: doublePrecision("home_lat").notNull(),
    homeLng: doublePrecision("home_lng").notNull(),
    homeEarth: earthPoint("home_earth").generatedAlwaysAs(sql`ll_to_earth(home_lat, home_lng)`),
    homeAddress: text("home_address"),
    travelMode: travelMode("travel_mode").notNull().default("EBIKE"),
    travelMinutes: smallint("travel_minutes").notNull().default(60),
    available: boolean("available").notNull().default(true),
    /** 就业困难人员 (certified by the employment office). */
    hardToEmploy: boolean("hard_to_employ").notNull().default(false),
    /** 零就业家庭. */
    zeroEmploymentFamily: boolean("zero_employment_family").notNull().default(false),
    homeVenueId: uuid("home_venue_id").references(() => venues.id),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    completedCount: integer("completed_count").notNull().default(0),
    noShowCount: integer("no_show_count").notNull().default(0),
    /** Withdrawals after accepting, inside the late window (24 h before the start). */
    lateWithdrawalCount: integer("late_withdrawal_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    /** Staff who registered a walk-in on the worker's behalf (proxy mode). */
    registeredBy: uuid("registered_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("worker_profiles_home_venue_idx").on(t.homeVenueId),
    check("worker_profiles_travel_minutes", sql`${t.travelMinutes} between 5 and 180`),
  ],
);

export const workerSkills = pgTable(
  "worker_skills",
  {
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workerProfiles.userId),
    skillCode: text("skill_code")
      .notNull()
      .references(() => skills.code),
    level: smallint("level").notNull(),
    /**
     * The rest is the worker as dispatch sees them, copied from worker_profiles and users by triggers
     * (migrations 0003, 0015) and never written by the application: the home point, travel mode and minutes,
     * whether they can be dispatched at all (user ACTIVE with role WORKER, profile verified and available),
     * and what ranking reads. The candidate query is then one index-only KNN scan of a partial covering index,
     * with no random heap page of worker_profiles or users per candidate (at 1M workers those pages do not
     * stay cached).
     */
    homeEarth: earthPoint("home_earth"),
    travelMode: travelMode("travel_mode").notNull().default("EBIKE"),
    travelMinutes: smallint("travel_minutes").notNull().default(60),
    dispatchable: boolean("dispatchable").notNull().default(false),
    completedCount: integer("completed_count").notNull().default(0),
    noShowCount: integer("no_show_count").notNull().default(0),
    lateWithdrawalCount: integer("late_withdrawal_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    gender: gender("gender"),
    birthDate: date("birth_date"),
    hardToEmploy: boolean("hard_to_employ").notNull().default(false),
    zeroEmploymentFamily: boolean("zero_employment_family").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.workerId, t.skillCode] }),
    index("worker_skills_skill_idx").on(t.skillCode, t.level),
    // The candidate query's KNN indexes are one partial GiST index per skill (dispatchable rows of that skill,
    // INCLUDE every column the query reads), created by `ensure_skill_dispatch_index` for each skill (migration
    // 0016, and a trigger on skills for a new one): drizzle-kit cannot express them, so they are not listed here.
    check("worker_skills_level", sql`${t.level} between 1 and 5`),
  ],
);

/** 用工主体: a company (统一社会信用代码) or an individual (resident ID, encrypted like workers'). */
export const employerProfiles = pgTable(
  "employer_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    kind: employerKind("kind").notNull(),
    name: text("name").notNull(),
    creditCode: text("credit_code").unique(),
    idNumberCipher: text("id_number_cipher"),
    idNumberBlindIndex: text("id_number_blind_index").unique(),
    idNumberMasked: text("id_number_masked"),
    contactName: text("contact_name").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    address: text("address"),
    lateCancelCount: integer("late_cancel_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "employer_profiles_kind_identity",
      sql`(${t.kind} = 'COMPANY' and ${t.creditCode} is not null) or (${t.kind} = 'INDIVIDUAL' and ${t.idNumberBlindIndex} is not null)`,
    ),
  ],
);
