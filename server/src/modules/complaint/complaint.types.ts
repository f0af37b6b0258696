import { defineEnum, COMPLAINT_CATEGORY, COMPLAINT_CHANNEL, COMPLAINT_RESPONDENT_KIND, COMPLAINT_STATUS, RATING_SIDE, RATING_TAG, VENUE_TYPE } from "@qz/shared";
import { ArrayMaxSize, IsIn, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, SafeInt, UUID } from "../../graphql/scalars.js";

export const ComplaintStatus = graphqlEnum(COMPLAINT_STATUS, "ComplaintStatus", "投诉状态");
export type ComplaintStatus = (typeof ComplaintStatus)[keyof typeof ComplaintStatus];
export const ComplaintCategory = graphqlEnum(COMPLAINT_CATEGORY, "ComplaintCategory", "投诉类别");
export type ComplaintCategory = (typeof ComplaintCategory)[keyof typeof ComplaintCategory];
export const ComplaintChannel = graphqlEnum(COMPLAINT_CHANNEL, "ComplaintChannel", "投诉渠道");
export type ComplaintChannel = (typeof ComplaintChannel)[keyof typeof ComplaintChannel];
export const ComplaintRespondentKind = graphqlEnum(COMPLAINT_RESPONDENT_KIND, "ComplaintRespondentKind", "被投诉方");
export type ComplaintRespondentKind = (typeof ComplaintRespondentKind)[keyof typeof ComplaintRespondentKind];
export const RatingSide = graphqlEnum(RATING_SIDE, "RatingSide", "评价方向");
export type RatingSide = (typeof RatingSide)[keyof typeof RatingSide];
export const RatingTag = graphqlEnum(RATING_TAG, "RatingTag", "评价标签");
export type RatingTag = (typeof RatingTag)[keyof typeof RatingTag];

/** Staff actions on a complaint (the lifecycle decides which are possible from the current state). */
export const COMPLAINT_HANDLER_ACTION = defineEnum({
  ACCEPT: "受理",
  START: "开始处理",
  REQUEST_INFO: "请投诉人补充材料（暂停计时）",
  EXTEND: "延期一次（须说明原因）",
  RESOLVE: "提出处理结果",
  REJECT: "不予受理（须说明原因）",
  WAGES_PAID: "登记工资已支付",
});
export const ComplaintHandlerAction = graphqlEnum(COMPLAINT_HANDLER_ACTION, "ComplaintHandlerAction", "受理场所或人社部门的处理操作");
export type ComplaintHandlerAction = (typeof ComplaintHandlerAction)[keyof typeof ComplaintHandlerAction];

@ObjectType({ description: "The deadlines of a complaint, derived from its history on working days (never stored)" })
export class ComplaintDeadlines {
  @Field(() => String, { description: "VENUE first; COUNTY after an escalation" })
  stage: string;

  @Field(() => DateTime)
  acceptDueAt: Date;

  @Field(() => DateTime, { nullable: true, description: "Null before acceptance, while paused, and once resolved" })
  resolveDueAt: Date | null;

  @Field(() => Int)
  resolveBudgetDays: number;

  @Field(() => Boolean)
  extended: boolean;

  @Field(() => Boolean, { description: "Waiting on the complainant: the clock stands still" })
  paused: boolean;

  @Field(() => DateTime, { nullable: true, description: "A resolution nobody answers closes itself then" })
  autoCloseAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "回访 due (2 working days after closing)" })
  followUpDueAt: Date | null;

  @Field(() => String, { nullable: true, description: "ACCEPT | RESOLVE | AUTO_CLOSE: what is due next" })
  nextKind: string | null;

  @Field(() => DateTime, { nullable: true })
  nextDueAt: Date | null;

  @Field(() => Int, { nullable: true, description: "Seconds until the next deadline (negative when missed): the console's countdown" })
  secondsLeft: number | null;

  @Field(() => Boolean, { description: "Every deadline met so far (rubric E2)" })
  onTime: boolean;
}

@ObjectType({ description: "One step in a complaint's history" })
export class ComplaintHistoryItem {
  @Field(() => String)
  action: string;

  @Field(() => ComplaintStatus, { nullable: true })
  fromStatus: ComplaintStatus | null;

  @Field(() => ComplaintStatus)
  toStatus: ComplaintStatus;

  @Field(() => DateTime)
  at: Date;

  @Field(() => String, { nullable: true, description: "The actor's role; SYSTEM for a deadline job" })
  actorRole: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: "An evidence file; fetch it through `link` (short-lived, signed)" })
export class ComplaintEvidence {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "JPEG | PNG | PDF | MP4, recognised from the content" })
  fileType: string;

  @Field(() => SafeInt)
  sizeBytes: number;

  @Field(() => String)
  sha256: string;

  @Field(() => UUID)
  uploadedBy: string;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class SignedLink {
  @Field(() => String, { description: "Path on the API server, valid until expiresAt" })
  url: string;

  @Field(() => DateTime)
  expiresAt: Date;
}

@ObjectType({ description: "劳动保障监察 referral of unpaid wages" })
export class LabourInspectionReferral {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  employerId: string;

  @Field(() => SafeInt, { nullable: true })
  amountFen: number | null;

