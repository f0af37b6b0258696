import { maskName, RANKING_FACTORS } from "@qz/shared";
import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { pageComplexity } from "../../graphql/pagination.js";
import { DateTime, UUID } from "../../graphql/scalars.js";
import { SmsCodeRequest } from "../sms/sms.types.js";
import { Engagement, MyOffersArgs, Offer, ProxyAcceptArgs, ScoreFactor, WithdrawEngagementArgs } from "./offer.types.js";
import { Task } from "./task.types.js";
import { LIVE_TOPICS, type OfferEvent, type TaskEvent } from "./live.js";
import type { EngagementRow, OfferRow } from "./offer.repo.js";

const FACTOR_LABELS: Record<(typeof RANKING_FACTORS)[number], string> = {
  proximity: "离岗位近",
  skill: "技能等级",
  reliability: "守约记录（完工、爽约、临时退出）",
  rating: "用工方评价",
  fairness: "近7天工时较少（公平轮转）",
  priority: "重点群体优先（大龄、就业困难人员、零就业家庭）",
};

const me = ({ context }: { context: Context }) => context.caller.actor?.userId ?? "anonymous";

@Resolver(() => Offer)
export class OfferResolver {
  @Allow("WORKER")
  @Query(() => [Offer], { complexity: pageComplexity })
  myOffers(@Args(() => MyOffersArgs) { status, limit }: MyOffersArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.myOffers(ctx.caller, status ?? null, limit);
  }

  @Allow()
  @Query(() => Offer)
  offer(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.dispatch.getOffer(ctx.caller, id);
  }

  @Allow("WORKER")
  @Mutation(() => Engagement)
  acceptOffer(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.dispatch.acceptOffer(ctx.caller, id);
  }

  @Allow("WORKER")
  @Mutation(() => Offer)
  declineOffer(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.dispatch.declineOffer(ctx.caller, id);
  }

  @Allow("WORKER")
  @Mutation(() => Engagement, { description: "Grab mode: take an open task from nearbyTasks (same accept path)" })
  takeTask(@Arg("taskId", () => UUID) taskId: string, @Ctx() ctx: Context) {
    return ctx.services.dispatch.takeTask(ctx.caller, taskId);
  }

  @Allow("VENUE_STAFF")
  @Mutation(() => SmsCodeRequest, { description: "Texts a PROXY_ACTION code to a worker of the staff member's venue" })
  requestProxyCode(@Arg("workerId", () => UUID) workerId: string, @Ctx() ctx: Context) {
    return ctx.services.dispatch.requestProxyCode(ctx.caller, workerId);
  }

  @Allow("VENUE_STAFF")
  @Mutation(() => Engagement, { description: "Proxy mode: accept for a walk-in worker with the code texted to them (marked and audited)" })
  proxyAccept(@Args(() => ProxyAcceptArgs) { taskId, workerId, smsCode }: ProxyAcceptArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.proxyAccept(ctx.caller, taskId, workerId, smsCode);
  }

  @Allow("WORKER")
  @Mutation(() => Engagement, { description: "Withdraw before the start; inside 24 h it counts against reliability" })
  withdrawEngagement(@Args(() => WithdrawEngagementArgs) { id, reason }: WithdrawEngagementArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.withdrawEngagement(ctx.caller, id, reason ?? null);
  }

  @Allow("WORKER")
  @Mutation(() => Engagement, { description: "到岗确认: the worker confirms again before the start (by confirmBy); a second call changes nothing" })
  confirmEngagement(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.dispatch.confirmEngagement(ctx.caller, id);
  }

  @Allow("WORKER")
  @Query(() => [Engagement], { complexity: pageComplexity })
  myEngagements(@Args(() => MyOffersArgs) { limit }: MyOffersArgs, @Ctx() ctx: Context) {
    return ctx.services.dispatch.myEngagements(ctx.caller, limit);
  }

  @Allow("WORKER")
  @Subscription(() => Offer, { topics: LIVE_TOPICS.offerReceived, topicId: me, description: "Offers made to the signed-in worker" })
  offerReceived(@Root() event: OfferEvent, @Ctx() ctx: Context) {
    return ctx.services.dispatch.getOffer(ctx.caller, event.offerId);
  }

  @Allow("WORKER")
  @Subscription(() => Offer, { topics: LIVE_TOPICS.offerWithdrawn, topicId: me, description: "The worker's offers withdrawn (the task filled or was cancelled)" })
  offerWithdrawn(@Root() event: OfferEvent, @Ctx() ctx: Context) {
    return ctx.services.dispatch.getOffer(ctx.caller, event.offerId);
  }

  @Allow("EMPLOYER", "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Subscription(() => Task, {
    topics: LIVE_TOPICS.taskUpdated,
    topicId: ({ args }) => args.taskId,
    // Checked per message: only the task's employer, its venue's staff and officers in scope hear of it.
    filter: ({ args, context }: SubscriptionHandlerData<TaskEvent, { taskId: string }, Context>) => context.services.dispatch.canWatchTask(context.caller, args.taskId),
    description: "Seats, waves and status of one task, for its employer and the staff and officers over it",
  })
  taskUpdated(@Arg("taskId", () => UUID) _taskId: string, @Root() event: TaskEvent, @Ctx() ctx: Context) {
    return ctx.services.dispatch.getTask(ctx.caller, event.taskId);
  }

  @FieldResolver(() => Task)
  task(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    return ctx.services.dispatch.getTask(ctx.caller, offer.taskId);
  }

  @FieldResolver(() => [ScoreFactor], { nullable: true, description: "Why this offer: for the worker and for staff and officers in scope" })
  async why(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    if (!(await ctx.services.dispatch.canSeeScore(ctx.caller, offer))) return null;
    const weights = ctx.services.dispatch.settings.weights;
    return RANKING_FACTORS.map((factor) => ({ factor, label: FACTOR_LABELS[factor], weight: weights[factor], part: offer.score[factor] ?? 0 }));
  }

  @FieldResolver(() => Float, { nullable: true, description: "The offer's total score (0..1), with `why`" })
  async score(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    return (await ctx.services.dispatch.canSeeScore(ctx.caller, offer)) ? (offer.score.total ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The worker's name masked (张**), for the same readers as `why`" })
  async workerName(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    if (!(await ctx.services.dispatch.canSeeScore(ctx.caller, offer))) return null;
    return maskedWorkerName(ctx, offer.workerId);
  }
}

/** A worker's real name masked, batched through the request's loader. */
async function maskedWorkerName(ctx: Context, workerId: string) {
  const profile = await ctx.loaders.workerProfileByUserId.load(workerId);
  return profile ? maskName(profile.realName) : null;
}

@Resolver(() => Engagement)
export class EngagementResolver {
  @FieldResolver(() => String, { nullable: true, description: "The worker's name masked (张**); whoever sees the engagement sees this" })
  workerName(@Root() engagement: EngagementRow, @Ctx() ctx: Context) {
    return maskedWorkerName(ctx, engagement.workerId);
  }

  @FieldResolver(() => DateTime, { description: "到岗确认 deadline: unconfirmed by then, the seat is released and counted against reliability" })
  confirmBy(@Root() engagement: EngagementRow, @Ctx() ctx: Context) {
    return ctx.services.dispatch.confirmByOf(engagement);
  }

  @FieldResolver(() => Task)
  task(@Root() engagement: EngagementRow, @Ctx() ctx: Context) {
    return ctx.services.dispatch.getTask(ctx.caller, engagement.taskId);
  }
}
