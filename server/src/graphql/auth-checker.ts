import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import { requireActor, type Role } from "../access/actor.js";
import type { Context } from "./context.js";

/** Throws typed errors (UNAUTHENTICATED / FORBIDDEN) instead of type-graphql's generic "Access denied". */
export class RoleAuthChecker implements AuthCheckerInterface<Context, Role> {
  check({ context }: ResolverData<Context>, roles: Role[]): boolean {
    requireActor(context.caller, ...roles);
    return true;
  }
}
