// Subsidy applications (补助申请: one-time and performance) with their materials, review, payment and listing.
import { APPLICATION_STATUS, FUND_CATEGORY, OBJECTION_STATUS, SUBSIDY_KIND } from "@qz/shared";
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, LocalDate, SafeInt, UUID } from "../../graphql/scalars.js";

export const SubsidyKind = graphqlEnum(SUBSIDY_KIND, "SubsidyKind", "一次性运维补助 / 绩效补助");
export type SubsidyKind = (typeof SubsidyKind)[keyof typeof SubsidyKind];
export const ApplicationStatus = graphqlEnum(APPLICATION_STATUS, "ApplicationStatus", "补助申请状态");
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];
export const ObjectionStatus = graphqlEnum(OBJECTION_STATUS, "ObjectionStatus", "公示异议状态");
export type ObjectionStatus = (typeof ObjectionStatus)[keyof typeof ObjectionStatus];
export const FundCategory = graphqlEnum(FUND_CATEGORY, "FundCategory", "补助资金用途；基础设施建设和固定资产购置不得列支");
export type FundCategory = (typeof FundCategory)[keyof typeof FundCategory];

@ObjectType({ description: "One material of the plan's checklist (申报材料)" })
export class MaterialItem {
  @Field(() => String)
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => Boolean)
  provided: boolean;
}

@ObjectType({ description: "补助申请 (one-time or performance)" })
export class SubsidyApplication {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  venueId: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => SubsidyKind)
  kind: SubsidyKind;

  @Field(() => Int)
  year: number;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Int, { nullable: true })
  level: number | null;

  @Field(() => String)
  policyVersion: string;

  @Field(() => [MaterialItem])
  materials: MaterialItem[];

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => LocalDate, { nullable: true })
  noticeStartsOn: string | null;

  @Field(() => LocalDate, { nullable: true })
  noticeEndsOn: string | null;

  @Field(() => String, { nullable: true, description: "Why it was returned, rejected or blocked" })
  statusReason: string | null;

  @Field(() => DateTime, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  approvedAt: Date | null;

  @Field(() => SafeInt, { nullable: true })
  paidFen: number | null;

  @Field(() => LocalDate, { nullable: true })
  paidOn: string | null;

  @Field(() => String, { nullable: true })
  voucherNo: string | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class SubsidyApplicationListItem {
  @Field(() => SubsidyApplication)
  application: SubsidyApplication;

  @Field(() => String)
  venueName: string;
}

@ObjectType()
export class SubsidyApplicationPage {
  @Field(() => [SubsidyApplicationListItem])
  items: SubsidyApplicationListItem[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class OneTimeApplicationInput {
  @Field(() => UUID, { nullable: true })
  venueId?: string | null;

  @Field(() => [String], { description: "Keys of the materials provided" })
  @MaxLength(40, { each: true })
  @ArrayMaxSize(10)
  materials: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@InputType()
export class ApplicationMaterialsInput {
  @Field(() => UUID)
  id: string;

  @Field(() => [String])
  @MaxLength(40, { each: true })
  @ArrayMaxSize(10)
  materials: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@ArgsType()
export class ApplicationReasonArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String)
  @MaxLength(500)
  reason: string;
}

@InputType()
export class SubsidyPaymentInput {
  @Field(() => UUID)
  id: string;

  @Field(() => SafeInt)
  paidFen: number;

  @Field(() => LocalDate)
  paidOn: string;

  @Field(() => String)
  @MaxLength(60)
  voucherNo: string;
}

@ArgsType()
export class ApplicationFilterArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(2023)
  @Max(2100)
  year?: number | null;

  @Field(() => SubsidyKind, { nullable: true })
  kind?: SubsidyKind | null;

  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(6)
  regionCode?: string | null;
}
