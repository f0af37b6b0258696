// Use of funds (资金使用): spending recorded against a paid grant, balances and the county report.
import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { LocalDate, SafeInt, UUID } from "../../graphql/scalars.js";
import { FundCategory, SubsidyKind } from "./subsidy.types.js";
import { SubsidyApplication } from "./subsidy.types.js";

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
