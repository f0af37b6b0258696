// A frozen venue-year lowered or its star withdrawn later, with its effect on the grant.
import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { SafeInt, UUID } from "../../graphql/scalars.js";

@ObjectType()
export class LoweredResult {
  @Field(() => Float)
  score: number;

  @Field(() => Int, { nullable: true })
  star: number | null;

  @Field(() => SafeInt)
  grantFen: number;

  @Field(() => SafeInt, { description: "Already paid beyond the lowered grant: to reclaim" })
  reclaimFen: number;
}

@InputType()
export class LowerResultInput {
  @Field(() => UUID)
  venueId: string;

  @Field(() => Int)
  @Min(2023)
  @Max(2100)
  year: number;

  @Field(() => Float, { nullable: true, description: "The lowered score; omit to withdraw the star only" })
  @IsOptional()
  @Min(0)
  @Max(100)
  score?: number | null;

  @Field(() => Boolean, { defaultValue: false })
  withdrawStar: boolean;

  @Field(() => String)
  @MaxLength(500)
  reason: string;
}
