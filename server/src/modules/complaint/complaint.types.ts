// 投诉反馈: the complaint enums and the complaint as read (deadlines, history, evidence, referral), with a
// venue's public page. What callers send is in complaint-input.types.ts; ratings are in rating.types.ts.
import { defineEnum, COMPLAINT_CATEGORY, COMPLAINT_CHANNEL, COMPLAINT_RESPONDENT_KIND, COMPLAINT_STATUS, VENUE_TYPE } from "@qz/shared";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
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
