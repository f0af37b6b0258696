// Tasks (零工岗位): the object, its page, and what posting, cancelling and listing take.
import { PAY_UNIT } from "@qz/shared";
import { IsIn, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateTime, SafeInt, UUID } from "../../graphql/scalars.js";
import { PayUnit, TaskStatus } from "./dispatch.types.js";

@ObjectType({ description: "A warning shown with a task, not a refusal (e.g. part-time hours, 劳动合同法 §68)" })
export class TaskFlag {
  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: "零工岗位: one shift of work" })
export class Task {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  employerId: string;

  @Field(() => UUID, { description: "The brokering venue (gets the placement credit)" })
  venueId: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => String)
  skillCode: string;

  @Field(() => Int)
  requiredLevel: number;

  @Field(() => String)
  address: string;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => DateTime)
  startsAt: Date;

  @Field(() => DateTime)
  endsAt: Date;

  @Field(() => Int)
  headcount: number;

  @Field(() => Int)
  filledCount: number;

  @Field(() => SafeInt, { description: "Pay per unit in fen" })
  payRateFen: number;

  @Field(() => PayUnit)
  payUnit: keyof typeof PayUnit;

  @Field(() => Int)
  maxTravelMinutes: number;

  @Field(() => TaskStatus)
  status: keyof typeof TaskStatus;

  @Field(() => Int, { description: "Offer waves sent so far" })
  wave: number;

  @Field(() => DateTime, { nullable: true, description: "Set when the waves ran out: dispatch by hand" })
  manualDispatchAt: Date | null;

  @Field(() => [TaskFlag])
  flags: TaskFlag[];

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Boolean, { description: "Cancelled inside 24 h of the start after someone accepted" })
  lateCancellation: boolean;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class TaskPage {
  @Field(() => [Task])
  items: Task[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class PostTaskInput {
  @Field(() => UUID, { nullable: true, description: "Venue staff posting for an employer" })
  employerId?: string | null;

  @Field(() => String)
  @MaxLength(50)
  title: string;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(1000)
  description: string;

  @Field(() => String)
  @MaxLength(40)
  skillCode: string;

  @Field(() => Int, { defaultValue: 1 })
  requiredLevel: number;

  @Field(() => String)
  @MaxLength(6)
  regionCode: string;

  @Field(() => String)
  @MaxLength(200)
  address: string;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => DateTime)
  startsAt: Date;

  @Field(() => DateTime)
  endsAt: Date;

  @Field(() => Int)
  headcount: number;

  @Field(() => SafeInt)
  payRateFen: number;

  @Field(() => PayUnit)
  @IsIn(PAY_UNIT.values)
  payUnit: keyof typeof PayUnit;

  @Field(() => Int, { defaultValue: 60 })
  maxTravelMinutes: number;
}

@ArgsType()
export class CancelTaskArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String)
  @MaxLength(200)
  reason: string;
}

@ArgsType()
export class TaskListArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1_000_000)
  offset: number;

  @Field(() => TaskStatus, { nullable: true })
  status?: keyof typeof TaskStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(6)
  regionCode?: string | null;

  @Field(() => UUID, { nullable: true, description: "One employer's tasks (within the same scope)" })
  employerId?: string | null;
}
