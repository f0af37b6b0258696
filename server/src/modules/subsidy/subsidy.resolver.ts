import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { pageComplexity, PageArgs } from "../../graphql/pagination.js";
import { UUID } from "../../graphql/scalars.js";
import { CountyBudget, CountyBudgetArgs, CountyBudgetInput } from "./budget.types.js";
import { FundReportArgs, FundReportRow, FundUse, FundUseInput, GrantFunds } from "./fund-use.types.js";
import { LowerResultInput, LoweredResult } from "./lowered-result.types.js";
import { DecideObjectionArgs, ObjectionArgs, SubsidyObjection } from "./public-notice.types.js";
import { ApplicationFilterArgs, ApplicationMaterialsInput, ApplicationReasonArgs, OneTimeApplicationInput, SubsidyApplication, SubsidyApplicationPage, SubsidyPaymentInput } from "./subsidy.types.js";
import { toApplication } from "./subsidy.view.js";

const STAFF_AND_OFFICERS = ["VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER"] as const;
const OFFICERS = ["COUNTY_OFFICER", "CITY_OFFICER"] as const;

@Resolver()
export class SubsidyResolver {
  @Allow()
  @Query(() => SubsidyApplicationPage, { complexity: pageComplexity, description: "Staff their venue's, officers their county's; anyone else the public notices (公示)" })
  async subsidyApplications(@Args(() => ApplicationFilterArgs) filter: ApplicationFilterArgs, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const { items, total } = await ctx.services.subsidy.listApplications(ctx.caller, { ...filter, ...page });
    return { total, items: items.map((i) => ({ venueName: i.venueName, application: toApplication(i.application) })) };
  }

  @Allow()
  @Query(() => SubsidyApplication)
  subsidyApplication(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.subsidy.getApplication(ctx.caller, id).then(toApplication);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => [SubsidyObjection])
  subsidyObjections(@Arg("applicationId", () => UUID) applicationId: string, @Ctx() ctx: Context) {
    return ctx.services.subsidy.listObjections(ctx.caller, applicationId);
  }

  @Allow(...OFFICERS)
  @Query(() => CountyBudget)
  countySubsidyBudget(@Args(() => CountyBudgetArgs) { regionCode, year }: CountyBudgetArgs, @Ctx() ctx: Context) {
    return ctx.services.subsidy.budget(ctx.caller, regionCode, year);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => GrantFunds, { description: "A paid grant's spending and balance" })
  async grantFunds(@Arg("applicationId", () => UUID) applicationId: string, @Ctx() ctx: Context) {
    const f = await ctx.services.subsidy.fundUses(ctx.caller, applicationId);
    return { ...f, application: toApplication(f.application) };
  }

  @Allow(...OFFICERS)
  @Query(() => [FundReportRow], { description: "Paid grants with spending per category and balance, per county" })
  fundUseReport(@Args(() => FundReportArgs) { regionCode, year }: FundReportArgs, @Ctx() ctx: Context) {
    return ctx.services.subsidy.fundReport(ctx.caller, regionCode, year);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => SubsidyApplication, { description: "一次性运维补助: once per venue, after recognition" })
  createOneTimeApplication(@Arg("input", () => OneTimeApplicationInput) input: OneTimeApplicationInput, @Ctx() ctx: Context) {
    return ctx.services.subsidy.createOneTimeApplication(ctx.caller, input).then(toApplication);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => SubsidyApplication)
  updateApplicationMaterials(@Arg("input", () => ApplicationMaterialsInput) input: ApplicationMaterialsInput, @Ctx() ctx: Context) {
    return ctx.services.subsidy.updateMaterials(ctx.caller, input.id, input.materials, input.note).then(toApplication);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => SubsidyApplication, { description: "DRAFT/RETURNED → SUBMITTED when the materials checklist is complete" })
  submitApplication(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.subsidy.submit(ctx.caller, id).then(toApplication);
  }

  @Allow(...OFFICERS)
  @Mutation(() => SubsidyApplication)
  startApplicationReview(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.subsidy.startReview(ctx.caller, id).then(toApplication);
  }

  @Allow(...OFFICERS)
  @Mutation(() => SubsidyApplication)
  returnApplication(@Args(() => ApplicationReasonArgs) { id, reason }: ApplicationReasonArgs, @Ctx() ctx: Context) {
    return ctx.services.subsidy.returnApplication(ctx.caller, id, reason).then(toApplication);
  }

  @Allow(...OFFICERS)
  @Mutation(() => SubsidyApplication)
  rejectApplication(@Args(() => ApplicationReasonArgs) { id, reason }: ApplicationReasonArgs, @Ctx() ctx: Context) {
    return ctx.services.subsidy.rejectApplication(ctx.caller, id, reason).then(toApplication);
  }

  @Allow(...OFFICERS)
  @Mutation(() => SubsidyApplication, { description: "公示 for the policy's working days; approved automatically at its end unless an objection stands" })
  publishApplication(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.subsidy.publish(ctx.caller, id).then(toApplication);
  }

  @Allow()
  @Mutation(() => SubsidyObjection, { description: "Any logged-in user may object during the public notice" })
  fileObjection(@Args(() => ObjectionArgs) { applicationId, reason }: ObjectionArgs, @Ctx() ctx: Context) {
    return ctx.services.subsidy.fileObjection(ctx.caller, applicationId, reason);
  }

  @Allow(...OFFICERS)
  @Mutation(() => SubsidyObjection, { description: "Upheld blocks the application (back to review); dismissed lets the notice run out" })
  decideObjection(@Args(() => DecideObjectionArgs) { id, upheld, note }: DecideObjectionArgs, @Ctx() ctx: Context) {
    return ctx.services.subsidy.decideObjection(ctx.caller, id, upheld, note);
  }

  @Allow(...OFFICERS)
  @Mutation(() => SubsidyApplication)
  recordSubsidyPayment(@Arg("input", () => SubsidyPaymentInput) { id, ...payment }: SubsidyPaymentInput, @Ctx() ctx: Context) {
    return ctx.services.subsidy.recordPayment(ctx.caller, id, payment).then(toApplication);
  }

  @Allow(...OFFICERS)
  @Mutation(() => CountyBudget)
  setCountySubsidyBudget(@Arg("input", () => CountyBudgetInput) { regionCode, year, amountFen }: CountyBudgetInput, @Ctx() ctx: Context) {
    return ctx.services.subsidy.setBudget(ctx.caller, regionCode, year, amountFen);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => FundUse, { description: "Record a spending against a paid grant; construction and fixed assets are refused" })
  recordFundUse(@Arg("input", () => FundUseInput) { applicationId, ...use }: FundUseInput, @Ctx() ctx: Context) {
    return ctx.services.subsidy.recordFundUse(ctx.caller, applicationId, use);
  }

  @Allow(...OFFICERS)
  @Mutation(() => LoweredResult, { description: "Lower a frozen result or withdraw its star, with a reason (audited)" })
  async lowerVenueResult(@Arg("input", () => LowerResultInput) input: LowerResultInput, @Ctx() ctx: Context) {
    const { result, reclaimFen } = await ctx.services.subsidy.lowerFrozenResult(ctx.caller, input);
    return { score: result.scoreTenths / 10, star: result.star, grantFen: result.grantFen, reclaimFen };
  }
}
