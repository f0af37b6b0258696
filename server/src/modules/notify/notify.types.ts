import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

@ObjectType({ description: "In-app notification" })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  kind: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  body: string;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { nullable: true })
  readAt: Date | null;
}
