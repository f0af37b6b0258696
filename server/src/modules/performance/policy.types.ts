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
