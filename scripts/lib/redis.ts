import { Redis } from "ioredis";

/** Connects once and PINGs, failing fast (no retries, ~2 s timeout); throws the connection error. */
export async function pingRedis(url: string, timeoutMs = 2000): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Without retries connect() rejects with a bare "Connection is closed."; the "error" event has the cause.
  let cause: Error | undefined;
  redis.on("error", (err: Error) => (cause ??= err));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw cause ?? err;
  } finally {
    redis.disconnect();
  }
}

/** What to tell someone without a Redis. */
export function redisHelp(url: string, reason: string): string {
  return [
    `Redis is not reachable at ${url} (${reason}).`,
    "The API and the worker need Redis (queues, pub/sub, rate limits). Start one, for example:",
    `    apt-get install -y redis-server && redis-server --daemonize yes --port 6379 --save "" --appendonly no`,
    "  or",
    "    docker run -d -p 6379:6379 redis:7",
    "and run ./scripts/start again; if your Redis listens elsewhere, set REDIS_URL (e.g. REDIS_URL=redis://host:6379).",
  ].join("\n");
}
