import type { Deps } from "../../deps.js";
import { requireActor, type Caller } from "../identity/actor.js";
import * as repo from "./notify.repo.js";

export type NotificationService = ReturnType<typeof createNotificationService>;

/** In-app notifications; SMS and live subscriptions join here later through an adapter. */
export function createNotificationService({ db, now }: Deps) {
  return {
    myNotifications: (caller: Caller, limit: number) => repo.listNotificationsForUser(db, requireActor(caller).userId, limit),
    markNotificationRead: (caller: Caller, id: string) => repo.markNotificationRead(db, requireActor(caller).userId, id, now()),
  };
}