  @Field(() => DateTime)
  referredAt: Date;
}

@ObjectType({ description: "投诉" })
export class Complaint {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "Short number for phone calls (first 8 characters of the id)" })
  number: string;

  @Field(() => UUID)
  complainantId: string;

  @Field(() => UUID, { description: "The complainant, or the staff member who filed it for them" })
  filedBy: string;

  @Field(() => ComplaintChannel)
  channel: ComplaintChannel;

  @Field(() => ComplaintRespondentKind)
  respondentKind: ComplaintRespondentKind;

  @Field(() => UUID, { nullable: true })
  respondentUserId: string | null;

  @Field(() => UUID, { nullable: true })
  respondentVenueId: string | null;

  @Field(() => UUID, { description: "The handling venue" })
  venueId: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => UUID, { nullable: true })
  taskId: string | null;

  @Field(() => UUID, { nullable: true })
  engagementId: string | null;

  @Field(() => UUID, { nullable: true })
  contractId: string | null;

  @Field(() => UUID, { nullable: true })
  settlementId: string | null;

  @Field(() => ComplaintCategory)
  category: ComplaintCategory;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => SafeInt, { nullable: true })
  amountFen: number | null;

  @Field(() => ComplaintStatus)
  status: ComplaintStatus;

  @Field(() => String, { nullable: true })
  resolution: string | null;

  @Field(() => String, { nullable: true })
  rejectReason: string | null;

  @Field(() => Int, { nullable: true })
  outcomeStars: number | null;

  @Field(() => String, { nullable: true })
  outcomeComment: string | null;

  @Field(() => DateTime, { nullable: true })
  wagesPaidAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  referredAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  followUpAt: Date | null;

  @Field(() => String, { nullable: true })
  followUpNote: string | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class ComplaintPage {
  @Field(() => [Complaint])
  items: Complaint[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class FileComplaintInput {
  @Field(() => ComplaintCategory)
  @IsIn(COMPLAINT_CATEGORY.values)
  category: ComplaintCategory;

  @Field(() => String)
  @MaxLength(60)
  title: string;

  @Field(() => String)
  @MaxLength(4000)
  description: string;

  @Field(() => UUID, { nullable: true, description: "Staff filing for a walk-in or hotline caller: the complainant's account" })
  complainantId?: string | null;

  @Field(() => ComplaintChannel, { nullable: true, description: "Staff only: WALK_IN (default) or HOTLINE" })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNEL.values)
  channel?: ComplaintChannel | null;

  @Field(() => ComplaintRespondentKind, { nullable: true, description: "Defaults to the other side of the job" })
  @IsOptional()
  @IsIn(COMPLAINT_RESPONDENT_KIND.values)
  respondentKind?: ComplaintRespondentKind | null;

  @Field(() => UUID, { nullable: true })
  respondentUserId?: string | null;

  @Field(() => UUID, { nullable: true, description: "The venue complained about (SERVICE)" })
  respondentVenueId?: string | null;

  @Field(() => UUID, { nullable: true })
  taskId?: string | null;

  @Field(() => UUID, { nullable: true })
  engagementId?: string | null;

  @Field(() => UUID, { nullable: true })
  contractId?: string | null;

  @Field(() => UUID, { nullable: true })
  settlementId?: string | null;

  @Field(() => SafeInt, { nullable: true, description: "Wages owed in fen (WAGE_ARREARS)" })
  amountFen?: number | null;
}

@ArgsType()
export class HandleComplaintArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => ComplaintHandlerAction)
  @IsIn(COMPLAINT_HANDLER_ACTION.values)
  action: ComplaintHandlerAction;

  @Field(() => String, { nullable: true, description: "Required for REQUEST_INFO, EXTEND, RESOLVE and REJECT" })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class ComplaintNoteArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String)
  @MaxLength(2000)
  note: string;
}

@ArgsType()
export class CloseComplaintArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => Int, { description: "The complainant's rating of the outcome, 1–5" })
  stars: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  comment?: string | null;
}

@ArgsType()
export class ComplaintListArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1_000_000)
  offset: number;

  @Field(() => ComplaintStatus, { nullable: true })
  status?: ComplaintStatus | null;

  @Field(() => Boolean, { nullable: true, description: "Only complaints still being handled" })
  openOnly?: boolean | null;

  @Field(() => ComplaintCategory, { nullable: true })
  category?: ComplaintCategory | null;
}

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

@ObjectType({ description: "Complaints of a venue: open and closed" })
export class VenueComplaintCounts {
  @Field(() => Int)
  open: number;

  @Field(() => Int)
  closed: number;
}

@ObjectType({ description: "A venue's public page (the plan asks each venue to publish its complaint channel)" })
export class VenuePublicPage {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: `${VENUE_TYPE.labels.MARKET} or ${VENUE_TYPE.labels.STATION}` })
  type: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  address: string;

  @Field(() => String, { nullable: true, description: "Service and complaint hotline" })
  hotline: string | null;

  @Field(() => String, { description: "Where to file a complaint about this venue or its jobs" })
  complaintLink: string;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => VenueComplaintCounts)
  complaints: VenueComplaintCounts;
}
