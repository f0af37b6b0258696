import { OFFICER_ROLE, ROLE, type Role } from "@qz/shared";
import { AppError } from "../errors.js";

export type { Role } from "@qz/shared";
export const ROLES = ROLE.values;
export const OFFICER_ROLES = OFFICER_ROLE.values;

/** The authenticated user as the access token states it. */
export interface Actor {
  userId: string;
  role: Role;
  /** VENUE_STAFF only. */
  venueId: string | null;
  /** COUNTY_OFFICER's county, or VENUE_STAFF's venue county. */
  regionCode: string | null;
}

/** Where a call came from, for the audit log. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/** Everything a service needs to know about who is calling. */
export interface Caller {
  actor: Actor | null;
  /** A job acting on the system's behalf (recorded as SYSTEM in the audit log). */
  system?: boolean;
  meta: RequestMeta;
}

/** Returns the actor when it holds one of `roles` (any role when empty); resolvers guard too, services never trust that alone. */
export function requireActor(caller: Caller, ...roles: Role[]): Actor {
  const { actor } = caller;
  if (!actor) throw new AppError("UNAUTHENTICATED", "请先登录");
  if (roles.length > 0 && !roles.includes(actor.role)) throw new AppError("FORBIDDEN", "无权执行此操作");
  return actor;
}
