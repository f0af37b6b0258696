import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.js";

/** Transactional outbox: written with the state change, moved to BullMQ by the relay (event id = job id). */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The event's name (`domain.past-tense`); its consumers, each a job on its own queue, follow from it. */
    name: text("name").notNull(),
    payload: jsonb("payload").notNull(),
    /** Delayed jobs (SLA deadlines, offer expiry) carry the time they become due. */
    runAt: timestamp("run_at", { withTimezone: true }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** A scheduled event withdrawn before it ran (an offer accepted before its expiry): its jobs do nothing. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [index("outbox_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null`)],
);

/** Consumers record each event they handled, so a retried job never counts twice. */
export const processedEvents = pgTable(
  "processed_events",
  {
    consumer: text("consumer").notNull(),
    eventId: uuid("event_id").notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
    /** DONE, SKIPPED (a business rule refused it: not retried) or CANCELLED (its event was withdrawn). */
    outcome: text("outcome").notNull().default("DONE"),
    /** Why it was skipped, for the console's job view. */
    detail: text("detail"),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
