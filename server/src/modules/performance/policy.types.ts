// The policy as data per year (rubric, amounts, tiers, notice) and the nightly reconcile's runs.
import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";
import { MAX_YEAR, MIN_YEAR } from "./performance.types.js";

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

@ObjectType({ description: "漂移: one venue-year counter the reconcile found off its source rows, and fixed" })
export class ReconcileDrift {
  @Field(() => ID)
  venueId: string;

  @Field(() => Int)
  year: number;

  @Field(() => String, { description: "The counter's key (placements, services, …), as the job stored it" })
  field: string;

  @Field(() => String, { nullable: true, description: "The counter's Chinese name (岗位推荐成功人数, …); null for a key no longer counted" })
  fieldLabel: string | null;

  @Field(() => Int, { description: "What the counter said" })
  stored: number;

  @Field(() => Int, { description: "The recount from the source rows, now stored" })
  actual: number;
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

  @Field(() => [ReconcileDrift], { description: "Each counter found off and set to its recount (empty for a clean run)" })
  drifts: ReconcileDrift[];
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
