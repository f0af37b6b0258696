// Live updates (graphql-ws subscriptions) fan out through Redis pub/sub, so every API process delivers
// what any process published. Payloads carry ids only: the subscription resolver reloads the row with the
// subscriber's access checks, so a message never leaks more than a query would show.
import type { RedisClient } from "../../redis.js";
import type { Logger } from "../../logger.js";

/** Topics as @graphql-yoga/subscription names them: `${routingKey}:${id}`. */
export const LIVE_TOPICS = {
  offerReceived: "OFFER_RECEIVED",
  offerWithdrawn: "OFFER_WITHDRAWN",
  taskUpdated: "TASK_UPDATED",
} as const;

export interface OfferEvent {
  offerId: string;
}
export interface TaskEvent {
  taskId: string;
}

export type LivePublisher = ReturnType<typeof createLivePublisher>;

/**
 * Publishes on the same channels the API's Redis event target listens to (JSON, as its serializer writes).
 * Best effort: the database holds the truth, so a Redis hiccup costs a live update, never an offer.
 */
export function createLivePublisher(redis: RedisClient, logger: Logger) {
  const publish = async (topic: string, id: string, payload: object) => {
    await redis.publish(`${topic}:${id}`, JSON.stringify(payload)).catch((err: Error) => logger.warn({ err: err.message, topic }, "live update not published"));
  };
  return {
    offerReceived: (workerId: string, offerId: string) => publish(LIVE_TOPICS.offerReceived, workerId, { offerId } satisfies OfferEvent),
    offerWithdrawn: (workerId: string, offerId: string) => publish(LIVE_TOPICS.offerWithdrawn, workerId, { offerId } satisfies OfferEvent),
    taskUpdated: (taskId: string) => publish(LIVE_TOPICS.taskUpdated, taskId, { taskId } satisfies TaskEvent),
  };
}
