import "reflect-metadata";
import { createPubSub } from "@graphql-yoga/subscription";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { validateArgs } from "./validate-args.js";
import { ComplaintEvidenceResolver, ComplaintResolver } from "../modules/complaint/complaint.resolver.js";
import { RatingResolver, TaskEmployerReliabilityResolver } from "../modules/complaint/rating.resolver.js";
import { EngagementResolver, OfferResolver } from "../modules/dispatch/offer.resolver.js";
import { TaskResolver } from "../modules/dispatch/task.resolver.js";
import { IdentityResolver, WorkerProfileResolver } from "../modules/identity/identity.resolver.js";
import { AttendanceResolver } from "../modules/attendance/attendance.resolver.js";
import { InsuranceResolver } from "../modules/insurance/insurance.resolver.js";
import { SettlementResolver } from "../modules/settlement/settlement.resolver.js";
import { ContractResolver } from "../modules/contract/contract.resolver.js";
import { LedgerResolver } from "../modules/ledger/ledger.resolver.js";
import { NotificationResolver } from "../modules/notify/notify.resolver.js";
import { QueueDashboardResolver } from "../modules/queues/queues.resolver.js";
import { PerformanceResolver, ReconcileDriftResolver } from "../modules/performance/performance.resolver.js";
import { ReferenceResolver } from "../modules/reference/reference.resolver.js";
import { ReportResolver } from "../modules/report/report.resolver.js";
import { SubsidyResolver } from "../modules/subsidy/subsidy.resolver.js";
import { VenueResolver } from "../modules/venue/venue.resolver.js";
import { RoleAuthChecker } from "./auth-checker.js";

export const RESOLVERS = [IdentityResolver, WorkerProfileResolver, VenueResolver, NotificationResolver, ReferenceResolver, TaskResolver, OfferResolver, EngagementResolver, QueueDashboardResolver, LedgerResolver, ContractResolver, AttendanceResolver, InsuranceResolver, SettlementResolver, ComplaintResolver, ComplaintEvidenceResolver, RatingResolver, TaskEmployerReliabilityResolver, PerformanceResolver, ReconcileDriftResolver, SubsidyResolver, ReportResolver] as const;

/** Builds the executable schema. Validation (class-validator) is on for every input, decided once here. */
export function buildAppSchema(pubSub?: PubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    authChecker: RoleAuthChecker,
    authMode: "error",
    validateFn: validateArgs,
    // Printing the schema and unit tests need no Redis; the API passes its Redis-backed pubSub.
    pubSub: pubSub ?? createPubSub(),
  });
}

/** The committed SDL: sorted, so it is stable whatever the declaration order. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
