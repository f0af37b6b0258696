// On-site assessment by county officers and the venue's self-assessment (附件6).
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateTime, UUID } from "../../graphql/scalars.js";
import { AssessmentKind, MAX_YEAR, MIN_YEAR, Veto } from "./performance.types.js";

@ObjectType()
export class ItemPoints {
  @Field(() => String)
  itemId: string;

  @Field(() => Float)
  points: number;
}

@ObjectType({ description: "On-site assessment by the county officer, or the venue's self-assessment (附件6)" })
export class VenueAssessment {
  @Field(() => ID)
  venueId: string;

  @Field(() => Int)
  year: number;

  @Field(() => AssessmentKind)
  kind: AssessmentKind;

  @Field(() => [ItemPoints])
  scores: ItemPoints[];

  @Field(() => [Veto])
  vetoes: Veto[];

  @Field(() => Int)
  unremediedComplaints: number;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true })
  evidence: string | null;

  @Field(() => DateTime)
  enteredAt: Date;
}

@InputType()
export class ItemPointsInput {
  @Field(() => String)
  @MaxLength(4)
  itemId: string;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  points: number;
}

@InputType()
export class OnsiteAssessmentInput {
  @Field(() => UUID)
  venueId: string;

  @Field(() => Int)
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @Field(() => [ItemPointsInput], { description: "C1, C2, D1 and D3" })
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  scores: ItemPointsInput[];

  @Field(() => [Veto], { defaultValue: [] })
  @ArrayMaxSize(5)
  vetoes: Veto[];

  @Field(() => Int, { defaultValue: 0, description: "Upheld complaints left unremedied (−2 each, at most −10)" })
  @Min(0)
  @Max(100)
  unremediedComplaints: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  notes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  evidence?: string | null;
}

@InputType()
export class SelfAssessmentInput {
  @Field(() => UUID, { nullable: true })
  venueId?: string | null;

  @Field(() => Int)
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @Field(() => [ItemPointsInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(40)
  scores: ItemPointsInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}
