// 公示异议: objections filed during an application's public notice, and the officer's decision.
import { MaxLength } from "class-validator";
import { ArgsType, Field, ID, ObjectType } from "type-graphql";
import { DateTime, UUID } from "../../graphql/scalars.js";
import { ObjectionStatus } from "./subsidy.types.js";

@ObjectType({ description: "异议 filed during a public notice" })
export class SubsidyObjection {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => String)
  reason: string;

  @Field(() => ObjectionStatus)
  status: ObjectionStatus;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { nullable: true })
  decidedAt: Date | null;
}

@ArgsType()
export class ObjectionArgs {
  @Field(() => UUID)
  applicationId: string;

  @Field(() => String)
  @MaxLength(1000)
  reason: string;
}

@ArgsType()
export class DecideObjectionArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => Boolean)
  upheld: boolean;

  @Field(() => String)
  @MaxLength(1000)
  note: string;
}
