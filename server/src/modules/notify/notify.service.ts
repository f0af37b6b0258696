import type { Deps } from "../../deps.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../../access/actor.js";
import * as repo from "./notify.repo.js";

export type NotificationService = ReturnType<typeof createNotificationService>;

/** In-app notifications; SMS and live subscriptions join here later through an adapter. */
export function createNotificationService({ db, now }: Deps) {
  return {
    /** Writes one in-app notification per user for an event (called by jobs, inside their transaction). */
    notifyUsers: (eventId: string, userIds: string[], message: repo.NotificationMessage) => repo.insertNotifications(db, eventId, userIds, message),

    /** Notifies every active staff member of a venue. */
    async notifyVenueStaff(eventId: string, venueId: string, message: repo.NotificationMessage) {
      await repo.insertNotifications(db, eventId, await repo.listVenueStaffIds(db, venueId), message);
    },

    myNotifications: (caller: Caller, limit: number) => repo.listNotificationsForUser(db, requireActor(caller).userId, limit),

    /** Marks one of the caller's notifications read; false when it was already read or is not theirs. */
    async markNotificationRead(caller: Caller, id: string): Promise<boolean> {
      const actor = requireActor(caller);
      return db.transaction(async (tx) => {
        const changed = await repo.markNotificationRead(tx, actor.userId, id, now());
        if (changed) await recordAudit(tx, caller, { action: "notify.mark-read", entityType: "notification", entityId: id });
        return changed;
      });
    },
  };
}
