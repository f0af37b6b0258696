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

@ObjectType({ description: "异议 filed during a public notice" })
export class SubsidyObjection {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => String)
  reason: string;

  @Field(() => ObjectionStatus)
  status: ObjectionStatus;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { nullable: true })
  decidedAt: Date | null;
}

@ObjectType()
export class CountyBudget {
  @Field(() => String)
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => SafeInt, { description: "In notice, approved or paid" })
  committedFen: number;
}

@ObjectType()
export class FundUse {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => FundCategory)
  category: FundCategory;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => LocalDate)
  spentOn: string;

  @Field(() => String)
  voucherNo: string;

  @Field(() => String, { nullable: true })
  attachment: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => SafeInt, { nullable: true, description: "The grant's balance after this spending (when just recorded)" })
  balanceFen?: number | null;
}

@ObjectType()
export class GrantFunds {
  @Field(() => SubsidyApplication)
  application: SubsidyApplication;

  @Field(() => [FundUse])
  uses: FundUse[];

  @Field(() => SafeInt)
  spentFen: number;

  @Field(() => SafeInt)
  balanceFen: number;
}

@ObjectType()
export class CategoryAmount {
  @Field(() => FundCategory)
  category: FundCategory;

  @Field(() => SafeInt)
  amountFen: number;
}

@ObjectType()
export class FundReportRow {
  @Field(() => ID)
  applicationId: string;

  @Field(() => String)
  venueName: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => SubsidyKind)
  kind: SubsidyKind;

  @Field(() => SafeInt)
  paidFen: number;

  @Field(() => SafeInt)
  spentFen: number;

  @Field(() => SafeInt)
  balanceFen: number;

  @Field(() => [CategoryAmount])
  byCategory: CategoryAmount[];
}

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

@ArgsType()
export class ObjectionArgs {
  @Field(() => UUID)
  applicationId: string;

  @Field(() => String)
  @MaxLength(1000)
  reason: string;
}

@ArgsType()
export class DecideObjectionArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => Boolean)
  upheld: boolean;

  @Field(() => String)
  @MaxLength(1000)
  note: string;
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

@InputType()
export class CountyBudgetInput {
  @Field(() => String)
  @MaxLength(6)
  regionCode: string;

  @Field(() => Int)
  @Min(2023)
  @Max(2100)
  year: number;

  @Field(() => SafeInt)
  amountFen: number;
}

@ArgsType()
export class CountyBudgetArgs {
  @Field(() => String)
  @MaxLength(6)
  regionCode: string;

  @Field(() => Int)
  @Min(2023)
  @Max(2100)
  year: number;
}

@InputType()
export class FundUseInput {
  @Field(() => UUID)
  applicationId: string;

  @Field(() => FundCategory)
  category: FundCategory;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => LocalDate)
  spentOn: string;

  @Field(() => String)
  @MaxLength(60)
  voucherNo: string;

  @Field(() => String, { nullable: true, description: "Where the receipt is kept (upload key or file name)" })
  @IsOptional()
  @MaxLength(300)
  attachment?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
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

@ArgsType()
export class FundReportArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(6)
  regionCode?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(2023)
  @Max(2100)
  year?: number | null;
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
