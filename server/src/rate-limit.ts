import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Deps } from "./deps.js";
import { AppError } from "./errors.js";

/** A Redis counter of `points` per `durationSeconds` under the process's key prefix (so tests never share one). */
export function redisLimiter({ config, redis }: Pick<Deps, "config" | "redis">, name: string, points: number, durationSeconds: number) {
  return new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.queuePrefix}:${name}`, points, duration: durationSeconds });
}

/** Seconds until a refused counter allows again, rounded up. */
export const secondsToWait = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Spends one point, atomically; when none is left, throws RATE_LIMITED saying how many seconds to wait,
 * with `reason` as the machine-readable reason code.
 */
export async function spendOrRefuse(limiter: RateLimiterRedis, key: string, reason: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const message = `${what}，请 ${secondsToWait(err)} 秒后再试`;
    throw new AppError("RATE_LIMITED", message, [{ code: reason, message }]);
  }
}
