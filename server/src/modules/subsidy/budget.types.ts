// Each county's yearly subsidy budget (年度预算), which approvals draw on.
import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, InputType, Int, ObjectType } from "type-graphql";
import { SafeInt } from "../../graphql/scalars.js";

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
