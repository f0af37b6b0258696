// Grab mode (抢单): open tasks near the worker, with cursor pagination and filters.
import { IsOptional, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, Int, ObjectType } from "type-graphql";
import { LocalDate, SafeInt } from "../../graphql/scalars.js";
import { Task } from "./task.types.js";

@ObjectType({ description: "An open task near the worker (grab mode)" })
export class NearbyTask {
  @Field(() => Task)
  task: Task;

  @Field(() => Int)
  travelMinutes: number;

  @Field(() => Int)
  distanceMeters: number;

  @Field(() => String)
  employerName: string;

  @Field(() => Int, { description: "The employer's late cancellations, shown to workers (DESIGN §4.6)" })
  employerLateCancelCount: number;

  @Field(() => String)
  cursor: string;
}

@ObjectType()
export class NearbyTaskConnection {
  @Field(() => [NearbyTask])
  items: NearbyTask[];

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field(() => Boolean)
  hasNextPage: boolean;
}

@InputType()
export class NearbyTaskFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  skillCode?: string | null;

  @Field(() => LocalDate, { nullable: true })
  date?: string | null;

  @Field(() => SafeInt, { nullable: true })
  @IsOptional()
  @Min(0)
  minPayFen?: number | null;
}

@ArgsType()
export class NearbyTasksArgs {
  @Field(() => NearbyTaskFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: NearbyTaskFilter | null;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(50)
  first: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;
}
