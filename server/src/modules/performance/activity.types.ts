// Staff records: services (A3), recruitment events (A5), guidance referrals (A6).
import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateTime, LocalDate, UUID } from "../../graphql/scalars.js";
import { ActivityKind } from "./performance.types.js";

@ObjectType({ description: "Services (A3), a recruitment event (A5) or referrals (A6) recorded by staff" })
export class VenueActivity {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  venueId: string;

  @Field(() => Int)
  year: number;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => String)
  category: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { nullable: true })
  attendance: number | null;

  @Field(() => LocalDate)
  occurredOn: string;

  @Field(() => String)
  evidence: string;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class VenueActivityPage {
  @Field(() => [VenueActivity])
  items: VenueActivity[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class RecordActivityInput {
  @Field(() => UUID, { nullable: true })
  venueId?: string | null;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => String, { description: "求职登记 招聘登记 政策咨询 岗位推荐 其他服务 | 招聘会 直播带岗 | 职业指导 技能培训" })
  @MaxLength(20)
  category: string;

  @Field(() => Int, { description: "People served or referred; 1 for an event" })
  @Min(1)
  @Max(10_000)
  quantity: number;

  @Field(() => Int, { nullable: true, description: "Attendance of a recruitment event" })
  @IsOptional()
  @Min(1)
  @Max(1_000_000)
  attendance?: number | null;

  @Field(() => LocalDate)
  occurredOn: string;

  @Field(() => String, { description: "Evidence: register, sign-in sheet, photos, links" })
  @MaxLength(500)
  evidence: string;
}
