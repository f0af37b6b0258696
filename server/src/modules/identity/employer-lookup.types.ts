// 用工单位查询 (console): employers in the caller's scope, with every identifier masked.
import { IsOptional, MaxLength } from "class-validator";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { DateTime, UUID } from "../../graphql/scalars.js";
import { EmployerKind } from "./identity.types.js";

@ArgsType()
export class EmployerFilterArgs {
  @Field(() => String, { nullable: true, description: "Part of the name, an 11-digit mobile number, an 18-character credit code or ID number (ID by its blind index)" })
  @IsOptional()
  @MaxLength(40)
  search?: string | null;
}

@ObjectType({ description: "用工单位 as the console lists it: credit code, ID, contact and phone masked" })
export class EmployerSummary {
  @Field(() => UUID)
  userId: string;

  @Field(() => EmployerKind)
  kind: EmployerKind;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "统一社会信用代码, masked (companies)" })
  creditCode: string | null;

  @Field(() => String, { nullable: true, description: "Resident ID, masked (individuals)" })
  idNumber: string | null;

  @Field(() => String, { description: "联系人, masked" })
  contactName: string;

  @Field(() => String, { description: "The account's mobile number, masked" })
  phone: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => Int, { description: "Late cancellations, shown to workers" })
  lateCancelCount: number;

  @Field(() => Int, { description: "Tasks of this employer the caller can see (their venue's, their county's or all)" })
  taskCount: number;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class EmployerPage {
  @Field(() => [EmployerSummary])
  items: EmployerSummary[];

  @Field(() => Int)
  total: number;
}
