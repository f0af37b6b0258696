import { welcomeUser, venueStatusChanged } from "../modules/notify/notify.jobs.js";
import { purgeExpired } from "./housekeeping.jobs.js";
import type { JobHandlers } from "./job-context.js";

/** Every consumer maps to its domain's handler; the type makes a missing one a compile error. */
export const JOB_HANDLERS: JobHandlers = {
  "notify.welcome-user": welcomeUser,
  "notify.venue-status-changed": venueStatusChanged,
  "housekeeping.purge-expired": purgeExpired,
};
