import { ACTIVITY_KIND, ASSESSMENT_KIND, VENUE_YEAR_STATUS, VETO } from "@qz/shared";
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, LocalDate, SafeInt, UUID } from "../../graphql/scalars.js";
import { VenueType } from "../venue/venue.types.js";

export const Veto = graphqlEnum(VETO, "Veto", "否决情形：弄虚作假得 0 分，其余封顶 69 分");
export type Veto = (typeof Veto)[keyof typeof Veto];
export const ActivityKind = graphqlEnum(ACTIVITY_KIND, "ActivityKind", "A3 服务人次 / A5 招聘活动 / A6 职业指导和培训推荐");
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];
export const VenueYearStatus = graphqlEnum(VENUE_YEAR_STATUS, "VenueYearStatus", "实时预估 / 已定格");
export type VenueYearStatus = (typeof VenueYearStatus)[keyof typeof VenueYearStatus];
export const AssessmentKind = graphqlEnum(ASSESSMENT_KIND, "AssessmentKind", "现场考核 / 自评");
export type AssessmentKind = (typeof AssessmentKind)[keyof typeof AssessmentKind];

const MIN_YEAR = 2023;
const MAX_YEAR = 2100;

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

@ObjectType({ description: "Services (A3), a recruitment event (A5) or referrals (A6) recorded by staff" })
export class VenueActivity {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  venueId: string;

  @Field(() => Int)
  year: number;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => String)
  category: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { nullable: true })
  attendance: number | null;

  @Field(() => LocalDate)
  occurredOn: string;

  @Field(() => String)
  evidence: string;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class VenueActivityPage {
  @Field(() => [VenueActivity])
  items: VenueActivity[];

  @Field(() => Int)
  total: number;
}

@ObjectType()
export class ItemPoints {
  @Field(() => String)
  itemId: string;

  @Field(() => Float)
  points: number;
}

@ObjectType({ description: "On-site assessment by the county officer, or the venue's self-assessment (附件6)" })
export class VenueAssessment {
  @Field(() => ID)
  venueId: string;

  @Field(() => Int)
  year: number;

  @Field(() => AssessmentKind)
  kind: AssessmentKind;

  @Field(() => [ItemPoints])
  scores: ItemPoints[];

  @Field(() => [Veto])
  vetoes: Veto[];

  @Field(() => Int)
  unremediedComplaints: number;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true })
  evidence: string | null;

  @Field(() => DateTime)
  enteredAt: Date;
}

@ObjectType({ description: "A policy version: amounts, tiers, six-month rule, notice days and the rubric, as JSON" })
export class SubsidyPolicyVersion {
  @Field(() => Int)
  effectiveFromYear: number;

  @Field(() => String)
  version: string;

  @Field(() => String)
  source: string;

  @Field(() => String, { description: "The whole policy as JSON (setSubsidyPolicy takes the same shape)" })
  policyJson: string;
}

@ObjectType()
export class ReconcileRun {
  @Field(() => ID)
  id: string;

  @Field(() => DateTime)
  startedAt: Date;

  @Field(() => Int)
  venueYears: number;

  @Field(() => Int)
  drifted: number;

  @Field(() => String, { description: "JSON list of { venueId, year, field, stored, actual }" })
  detailsJson: string;
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
}

@InputType()
export class RecordActivityInput {
  @Field(() => UUID, { nullable: true })
  venueId?: string | null;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => String, { description: "求职登记 招聘登记 政策咨询 岗位推荐 其他服务 | 招聘会 直播带岗 | 职业指导 技能培训" })
  @MaxLength(20)
  category: string;

  @Field(() => Int, { description: "People served or referred; 1 for an event" })
  @Min(1)
  @Max(10_000)
  quantity: number;

  @Field(() => Int, { nullable: true, description: "Attendance of a recruitment event" })
  @IsOptional()
  @Min(1)
  @Max(1_000_000)
  attendance?: number | null;

  @Field(() => LocalDate)
  occurredOn: string;

  @Field(() => String, { description: "Evidence: register, sign-in sheet, photos, links" })
  @MaxLength(500)
  evidence: string;
}

@InputType()
export class ItemPointsInput {
  @Field(() => String)
  @MaxLength(4)
  itemId: string;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  points: number;
}

@InputType()
export class OnsiteAssessmentInput {
  @Field(() => UUID)
  venueId: string;

  @Field(() => Int)
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @Field(() => [ItemPointsInput], { description: "C1, C2, D1 and D3" })
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  scores: ItemPointsInput[];

  @Field(() => [Veto], { defaultValue: [] })
  @ArrayMaxSize(5)
  vetoes: Veto[];

  @Field(() => Int, { defaultValue: 0, description: "Upheld complaints left unremedied (−2 each, at most −10)" })
  @Min(0)
  @Max(100)
  unremediedComplaints: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  notes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  evidence?: string | null;
}

@InputType()
export class SelfAssessmentInput {
  @Field(() => UUID, { nullable: true })
  venueId?: string | null;

  @Field(() => Int)
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @Field(() => [ItemPointsInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(40)
  scores: ItemPointsInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@ArgsType()
export class SetSubsidyPolicyArgs {
  @Field(() => Int)
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  effectiveFromYear: number;

  @Field(() => String, { description: "The policy as JSON, same shape as subsidyPolicy.policyJson" })
  @MaxLength(100_000)
  policy: string;
}

@ArgsType()
export class PolicyYearArgs {
  @Field(() => Int)
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;
}
