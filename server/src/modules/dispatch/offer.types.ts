// Offers (派单) and engagements: what a worker is offered and why, what they accepted, and the arguments of
// answering, withdrawing and proxy accept.
import { MaxLength, Max, Min } from "class-validator";
import { ArgsType, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { DateTime, UUID } from "../../graphql/scalars.js";
import { EngagementSource, EngagementStatus, OfferStatus } from "./dispatch.types.js";

@ObjectType({ description: "One factor of an offer's score: why this offer was made" })
export class ScoreFactor {
  @Field(() => String)
  factor: string;

  @Field(() => String, { description: "zh-CN label" })
  label: string;

  @Field(() => Float, { description: "The configured weight of the factor" })
  weight: number;

  @Field(() => Float, { description: "The factor's weighted contribution to the total" })
  part: number;
}

@ObjectType({ description: "派单: a task offered to a worker in a wave" })
export class Offer {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  taskId: string;

  @Field(() => UUID)
  workerId: string;

  @Field(() => Int)
  wave: number;

  @Field(() => OfferStatus)
  status: keyof typeof OfferStatus;

  @Field(() => Int)
  distanceMeters: number;

  @Field(() => Int)
  travelMinutes: number;

  @Field(() => DateTime)
  expiresAt: Date;

  @Field(() => DateTime, { nullable: true })
  respondedAt: Date | null;

  @Field(() => DateTime)
  createdAt: Date;

  score: Record<string, number>;
}

@ObjectType({ description: "The accepted worker on a task" })
export class Engagement {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  taskId: string;

  @Field(() => UUID)
  workerId: string;

  @Field(() => EngagementSource)
  source: keyof typeof EngagementSource;

  @Field(() => UUID, { nullable: true, description: "Venue staff who accepted for the worker (proxy mode)" })
  proxyBy: string | null;

  @Field(() => EngagementStatus)
  status: keyof typeof EngagementStatus;

  @Field(() => DateTime)
  startsAt: Date;

  @Field(() => DateTime)
  endsAt: Date;

  @Field(() => DateTime)
  acceptedAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When the worker confirmed again before the start (到岗确认)" })
  confirmedAt: Date | null;

  @Field(() => Boolean)
  late: boolean;
}

@ArgsType()
export class WithdrawEngagementArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  reason?: string | null;
}

@ArgsType()
export class ProxyAcceptArgs {
  @Field(() => UUID)
  taskId: string;

  @Field(() => UUID)
  workerId: string;

  @Field(() => String)
  @MaxLength(10)
  smsCode: string;
}

@ArgsType()
export class MyOffersArgs {
  @Field(() => OfferStatus, { nullable: true })
  status?: keyof typeof OfferStatus | null;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;
}
