import { Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { QueueDashboardLink } from "./queues.types.js";

@Resolver(() => QueueDashboardLink)
export class QueueDashboardResolver {
  @Allow("CITY_OFFICER", "COUNTY_OFFICER")
  @Mutation(() => QueueDashboardLink, { description: "队列监控: a one-minute link into Bull Board (read-only for county officers)" })
  openQueueDashboard(@Ctx() ctx: Context) {
    return ctx.services.queues.openDashboard(ctx.caller);
  }
}
