import { MaxLength } from "class-validator";
import { Args, ArgsType, Ctx, Field, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { UUID } from "../../graphql/scalars.js";
import { InsuranceCoverage } from "./insurance.types.js";

@ArgsType()
class InsuranceCoverageArgs {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => String, { nullable: true, description: "A day to prove cover for (YYYY-MM-DD, Asia/Shanghai)" })
  @MaxLength(10)
  day?: string | null;
}

@Resolver(() => InsuranceCoverage)
export class InsuranceResolver {
  @Allow()
  @Query(() => InsuranceCoverage, { description: "零工保: what can be proven for an engagement (and a day); the parties, the venue's staff and officers in scope" })
  insuranceCoverage(@Args(() => InsuranceCoverageArgs) { engagementId, day }: InsuranceCoverageArgs, @Ctx() ctx: Context) {
    return ctx.services.insurance.coverage(ctx.caller, engagementId, day);
  }
}
