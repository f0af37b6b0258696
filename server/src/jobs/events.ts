import { z } from "zod";
import type { QueueName } from "./queues.js";

const uuid = z.string().uuid();

/**
 * Every fact the system publishes through the outbox (`domain.past-tense`) and the shape of its payload.
 * A payload is checked again when a consumer runs, so a malformed one fails without retry.
 */
export const EVENTS = {
  "user.registered": z.object({ userId: uuid, role: z.string() }),
  "venue.status-changed": z.object({ venueId: uuid, venueName: z.string(), from: z.string(), to: z.string(), reason: z.string().nullable() }),
  /** A repeatable schedule's slot came due (see schedules.ts); `slot` is the ISO time it stands for. */
  "clock.nightly": z.object({ slot: z.string().datetime() }),
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof EVENTS;
export type EventPayloads = { [E in EventName]: z.infer<(typeof EVENTS)[E]> };

/**
 * Who reacts to each event (`domain.verb-noun`): one BullMQ job per consumer, on the consumer's queue, so a
 * slow roll-up never delays a notification. Each consumer is idempotent on its own (consumer, event id).
 */
export const CONSUMERS = {
  "notify.welcome-user": { event: "user.registered", queue: "notify" },
  "notify.venue-status-changed": { event: "venue.status-changed", queue: "notify" },
  "housekeeping.purge-expired": { event: "clock.nightly", queue: "housekeeping" },
} as const satisfies Record<string, { event: EventName; queue: QueueName }>;

export type ConsumerName = keyof typeof CONSUMERS;
export type ConsumerEvent<C extends ConsumerName> = (typeof CONSUMERS)[C]["event"];

const byEvent = new Map<string, ConsumerName[]>();
for (const [name, { event }] of Object.entries(CONSUMERS) as [ConsumerName, { event: EventName }][]) {
  byEvent.set(event, [...(byEvent.get(event) ?? []), name]);
}

/** The consumers of an event, in declaration order; empty for an unknown name. */
export const consumersOf = (event: string): readonly ConsumerName[] => byEvent.get(event) ?? [];

export const isConsumerName = (name: string): name is ConsumerName => Object.hasOwn(CONSUMERS, name);

/** BullMQ job id of one consumer's job for one event (BullMQ refuses ':' in custom ids). */
export const jobIdFor = (eventId: string, consumer: string): string => `${eventId}.${consumer}`;

/** The event id inside a job id made by jobIdFor. */
export const eventIdOf = (jobId: string): string => jobId.slice(0, 36);
