import { Authorized, Extensions } from "type-graphql";
import type { Role } from "../access/actor.js";

/**
 * Every root field carries exactly one of these; the schema-guard test fails on any that does not.
 * The rule is also recorded as a field extension so the built schema itself shows who may call what.
 */
export function Allow(...roles: Role[]): MethodDecorator {
  return (target, key, descriptor) => {
    Authorized(...roles)(target, key, descriptor);
    Extensions({ auth: roles.length ? roles : "AUTHENTICATED" })(target, key, descriptor);
  };
}

/** Callable without a session (login, registration, public reference data). */
export function Public(): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ auth: "PUBLIC" })(target, key, descriptor);
  };
}
