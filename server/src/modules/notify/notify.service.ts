import type { Deps } from "../../deps.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../identity/actor.js";
import * as repo from "./notify.repo.js";

export type NotificationService = ReturnType<typeof createNotificationService>;

/** In-app notifications; SMS and live subscriptions join here later through an adapter. */
export function createNotificationService({ db, now }: Deps) {
  return {
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
