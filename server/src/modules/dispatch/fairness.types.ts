// The fairness report: each priority group's share of available workers, offers and engagements.
import { Matches, MaxLength } from "class-validator";
import { ArgsType, Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One priority group's shares in a region and month" })
export class FairnessGroup {
  @Field(() => String)
  group: string;

  @Field(() => String)
  label: string;

  @Field(() => Int)
  availableWorkers: number;

  @Field(() => Float)
  availableShare: number;

  @Field(() => Int)
  offers: number;

  @Field(() => Float)
  offerShare: number;

  @Field(() => Int)
  engagements: number;

  @Field(() => Float)
  engagementShare: number;
}

@ObjectType()
export class FairnessReport {
  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  month: string;

  @Field(() => Int)
  availableWorkers: number;

  @Field(() => Int)
  offers: number;

  @Field(() => Int)
  engagements: number;

  @Field(() => [FairnessGroup], { description: "Groups overlap (a worker may be in several); NONE is no group" })
  groups: FairnessGroup[];
}

@ArgsType()
export class FairnessReportArgs {
  @Field(() => String)
  @MaxLength(6)
  regionCode: string;

  @Field(() => String, { description: "YYYY-MM" })
  @MaxLength(7)
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month: string;
}
