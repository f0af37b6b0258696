// 择优推荐: the ranking of venues by score per county and city.
import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { SafeInt } from "../../graphql/scalars.js";
import { VenueType } from "../venue/venue.types.js";
import { MAX_YEAR, MIN_YEAR, VenueYearStatus } from "./performance.types.js";

@ObjectType({ description: "择优推荐: one venue's place in the ranking" })
export class RankingEntry {
  @Field(() => Int)
  rank: number;

  @Field(() => ID)
  venueId: string;

  @Field(() => String)
  venueName: string;

  @Field(() => VenueType)
  venueType: VenueType;

  @Field(() => String)
  regionCode: string;

  @Field(() => VenueYearStatus)
  status: VenueYearStatus;

  @Field(() => Float)
  score: number;

  @Field(() => Int, { nullable: true })
  star: number | null;

  @Field(() => Int, { nullable: true })
  level: number | null;

  @Field(() => SafeInt)
  grantFen: number;

  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => Float, { nullable: true })
  previousScore: number | null;

  @Field(() => Boolean, { description: "Below the lowest tier this year and last year: for the county's review of its recognition (优胜劣汰)" })
  belowThresholdTwoYears: boolean;
}

@ObjectType()
export class RankingPage {
  @Field(() => [RankingEntry])
  items: RankingEntry[];

  @Field(() => Int)
  total: number;
}

@ArgsType()
export class RankingArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(6)
  regionCode?: string | null;

  @Field(() => VenueType, { nullable: true })
  type?: VenueType | null;

  @Field(() => Boolean, { defaultValue: false, description: "Only venues below the lowest tier (70) this year and last: due for the county's review of their recognition" })
  belowThresholdTwoYears: boolean;
}
