import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../graphql/auth-decorators.js";
import type { Context } from "../../graphql/context.js";
import { UUID } from "../../graphql/scalars.js";
import { Task } from "../dispatch/task.types.js";
import { BlockUserArgs, EmployerReliability, RateEngagementInput, Rating, UserBlock } from "./rating.types.js";

@Resolver(() => Rating)
export class RatingResolver {
  @Allow("WORKER", "EMPLOYER")
  @Mutation(() => Rating, { description: "Rate the other side of a finished engagement (1–5 with tags), once; optionally block them" })
  rateEngagement(@Arg("input", () => RateEngagementInput) input: RateEngagementInput, @Ctx() ctx: Context) {
    return ctx.services.ratings.rateEngagement(ctx.caller, input);
  }

  @Allow("WORKER", "EMPLOYER")
  @Query(() => [Rating], { description: "Both sides' ratings of an engagement, for its worker and employer" })
  engagementRatings(@Arg("engagementId", () => UUID) engagementId: string, @Ctx() ctx: Context) {
    return ctx.services.ratings.ratingsOfEngagement(ctx.caller, engagementId);
  }

  @Allow("WORKER", "EMPLOYER")
  @Mutation(() => Boolean, { description: "Block someone you worked with: no offers or grabs between you, either way" })
  blockUser(@Args(() => BlockUserArgs) { userId, reason }: BlockUserArgs, @Ctx() ctx: Context) {
    return ctx.services.ratings.blockUser(ctx.caller, userId, reason ?? null);
  }

  @Allow("WORKER", "EMPLOYER")
  @Mutation(() => Boolean)
  unblockUser(@Arg("userId", () => UUID) userId: string, @Ctx() ctx: Context) {
    return ctx.services.ratings.unblockUser(ctx.caller, userId);
  }

  @Allow("WORKER", "EMPLOYER")
  @Query(() => [UserBlock])
  myBlocks(@Ctx() ctx: Context) {
    return ctx.services.ratings.myBlocks(ctx.caller);
  }

  @Allow()
  @Query(() => EmployerReliability, { description: "Ratings, late cancellations and wage-arrears complaints of an employer" })
  employerReliability(@Arg("employerId", () => UUID) employerId: string, @Ctx() ctx: Context) {
    return ctx.services.ratings.employerReliability(employerId);
  }
}

/** Workers see the employer's record on every task view (DESIGN §4.6). */
@Resolver(() => Task)
export class TaskEmployerReliabilityResolver {
  @FieldResolver(() => EmployerReliability, { description: "The employer's ratings, late cancellations and wage-arrears complaints" })
  employerReliability(@Root() task: Task, @Ctx() ctx: Context) {
    return ctx.services.ratings.employerReliability(task.employerId);
  }
}
