import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { IdentityResolver, WorkerProfileResolver } from "../modules/identity/identity.resolver.js";
import { NotificationResolver } from "../modules/notify/notify.resolver.js";
import { ReferenceResolver } from "../modules/reference/reference.resolver.js";
import { VenueResolver } from "../modules/venue/venue.resolver.js";
import { RoleAuthChecker } from "./auth-checker.js";

export const RESOLVERS = [IdentityResolver, WorkerProfileResolver, VenueResolver, NotificationResolver, ReferenceResolver] as const;

/** Builds the executable schema. Validation (class-validator) is on for every input, decided once here. */
export function buildAppSchema(pubSub?: PubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    authChecker: RoleAuthChecker,
    authMode: "error",
    validate: { forbidUnknownValues: false },
    pubSub,
  });
}

/** The committed SDL: sorted, so it is stable whatever the declaration order. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
