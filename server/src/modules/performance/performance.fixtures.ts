// Test helpers for the roll-up: metric events exactly as the settlement and complaints sides emit them.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { emitEvent } from "../../jobs/outbox.js";
import type { EventPayloads } from "../../jobs/events.js";

/** Emits placement.recorded (as settlement will) and returns its payload. */
export async function emitPlacement(db: Db, p: Partial<EventPayloads["placement.recorded"]> & { venueId: string; workerId: string; employerId: string }) {
  const payload: EventPayloads["placement.recorded"] = {
    placementId: randomUUID(),
    engagementId: randomUUID(),
    taskId: randomUUID(),
    source: "OFFER",
    priorityGroup: false,
    paidAt: "2026-06-01T04:00:00.000Z",
    ...p,
  };
  const eventId = await db.transaction((tx) => emitEvent(tx, "placement.recorded", payload));
  return { payload, eventId };
}

export async function emitRating(db: Db, venueId: string, stars: number, ratedAt = "2026-06-01T04:00:00.000Z") {
  return db.transaction((tx) => emitEvent(tx, "rating.recorded", { ratingId: randomUUID(), venueId, engagementId: randomUUID(), stars, ratedAt }));
}

export async function emitComplaintClosed(db: Db, venueId: string, onTime: boolean, closedAt = "2026-06-01T04:00:00.000Z") {
  return db.transaction((tx) => emitEvent(tx, "complaint.closed", { complaintId: randomUUID(), venueId, onTime, closedAt }));
}
