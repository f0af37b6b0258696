import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTime, SafeInt } from "../../graphql/scalars.js";
import { PayUnit } from "./dispatch.types.js";

@ObjectType({ description: "An open task for visitors without a login: no employer, address or exact place" })
export class PublicTask {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  skillCode: string;

  @Field(() => String)
  skillName: string;

  @Field(() => SafeInt, { description: "Pay per unit in fen" })
  payRateFen: number;

  @Field(() => PayUnit)
  payUnit: keyof typeof PayUnit;

  @Field(() => DateTime)
  startsAt: Date;

  @Field(() => DateTime)
  endsAt: Date;

  @Field(() => Int)
  seatsLeft: number;

  @Field(() => String)
  regionName: string;

  @Field(() => String, { description: "The brokering venue, where to register and ask" })
  venueName: string;

  @Field(() => Int, { description: "Straight-line distance, rounded (100 m under 1 km, then 0.5 km)" })
  distanceMeters: number;
}
