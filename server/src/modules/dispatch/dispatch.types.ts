import { ENGAGEMENT_SOURCE, ENGAGEMENT_STATUS, OFFER_STATUS, PAY_UNIT, TASK_STATUS } from "@qz/shared";
import { IsIn, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime, LocalDate, SafeInt, UUID } from "../../graphql/scalars.js";

const enumOf = <V extends string>(values: readonly V[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in V]: K };
export const PayUnit = enumOf(PAY_UNIT.values);
export const TaskStatus = enumOf(TASK_STATUS.values);
export const OfferStatus = enumOf(OFFER_STATUS.values);
export const EngagementStatus = enumOf(ENGAGEMENT_STATUS.values);
export const EngagementSource = enumOf(ENGAGEMENT_SOURCE.values);
registerEnumType(PayUnit, { name: "PayUnit", description: "按小时 / 按日 / 计件" });
registerEnumType(TaskStatus, { name: "TaskStatus", description: "岗位状态" });
registerEnumType(OfferStatus, { name: "OfferStatus", description: "派单状态" });
registerEnumType(EngagementStatus, { name: "EngagementStatus", description: "用工状态" });
registerEnumType(EngagementSource, { name: "EngagementSource", description: "系统派单 / 抢单 / 工作人员代办" });

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

@ObjectType({ description: "One factor of an offer's score: why this offer was made" })
export class ScoreFactor {
  @Field(() => String)
  factor: string;

  @Field(() => String, { description: "zh-CN label" })
  label: string;

  @Field(() => Float, { description: "The configured weight of the factor" })
  weight: number;

  @Field(() => Float, { description: "The factor's weighted contribution to the total" })
  part: number;
}

@ObjectType({ description: "派单: a task offered to a worker in a wave" })
export class Offer {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  taskId: string;

  @Field(() => UUID)
  workerId: string;

  @Field(() => Int)
  wave: number;

  @Field(() => OfferStatus)
  status: keyof typeof OfferStatus;

  @Field(() => Int)
  distanceMeters: number;

  @Field(() => Int)
  travelMinutes: number;

  @Field(() => DateTime)
  expiresAt: Date;

  @Field(() => DateTime, { nullable: true })
  respondedAt: Date | null;

  @Field(() => DateTime)
  createdAt: Date;

  score: Record<string, number>;
}

@ObjectType({ description: "The accepted worker on a task" })
export class Engagement {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  taskId: string;

  @Field(() => UUID)
  workerId: string;

  @Field(() => EngagementSource)
  source: keyof typeof EngagementSource;

  @Field(() => UUID, { nullable: true, description: "Venue staff who accepted for the worker (proxy mode)" })
  proxyBy: string | null;

  @Field(() => EngagementStatus)
  status: keyof typeof EngagementStatus;

  @Field(() => DateTime)
  startsAt: Date;

  @Field(() => DateTime)
  endsAt: Date;

  @Field(() => DateTime)
  acceptedAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When the worker confirmed again before the start (到岗确认)" })
  confirmedAt: Date | null;

  @Field(() => Boolean)
  late: boolean;
}

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
export class WithdrawEngagementArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  reason?: string | null;
}

@ArgsType()
export class ProxyAcceptArgs {
  @Field(() => UUID)
  taskId: string;

  @Field(() => UUID)
  workerId: string;

  @Field(() => String)
  @MaxLength(10)
  smsCode: string;
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
}

@ArgsType()
export class MyOffersArgs {
  @Field(() => OfferStatus, { nullable: true })
  status?: keyof typeof OfferStatus | null;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;
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
