import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { UUID } from "../../graphql/scalars.js";
import { InsuranceCoverage } from "./insurance.types.js";

@Resolver(() => InsuranceCoverage)
export class InsuranceResolver {
  @Allow()
  @Query(() => InsuranceCoverage, { description: "零工保: what can be proven for an engagement (and a day); the parties, the venue's staff and officers in scope" })
  insuranceCoverage(@Arg("engagementId", () => UUID) engagementId: string, @Arg("day", () => String, { nullable: true }) day: string | null, @Ctx() ctx: Context) {
    return ctx.services.insurance.coverage(ctx.caller, engagementId, day);
  }
}
