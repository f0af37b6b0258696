// The venue-year projection (成效考核 score, star, grant) with its items, and the enums the module's types share.
import { ACTIVITY_KIND, ASSESSMENT_KIND, VENUE_YEAR_STATUS, VETO } from "@qz/shared";
import { IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, SafeInt, UUID } from "../../graphql/scalars.js";
import { VenueType } from "../venue/venue.types.js";

export const Veto = graphqlEnum(VETO, "Veto", "否决情形：弄虚作假得 0 分，其余封顶 69 分");
export type Veto = (typeof Veto)[keyof typeof Veto];
export const ActivityKind = graphqlEnum(ACTIVITY_KIND, "ActivityKind", "A3 服务人次 / A5 招聘活动 / A6 职业指导和培训推荐");
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];
export const VenueYearStatus = graphqlEnum(VENUE_YEAR_STATUS, "VenueYearStatus", "实时预估 / 已定格");
export type VenueYearStatus = (typeof VenueYearStatus)[keyof typeof VenueYearStatus];
export const AssessmentKind = graphqlEnum(ASSESSMENT_KIND, "AssessmentKind", "现场考核 / 自评");
export type AssessmentKind = (typeof AssessmentKind)[keyof typeof AssessmentKind];

export const MIN_YEAR = 2023;
export const MAX_YEAR = 2100;

@ObjectType({ description: "One rubric item (附件6): actual, target and points earned" })
export class PerformanceItem {
  @Field(() => String)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Float, { description: "Maximum points" })
  points: number;

  @Field(() => String, { description: "COUNT, RATIO (percent) or ONSITE" })
  kind: string;

  @Field(() => Float, { nullable: true, description: "Count, share in percent, or on-site points; null when not measured" })
  actual: number | null;

  @Field(() => Float)
  target: number;

  @Field(() => Int, { nullable: true })
  numerator: number | null;

  @Field(() => Int, { nullable: true })
  denominator: number | null;

  @Field(() => Float, { description: "Points earned, one decimal" })
  earned: number;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: "A rule that refuses or limits the grant" })
export class RuleReason {
  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;
}

@ObjectType()
export class NextStarHint {
  @Field(() => String)
  itemId: string;

  @Field(() => String)
  itemName: string;

  @Field(() => Int)
  needed: number;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: "What it takes to reach the next star (or grade, for stations)" })
export class NextStarGap {
  @Field(() => Int, { nullable: true })
  level: number | null;

  @Field(() => Float)
  missing: number;

  @Field(() => [NextStarHint])
  hints: NextStarHint[];

  @Field(() => String, { nullable: true })
  blockedBy: string | null;

  @Field(() => String)
  message: string;
}

@ObjectType()
export class AppliedVeto {
  @Field(() => Veto)
  code: Veto;

  @Field(() => String)
  label: string;

  @Field(() => String, { description: "ZERO or CAP" })
  effect: string;
}

@ObjectType({ description: "A frozen result lowered later" })
export class ResultAdjustment {
  @Field(() => Float)
  fromScore: number;

  @Field(() => Int, { nullable: true })
  fromStar: number | null;

  @Field(() => SafeInt)
  fromGrantFen: number;

  @Field(() => String)
  reason: string;

  @Field(() => DateTime)
  at: Date;
}

@ObjectType({ description: "A venue's score, star and grant for an assessment year (1 Dec – 30 Nov): live until the annual close freezes it" })
export class VenuePerformance {
  @Field(() => ID)
  venueId: string;

  @Field(() => String)
  venueName: string;

  @Field(() => VenueType)
  venueType: VenueType;

  @Field(() => String)
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => VenueYearStatus)
  status: VenueYearStatus;

  @Field(() => String)
  policyVersion: string;

  @Field(() => Float, { description: "0–100, one decimal" })
  score: number;

  @Field(() => Int, { nullable: true, description: "5, 4 or 3" })
  level: number | null;

  @Field(() => Int, { nullable: true, description: "Markets only" })
  star: number | null;

  @Field(() => String, { nullable: true, description: "泉州市{year}年度{N}星级零工市场" })
  title: string | null;

  @Field(() => SafeInt, { description: "The grant the venue would get (0 when not eligible), fen" })
  grantFen: number;

  @Field(() => SafeInt, { description: "The grant the score alone reaches, fen" })
  scoreGrantFen: number;

  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => [RuleReason])
  eligibility: RuleReason[];

  @Field(() => [PerformanceItem])
  items: PerformanceItem[];

  @Field(() => Float)
  deduction: number;

  @Field(() => [AppliedVeto])
  vetoes: AppliedVeto[];

  @Field(() => NextStarGap)
  nextStar: NextStarGap;

  @Field(() => Boolean, { description: "The county officer has entered the on-site items" })
  onsiteEntered: boolean;

  @Field(() => DateTime)
  computedAt: Date;

  @Field(() => DateTime, { nullable: true })
  frozenAt: Date | null;

  @Field(() => ResultAdjustment, { nullable: true })
  adjustment: ResultAdjustment | null;
}

@ArgsType()
export class VenueYearArgs {
  @Field(() => UUID, { nullable: true, description: "Staff: their own venue when omitted" })
  venueId?: string | null;

  @Field(() => Int, { nullable: true, description: "Assessment year; the current one when omitted" })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number | null;
}
