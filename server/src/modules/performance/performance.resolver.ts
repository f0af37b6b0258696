import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { pageComplexity, PageArgs } from "../../graphql/pagination.js";
import { RecordActivityInput, VenueActivity, VenueActivityPage } from "./activity.types.js";
import { OnsiteAssessmentInput, SelfAssessmentInput, VenueAssessment } from "./assessment.types.js";
import { VenuePerformance, VenueYearArgs } from "./performance.types.js";
import { PolicyYearArgs, ReconcileDrift, ReconcileRun, SetSubsidyPolicyArgs, SubsidyPolicyVersion } from "./policy.types.js";
import { RankingArgs, RankingPage } from "./ranking.types.js";
import { PlacementFollowUp, RecordPlacementFollowUpInput } from "./follow-up.types.js";

const STAFF_AND_OFFICERS = ["VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER"] as const;
const OFFICERS = ["COUNTY_OFFICER", "CITY_OFFICER"] as const;

@Resolver()
export class PerformanceResolver {
  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => VenuePerformance, { description: "Live projection (or frozen result): items, score, star, grant, next-star gap, eligibility" })
  venuePerformance(@Args(() => VenueYearArgs) { venueId, year }: VenueYearArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.venueYear(ctx.caller, venueId, year);
  }

  @Allow("VENUE_STAFF")
  @Mutation(() => PlacementFollowUp, { description: "回访: staff record the follow-up call of one of their venue's placements (once each)" })
  recordPlacementFollowUp(@Arg("input", () => RecordPlacementFollowUpInput) input: RecordPlacementFollowUpInput, @Ctx() ctx: Context) {
    return ctx.services.performance.recordPlacementFollowUp(ctx.caller, input);
  }

  @Allow(...OFFICERS)
  @Query(() => RankingPage, { complexity: pageComplexity, description: "择优推荐: venues by score in the officer's county (or any, for the city)" })
  performanceRanking(@Args(() => RankingArgs) args: RankingArgs, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.ranking(ctx.caller, { ...args, ...page });
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => VenueActivityPage, { complexity: pageComplexity })
  venueActivities(@Args(() => VenueYearArgs) { venueId, year }: VenueYearArgs, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.listActivities(ctx.caller, venueId, year, page.limit, page.offset);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => VenueAssessment, { nullable: true, description: "The county officer's on-site assessment" })
  onsiteAssessment(@Args(() => VenueYearArgs) { venueId, year }: VenueYearArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.assessment(ctx.caller, venueId, year ?? ctx.services.performance.currentYear(), "ONSITE");
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => VenueAssessment, { nullable: true, description: "The venue's self-assessment (附件6 自评)" })
  selfAssessment(@Args(() => VenueYearArgs) { venueId, year }: VenueYearArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.assessment(ctx.caller, venueId, year ?? ctx.services.performance.currentYear(), "SELF");
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => SubsidyPolicyVersion, { description: "The policy in force for a year (the 2023 figures until a city officer enters a newer version)" })
  subsidyPolicy(@Args(() => PolicyYearArgs) { year }: PolicyYearArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.policyView(ctx.caller, year);
  }

  @Allow("CITY_OFFICER")
  @Query(() => [ReconcileRun], { complexity: pageComplexity, description: "The nightly reconcile's latest runs and the drift each fixed" })
  performanceReconcileRuns(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.listReconcileRuns(ctx.caller, page.limit);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => VenueActivity, { description: "Record services (A3), a recruitment event (A5) or referrals (A6) with evidence" })
  recordVenueActivity(@Arg("input", () => RecordActivityInput) input: RecordActivityInput, @Ctx() ctx: Context) {
    return ctx.services.performance.recordActivity(ctx.caller, input);
  }

  @Allow(...OFFICERS)
  @Mutation(() => VenueAssessment, { description: "On-site items C1, C2, D1, D3, vetoes and unremedied complaints (county officers)" })
  enterOnsiteAssessment(@Arg("input", () => OnsiteAssessmentInput) input: OnsiteAssessmentInput, @Ctx() ctx: Context) {
    return ctx.services.performance.enterOnsiteAssessment(ctx.caller, input);
  }

  @Allow("VENUE_STAFF")
  @Mutation(() => VenueAssessment, { description: "附件6 自评 by venue staff" })
  submitSelfAssessment(@Arg("input", () => SelfAssessmentInput) input: SelfAssessmentInput, @Ctx() ctx: Context) {
    return ctx.services.performance.submitSelfAssessment(ctx.caller, input);
  }

  @Allow("CITY_OFFICER")
  @Mutation(() => SubsidyPolicyVersion, { description: "A new policy version (amounts, tiers, six-month rule, notice days, rubric) effective from a year; audited" })
  setSubsidyPolicy(@Args(() => SetSubsidyPolicyArgs) { effectiveFromYear, policy }: SetSubsidyPolicyArgs, @Ctx() ctx: Context) {
    return ctx.services.performance.setPolicy(ctx.caller, effectiveFromYear, policy);
  }
}

@Resolver(() => ReconcileDrift)
export class ReconcileDriftResolver {
  /** Batched per request (one venues query for every drift of every run listed). Venues are never deleted. */
  @FieldResolver(() => String, { description: "The venue's name" })
  async venueName(@Root() drift: ReconcileDrift, @Ctx() ctx: Context) {
    return (await ctx.loaders.venueById.load(drift.venueId))!.name;
  }
}
