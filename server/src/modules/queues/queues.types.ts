import { Field, ObjectType } from "type-graphql";

/** A one-time link into the queue dashboard (Bull Board), valid for a minute. */
@ObjectType({ description: "队列监控: a short-lived link into the queue dashboard" })
export class QueueDashboardLink {
  @Field(() => String, { description: "Open within a minute: it sets the dashboard cookie and redirects" })
  url: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Boolean, { description: "County officers watch; only city officers retry or clean jobs" })
  readOnly: boolean;
}
