import { PAY_UNIT } from "@qz/shared";
import { IsIn, IsOptional, MaxLength } from "class-validator";
import { Field, Float, InputType, Int } from "type-graphql";
import { DateTime, SafeInt } from "../../graphql/scalars.js";
import { PayUnit } from "./dispatch.types.js";

@InputType({
  description:
    "Fields to change (omitted or null: unchanged). Before anyone accepted, all of them; after, only description and headcount (the rest are in the contracts). Never below the minimum wage or the seats taken.",
})
export class EditTaskInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  skillCode?: string | null;

  @Field(() => Int, { nullable: true })
  requiredLevel?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(6)
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  address?: string | null;

  @Field(() => Float, { nullable: true })
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  lng?: number | null;

  @Field(() => DateTime, { nullable: true })
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  headcount?: number | null;

  @Field(() => SafeInt, { nullable: true })
  payRateFen?: number | null;

  @Field(() => PayUnit, { nullable: true })
  @IsOptional()
  @IsIn(PAY_UNIT.values)
  payUnit?: keyof typeof PayUnit | null;

  @Field(() => Int, { nullable: true })
  maxTravelMinutes?: number | null;
}
