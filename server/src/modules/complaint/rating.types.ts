// Ratings of finished engagements, blocking, and the reliability workers see of an employer.
import { RATING_SIDE, RATING_TAG } from "@qz/shared";
import { ArrayMaxSize, IsIn, IsOptional, MaxLength } from "class-validator";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, UUID } from "../../graphql/scalars.js";

export const RatingSide = graphqlEnum(RATING_SIDE, "RatingSide", "评价方向");
export type RatingSide = (typeof RatingSide)[keyof typeof RatingSide];
export const RatingTag = graphqlEnum(RATING_TAG, "RatingTag", "评价标签");
export type RatingTag = (typeof RatingTag)[keyof typeof RatingTag];

@ObjectType({ description: "A rating of a finished engagement" })
export class Rating {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  engagementId: string;

  @Field(() => RatingSide)
  side: RatingSide;

  @Field(() => UUID)
  raterId: string;

  @Field(() => UUID)
  rateeId: string;

  @Field(() => Int)
  stars: number;

  @Field(() => [RatingTag])
  tags: RatingTag[];

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@InputType()
export class RateEngagementInput {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => Int)
  stars: number;

  @Field(() => [RatingTag], { defaultValue: [] })
  @ArrayMaxSize(10)
  @IsIn(RATING_TAG.values, { each: true })
  tags: RatingTag[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  comment?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Also block the other side (no offers or grabs between you)" })
  block: boolean;
}

@ArgsType()
export class BlockUserArgs {
  @Field(() => UUID)
  userId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  reason?: string | null;
}

@ObjectType()
export class UserBlock {
  @Field(() => UUID)
  blockedId: string;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType({ description: "What workers see about an employer before taking a job" })
export class EmployerReliability {
  @Field(() => UUID)
  employerId: string;

  @Field(() => Int)
  ratingCount: number;

  @Field(() => Float, { nullable: true })
  averageStars: number | null;

  @Field(() => Float, { nullable: true, description: "Share of 4–5 star ratings" })
  satisfiedShare: number | null;

  @Field(() => Int, { description: "Cancellations inside 24 h of the start after workers accepted" })
  lateCancellations: number;

  @Field(() => Int)
  wageArrearsComplaints: number;

  @Field(() => Int, { description: "Wage-arrears complaints still standing" })
  standingWageArrears: number;
}
