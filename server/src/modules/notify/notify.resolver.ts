import { Max, Min } from "class-validator";
import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { UUID } from "../../graphql/scalars.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { pageComplexity } from "../../graphql/pagination.js";
import { Notification } from "./notify.types.js";

@ArgsType()
class NotificationArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Allow()
  @Query(() => [Notification], { complexity: pageComplexity })
  myNotifications(@Args(() => NotificationArgs) { limit }: NotificationArgs, @Ctx() ctx: Context) {
    return ctx.services.notifications.myNotifications(ctx.caller, limit);
  }

  @Allow()
  @Mutation(() => Boolean)
  markNotificationRead(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.notifications.markNotificationRead(ctx.caller, id);
  }
}
