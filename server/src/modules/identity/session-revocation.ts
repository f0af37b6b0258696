import { createRedis, type RedisClient } from "../../redis.js";
import type { Deps } from "../../deps.js";

/**
 * Revoked sessions (a session is a refresh-token family; its id is the access token's `sid` claim), so an
 * access token stops working at logout or theft detection rather than at its expiry, while checking a token
 * still costs no database or Redis round trip (issue 5, finding 11).
 *
 * Redis holds the list for every process: a sorted set (member = session id, score = the time after which no
 * access token of that session can still be valid) and a channel announcing each revocation. Each API process
 * keeps the live part of the set in memory: read at start, kept current from the channel, and read again after
 * a reconnect and every SYNC_MS in case a message was lost. The revoking process records in its own memory
 * first, so its next request is refused with certainty; other processes follow one pub/sub hop later.
 */
export interface SessionRevocations {
  /** True when the session was revoked. Memory only: no I/O on the request path. */
  isRevoked(sessionId: string): boolean;
  /**
   * Records revoked sessions: in this process's memory at once, then in Redis. Never throws: when Redis is
   * down the revocation is logged and other processes accept the session's access tokens until they expire
   * (ACCESS_TOKEN_TTL_SECONDS at most); the refresh tokens are dead anyway, the database is the truth for them.
   */
  revoke(sessionIds: readonly string[]): Promise<void>;
  /** Subscribes to the channel and reads the set; waits at most START_WAIT_MS so an API can start while Redis is down. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Allowance for clocks of API processes that run slightly ahead of the revoking one. */
const CLOCK_SKEW_MS = 60_000;
const SYNC_MS = 30_000;
const START_WAIT_MS = 1_000;
/** How long a logout waits for Redis before answering anyway. */
const REDIS_WAIT_MS = 1_000;

export function createSessionRevocations({ config, redis, logger, now }: Pick<Deps, "config" | "redis" | "logger" | "now">): SessionRevocations {
  const key = `${config.queuePrefix}:revoked-sessions`;
  const channel = key;
  /** Session id → time (ms) after which its access tokens have all expired. */
  const revoked = new Map<string, number>();
  let subscriber: RedisClient | null = null;
  let timer: NodeJS.Timeout | undefined;

  const remember = (sessionId: string, until: number) => {
    if (until > (revoked.get(sessionId) ?? 0)) revoked.set(sessionId, until);
  };
  const forgetExpired = () => {
    const t = now().getTime();
    for (const [sessionId, until] of revoked) if (until <= t) revoked.delete(sessionId);
  };

  async function sync(): Promise<void> {
    const rows = await redis.zrangebyscore(key, now().getTime(), "+inf", "WITHSCORES");
    for (let i = 0; i + 1 < rows.length; i += 2) remember(rows[i]!, Number(rows[i + 1]));
    forgetExpired();
  }
  const syncQuietly = () =>
    sync().catch((err: Error) => logger.warn({ err: err.message }, "revoked sessions: could not read the list from Redis"));

  function onMessage(message: string) {
    try {
      const { until, sessionIds } = JSON.parse(message) as { until: unknown; sessionIds: unknown };
      if (typeof until !== "number" || !Array.isArray(sessionIds)) return;
      for (const sessionId of sessionIds) if (typeof sessionId === "string") remember(sessionId, until);
    } catch {
      logger.warn("revoked sessions: ignored a malformed message");
    }
  }

  return {
    isRevoked: (sessionId) => revoked.has(sessionId),

    async revoke(sessionIds) {
      if (!sessionIds.length) return;
      const t = now().getTime();
      const until = t + config.accessTokenTtlSeconds * 1000 + CLOCK_SKEW_MS;
      for (const sessionId of sessionIds) remember(sessionId, until);
      forgetExpired();
      try {
        const results = await withTimeout(
          redis
            .multi()
            .zadd(key, ...sessionIds.flatMap((sessionId) => [until, sessionId]))
            .zremrangebyscore(key, "-inf", t)
            .publish(channel, JSON.stringify({ until, sessionIds }))
            .exec(),
          REDIS_WAIT_MS,
        );
        const failed = results?.find(([err]) => err)?.[0];
        if (failed || !results) throw failed ?? new Error("transaction discarded");
      } catch (err) {
        logger.error(
          { err: (err as Error).message, sessionIds },
          "revoked sessions: Redis unavailable; other API processes accept these sessions' access tokens until they expire",
        );
      }
    },

    async start() {
      // A subscriber connection cannot run other commands; reads go through the shared client. Its subscribe
      // waits for Redis however long it is down (maxRetriesPerRequest: null), so the channel is never lost.
      const sub = (subscriber = createRedis(config, { maxRetriesPerRequest: null }));
      sub.on("error", (err) => logger.warn({ err: err.message }, "revoked sessions: subscriber error"));
      sub.on("message", (from: string, message: string) => from === channel && onMessage(message));
      sub.on("ready", () => void syncQuietly());
      timer = setInterval(() => void syncQuietly(), SYNC_MS);
      timer.unref();
      try {
        await withTimeout(
          sub.subscribe(channel).then(() => sync()),
          START_WAIT_MS,
        );
      } catch (err) {
        logger.warn({ err: (err as Error).message }, "revoked sessions: started without the list; it loads when Redis answers");
      }
    },

    async close() {
      clearInterval(timer);
      // quit() waits for a reply that never comes while Redis is down; disconnect() does not.
      if (subscriber) await (subscriber.status === "ready" ? subscriber.quit() : subscriber.disconnect());
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
