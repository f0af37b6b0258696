// Live complaint updates over graphql-ws, through Redis like dispatch's (ids only: the subscriber reloads
// the complaint with their own access checks).
import type { RedisClient } from "../../redis.js";
import type { Logger } from "../../logger.js";

export const COMPLAINT_TOPIC = "COMPLAINT_UPDATED";

export interface ComplaintEvent {
  complaintId: string;
  action: string;
}

/** Best effort: the notification row holds the truth, a lost live update costs nothing. */
export function publishComplaintUpdated(redis: RedisClient, logger: Logger, event: ComplaintEvent): Promise<void> {
  return redis
    .publish(`${COMPLAINT_TOPIC}:${event.complaintId}`, JSON.stringify(event))
    .then(() => undefined)
    .catch((err: Error) => logger.warn({ err: err.message }, "complaint update not published"));
}
