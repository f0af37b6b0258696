// Labels for every closed list of shared/src/catalog/enums.ts, per console language. zh-CN is the shared labels
// themselves (one definition); English is written here, and the type makes a missing list or value a compile error.
import * as catalog from "@qz/shared/catalog/enums";
import type { EnumDefinition } from "@qz/shared/catalog/define-enum";

type Catalog = typeof catalog;
/** The exports of enums.ts that are enum definitions (not types or plain value lists). */
export type EnumName = { [K in keyof Catalog]: Catalog[K] extends EnumDefinition<string> ? K : never }[keyof Catalog];
type Labels = { [K in EnumName]: Record<Catalog[K] extends EnumDefinition<infer V> ? V : never, string> };

const isEnum = (x: unknown): x is EnumDefinition<string> => typeof x === "object" && x !== null && "values" in x && "labels" in x && "has" in x;
/** Every enum definition of the catalog by its export name. */
export const ENUMS = Object.fromEntries(Object.entries(catalog).filter(([, v]) => isEnum(v))) as { [K in EnumName]: Catalog[K] };

export const zhLabels = Object.fromEntries(Object.entries(ENUMS).map(([k, d]) => [k, d.labels])) as unknown as Labels;

export const enLabels: Labels = {
  ROLE: { WORKER: "Worker", EMPLOYER: "Employer", VENUE_STAFF: "Venue staff", COUNTY_OFFICER: "County bureau", CITY_OFFICER: "City bureau" },
  OFFICER_ROLE: { COUNTY_OFFICER: "County bureau", CITY_OFFICER: "City bureau" },
  USER_STATUS: { ACTIVE: "Active", DISABLED: "Disabled" },
  GENDER: { MALE: "Male", FEMALE: "Female" },
  TRAVEL_MODE: { WALK: "Walking", BICYCLE: "Bicycle", EBIKE: "E-bike", TRANSIT: "Public transport", CAR: "Car" },
  EMPLOYER_KIND: { COMPANY: "Company", INDIVIDUAL: "Individual" },
  VENUE_TYPE: { MARKET: "Gig market", STATION: "Gig station" },
  VENUE_STATUS: { PENDING_RECOGNITION: "Awaiting recognition", RECOGNIZED: "Recognised", SUSPENDED: "Suspended", REVOKED: "Revoked" },
  CALENDAR_DAY_KIND: { HOLIDAY: "Public holiday", WORKDAY: "Make-up working day" },
  SMS_PURPOSE: { REGISTER: "Registration", LOGIN: "SMS sign-in", RESET_PASSWORD: "Password reset", SIGN_CONTRACT: "Contract signing", PROXY_ACTION: "Staff proxy confirmation" },
  PAY_UNIT: { HOUR: "Per hour", DAY: "Per day", PIECE: "Per piece" },
  TASK_STATUS: { DRAFT: "Draft", OPEN: "Open", FILLED: "Filled", IN_PROGRESS: "In progress", COMPLETED: "Completed", CANCELLED: "Cancelled" },
  OFFER_STATUS: { OFFERED: "Awaiting reply", ACCEPTED: "Accepted", DECLINED: "Declined", EXPIRED: "Expired", WITHDRAWN: "Withdrawn" },
  ENGAGEMENT_STATUS: { ACTIVE: "Accepted", CONFIRMED: "Confirmed on site", WITHDRAWN: "Worker withdrew", CANCELLED: "Employer cancelled", NO_SHOW: "No-show", COMPLETED: "Completed" },
  ENGAGEMENT_SOURCE: { OFFER: "Dispatched", GRAB: "Taken by the worker", PROXY: "Staff proxy" },
  LEDGER_ACCOUNT_KIND: { EMPLOYER_WALLET: "Employer wallet", TASK_ESCROW: "Task escrow", WORKER_WALLET: "Worker wallet", PLATFORM_CLEARING: "Platform clearing", BANK: "Bank (external)" },
  LEDGER_TRANSFER_KIND: {
    TOP_UP: "Wallet top-up", FUND_ESCROW: "Wages into escrow", REFUND_ESCROW: "Escrow refund", PAY_WAGE: "Wage payment",
    PAYOUT: "Withdrawal to bank", PAYOUT_SETTLED: "Bank settled", PAYOUT_RETURNED: "Withdrawal returned",
  },
  COMPLAINT_STATUS: {
    SUBMITTED: "Awaiting acceptance", ACCEPTED: "Accepted", IN_PROGRESS: "In progress", WAITING_ON_COMPLAINANT: "Waiting on the complainant",
    RESOLVED: "Resolution proposed", CLOSED: "Closed", REJECTED: "Not accepted", ESCALATED: "Escalated to the county",
  },
  COMPLAINT_CATEGORY: {
    WAGE_ARREARS: "Unpaid wages", CONTRACT_BREACH: "Breach of agreement", INJURY: "Injury", FAKE_JOB: "Fake job",
    DISCRIMINATION: "Discrimination", SERVICE: "Venue service", OTHER: "Other",
  },
  COMPLAINT_CHANNEL: { ONLINE: "Online", WALK_IN: "Walk-in (filed by staff)", HOTLINE: "Hotline (filed by staff)" },
  COMPLAINT_RESPONDENT_KIND: { EMPLOYER: "Employer", WORKER: "Worker", VENUE: "Gig market/station" },
  RATING_SIDE: { WORKER_RATES_EMPLOYER: "Worker rates employer", EMPLOYER_RATES_WORKER: "Employer rates worker" },
  RATING_TAG: {
    PAID_ON_TIME: "Paid on time", AS_DESCRIBED: "Job as described", SAFE_WORKPLACE: "Safe workplace", RESPECTFUL: "Respectful",
    PAY_DELAYED: "Pay delayed", NOT_AS_DESCRIBED: "Job not as described", PUNCTUAL: "Punctual", SKILLED: "Skilled",
    DILIGENT: "Diligent", LEFT_EARLY: "Left early", CARELESS: "Careless",
  },
  VETO: {
    FABRICATION: "Falsified data", DISCRIMINATION: "Employment discrimination", FEES_CHARGED: "Charged workers fees",
    MAJOR_INCIDENT: "Major negative incident", OFFICIAL_CRITICISM: "Officially criticised (upheld)",
  },
  ACTIVITY_KIND: { SERVICE: "Services given", RECRUITMENT_EVENT: "Recruitment event", GUIDANCE_REFERRAL: "Guidance and training referral" },
  PERFORMANCE_COUNTER: {
    placements: "Successful placements", priorityPlacements: "Priority-group placements", onlinePlacements: "Placements dispatched online",
    settledEngagements: "Jobs settled online", services: "Services given", recruitmentEvents: "Recruitment events",
    guidanceReferrals: "Guidance and training referrals", ratings: "Ratings", goodRatings: "Good ratings (4–5 stars)",
    complaintsClosed: "Complaints closed", complaintsOnTime: "Complaints closed on time",
  },
  VENUE_YEAR_STATUS: { PROJECTED: "Live projection", FROZEN: "Frozen" },
  ASSESSMENT_KIND: { ONSITE: "On-site assessment", SELF: "Self-assessment" },
  SUBSIDY_KIND: { ONE_TIME: "One-time operating subsidy", PERFORMANCE: "Performance subsidy" },
  APPLICATION_STATUS: {
    DRAFT: "Draft", SUBMITTED: "Submitted", UNDER_REVIEW: "Under review", RETURNED: "Returned", REJECTED: "Rejected",
    PUBLIC_NOTICE: "On public notice", APPROVED: "Approved", PAID: "Paid",
  },
  OBJECTION_STATUS: { FILED: "Awaiting check", UPHELD: "Upheld", DISMISSED: "Dismissed" },
  FUND_CATEGORY: {
    ONLINE_PLATFORM: "Online platform", TRAINING: "Training", RECRUITMENT: "Recruitment services", OPERATING: "Other operating costs",
    INFRASTRUCTURE: "Construction", FIXED_ASSETS: "Fixed assets",
  },
  CONTRACT_STATUS: { PENDING: "Awaiting signatures", PARTIALLY_SIGNED: "Signed by one party", SIGNED: "Signed", COMPLETED: "Fulfilled", TERMINATED: "Terminated", VOID: "Void" },
  CONTRACT_KIND: { PART_TIME: "Part-time employment contract", SERVICE: "Service agreement" },
  CONTRACT_PARTY: { EMPLOYER: "Employer (party A)", WORKER: "Worker (party B)" },
  ATTENDANCE_STATUS: { CHECKED_IN: "Checked in", CHECKED_OUT: "Checked out", APPROVED: "Hours approved", DISPUTED: "Hours disputed" },
  ATTENDANCE_METHOD: { GEOFENCE: "Location check-in", STAFF: "Confirmed by staff", QR: "QR code check-in" },
  SETTLEMENT_STATUS: { DRAFT: "Draft", SUBMITTED: "Submitted by employer", CONFIRMED: "Confirmed by worker", DISPUTED: "Disputed by worker", PAID: "Paid" },
  PAYOUT_STATUS: { NONE: "Not started", PENDING: "Bank processing", SETTLED: "Settled", FAILED: "Returned by bank" },
  PAYOUT_DIFFERENCE_KIND: {
    MISSING_AT_PROVIDER: "Paid by the platform, not on the bank statement", UNKNOWN_TO_PLATFORM: "On the bank statement, unknown to the platform",
    AMOUNT_MISMATCH: "Amounts differ", STATUS_MISMATCH: "Outcomes differ",
  },
  RECONCILIATION_STATUS: { CLEAN: "Matches", DIFFERENCES: "Differences" },
};

/** The export name of an enum definition, so a label can be looked up per language. */
export const ENUM_NAME = new Map<EnumDefinition<string>, EnumName>(Object.entries(ENUMS).map(([k, d]) => [d as EnumDefinition<string>, k as EnumName]));
