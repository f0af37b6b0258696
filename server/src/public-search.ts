// The public pages' searches (venue finder, open tasks): one per-IP budget and one input check for both.
import { checkPublicNearby } from "@qz/shared";
import type { Caller } from "./access/actor.js";
import type { Deps } from "./deps.js";
import { AppError } from "./errors.js";
import { redisLimiter, spendOrRefuse } from "./rate-limit.js";

/** Public searches (venues and open tasks together) per IP per minute: a visitor's page needs two. */
export const PUBLIC_SEARCHES_PER_MINUTE = 30;

/** The per-IP limiter the public searches share (venue finder and open tasks). */
export function createPublicSearchLimit(deps: Pick<Deps, "config" | "redis">) {
  const limiter = redisLimiter(deps, "public-search", PUBLIC_SEARCHES_PER_MINUTE, 60);
  return (caller: Caller) => spendOrRefuse(limiter, `ip:${caller.meta.ip ?? "unknown"}`, "PUBLIC_SEARCH_RATE", "查询过于频繁");
}

/** Checks a public search's point and page size with the shared rule, or refuses with BAD_USER_INPUT. */
export function checkedNearby(q: { lat: number; lng: number; first: number }) {
  const r = checkPublicNearby(q);
  if (!r.ok) throw new AppError("BAD_USER_INPUT", r.reasons.map((x) => x.message).join("；"), r.reasons);
  return r.value;
}

