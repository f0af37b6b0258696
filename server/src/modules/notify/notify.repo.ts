import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { notifications, users } from "../../db/schema/index.js";

export type NotificationRow = typeof notifications.$inferSelect;
export interface NotificationMessage {
  kind: string;
  title: string;
  body: string;
}

export async function listNotificationsForUser(db: DbOrTx, userId: string, limit: number): Promise<NotificationRow[]> {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit);
}

/** Marks one unread notification of the user read; false when there was none. */
export async function markNotificationRead(db: DbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Writes one notification per recipient. */
export async function insertNotifications(
  tx: DbOrTx,
  eventId: string,
  userIds: string[],
  message: NotificationMessage,
): Promise<void> {
  if (userIds.length) await tx.insert(notifications).values(userIds.map((userId) => ({ userId, eventId, ...message })));
}

/** The active staff of a venue. */
export async function listVenueStaffIds(db: DbOrTx, venueId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.venueId, venueId), eq(users.role, "VENUE_STAFF"), eq(users.status, "ACTIVE")));
  return rows.map((r) => r.id);
}
