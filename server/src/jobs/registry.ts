import { userRegistered, venueStatusChanged } from "../modules/notify/notify.jobs.js";
import type { JobHandlers } from "./handlers.js";

/** Every job name maps to its domain's handler; the type makes a missing one a compile error. */
export const JOB_HANDLERS: JobHandlers = {
  "notify.user-registered": userRegistered,
  "notify.venue-status-changed": venueStatusChanged,
};
