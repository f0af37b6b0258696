import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { pageComplexity, PageArgs } from "../../graphql/pagination.js";
import { UUID } from "../../graphql/scalars.js";
import { DisputeSettlementArgs, PartTimeWeekFlag, PayoutReconciliationPage, PayWageForComplaintArgs, Settlement, SubmitSettlementInput } from "./settlement.types.js";

@Resolver(() => Settlement)
export class SettlementResolver {
  @Allow()
  @Query(() => Settlement, { nullable: true, description: "The engagement's settlement (whoever may read its contract)" })
  settlementOfEngagement(@Arg("engagementId", () => UUID) engagementId: string, @Ctx() ctx: Context) {
    return ctx.services.settlement.settlementOfEngagement(ctx.caller, engagementId);
  }

  @Allow("EMPLOYER")
  @Mutation(() => Settlement, { description: "The employer submits pay for the approved hours (escrow must cover it)" })
  submitSettlement(@Arg("input", () => SubmitSettlementInput) input: SubmitSettlementInput, @Ctx() ctx: Context) {
    return ctx.services.settlement.submitSettlement(ctx.caller, input);
  }

  @Allow("WORKER")
  @Mutation(() => Settlement, { description: "The worker confirms: the wage is paid to their bank card" })
  confirmSettlement(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.settlement.confirmSettlement(ctx.caller, id);
  }

  @Allow("WORKER")
  @Mutation(() => Settlement, { description: "The worker disputes the amount: a wage complaint opens" })
  disputeSettlement(@Args(() => DisputeSettlementArgs) { id, reason }: DisputeSettlementArgs, @Ctx() ctx: Context) {
    return ctx.services.settlement.disputeSettlement(ctx.caller, id, reason);
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Mutation(() => Settlement, { description: "欠薪代发: the complaint's handler pays the engaged worker's wage from the task's escrow and resolves the wage-arrears complaint (idempotent by complaint)" })
  async payWageForComplaint(@Args(() => PayWageForComplaintArgs) { complaintId, note }: PayWageForComplaintArgs, @Ctx() ctx: Context) {
    return (await ctx.services.settlement.payWageForComplaint(ctx.caller, complaintId, note)).settlement;
  }

  @Allow("EMPLOYER", "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Mutation(() => [Settlement], { description: "取消补偿: pays the seat holders of a late-cancelled task their fee (again after a refusal, e.g. once the employer topped up; idempotent)" })
  chargeCancellationFees(@Arg("taskId", () => UUID) taskId: string, @Ctx() ctx: Context) {
    return ctx.services.cancellationFees.chargeCancellationFeesFor(ctx.caller, taskId);
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Query(() => PayoutReconciliationPage, { complexity: pageComplexity, description: "支付对账: daily runs newest first, differences in the caller's scope" })
  payoutReconciliations(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.reconciliation.payoutReconciliations(ctx.caller, page);
  }

  @FieldResolver(() => PartTimeWeekFlag, { nullable: true, description: "The 24-hour part-time week flag of this worker and employer for the week of the work" })
  partTimeWeek(@Root() s: Settlement, @Ctx() ctx: Context) {
    return ctx.services.attendance.partTimeFlagOf(s.engagementId);
  }
}
