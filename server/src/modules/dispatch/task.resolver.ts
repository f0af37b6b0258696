import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow, Public } from "../../graphql/auth-decorators.js";
import { pageComplexity } from "../../graphql/pagination.js";
import { requestedFields } from "../../graphql/selection.js";
import { UUID } from "../../graphql/scalars.js";
import { NearbyTaskConnection, NearbyTasksArgs } from "./browse.types.js";
import { FairnessReport, FairnessReportArgs } from "./fairness.types.js";
import { Engagement, Offer } from "./offer.types.js";
import { CancelTaskArgs, PostTaskInput, Task, TaskListArgs, TaskPage } from "./task.types.js";
import { EditTaskInput } from "./task-edit.types.js";
import type { TaskRow } from "./task.repo.js";

import { PublicNearbyArgs } from "../venue/finder.types.js";
import { PublicTask } from "./public-task.types.js";

const OFFICERS = ["COUNTY_OFFICER", "CITY_OFFICER"] as const;

@Resolver(() => Task)
export class TaskResolver {
  @Allow("EMPLOYER", "VENUE_STAFF")
  @Mutation(() => Task, { description: "An employer posts a task, or venue staff for an employer (proxy, audited)" })
  postTask(@Arg("input", () => PostTaskInput) input: PostTaskInput, @Ctx() ctx: Context) {
    return ctx.services.dispatch.postTask(ctx.caller, input);
  }

  @Allow("EMPLOYER", "VENUE_STAFF")
  @Mutation(() => Task)
  cancelTask(@Args(() => CancelTaskArgs) { id, reason }: CancelTaskArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.cancelTask(ctx.caller, id, reason);
  }

  @Allow("EMPLOYER", "VENUE_STAFF")
  @Mutation(() => Task, { description: "Edit a task before its start with the rules (see EditTaskInput); audited, and watchers get taskUpdated" })
  editTask(@Arg("id", () => UUID) id: string, @Arg("input", () => EditTaskInput) input: EditTaskInput, @Ctx() ctx: Context) {
    return ctx.services.dispatch.editTask(ctx.caller, id, input);
  }

  @Allow()
  @Query(() => Task)
  task(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.dispatch.getTask(ctx.caller, id);
  }

  @Allow("EMPLOYER")
  @Query(() => TaskPage, { complexity: pageComplexity })
  myTasks(@Args(() => TaskListArgs) args: TaskListArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.myTasks(ctx.caller, args);
  }

  @Allow("VENUE_STAFF", ...OFFICERS)
  @Query(() => TaskPage, { complexity: pageComplexity, description: "Staff: their venue's tasks; officers: their county's, or all" })
  tasks(@Args(() => TaskListArgs) args: TaskListArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.listTasks(ctx.caller, args);
  }

  @Allow("WORKER")
  @Query(() => NearbyTaskConnection, {
    description: "Grab mode: open tasks within the worker's reach, nearest in travel time first",
    complexity: ({ args, childComplexity }) => 1 + Math.min(Math.max(Number(args.first) || 20, 1), 50) * childComplexity,
  })
  nearbyTasks(@Args(() => NearbyTasksArgs) { filter, first, after }: NearbyTasksArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.services.dispatch.nearbyTasks(ctx.caller, filter ?? {}, first, after ?? null, requestedFields(info, ["items", "task"]));
  }

  @Public()
  @Query(() => [PublicTask], { description: "附近在招 (no login): open tasks nearest to a point, without employer, address or exact place; at most 20, rate limited per IP" })
  openTasksNear(@Args(() => PublicNearbyArgs) args: PublicNearbyArgs, @Ctx() ctx: Context) {
    return ctx.services.publicTasks.openTasksNear(ctx.caller, args);
  }

  @Allow(...OFFICERS)
  @Query(() => FairnessReport, { description: "Each priority group's share of available workers, offers and engagements" })
  fairnessReport(@Args(() => FairnessReportArgs) { regionCode, month }: FairnessReportArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.fairnessReport(ctx.caller, regionCode, month);
  }

  @FieldResolver(() => [Offer], { description: "The employer, staff and officers in scope; empty for workers" })
  offers(@Root() task: TaskRow, @Ctx() ctx: Context) {
    return ctx.services.dispatch.offersOfTask(ctx.caller, task);
  }

  @FieldResolver(() => [Engagement], { description: "Workers see only their own" })
  engagements(@Root() task: TaskRow, @Ctx() ctx: Context) {
    return ctx.services.dispatch.engagementsOfTask(ctx.caller, task);
  }
}
