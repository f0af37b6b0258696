import { MaxLength } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { DateTime, UUID } from "../../graphql/scalars.js";

@InputType({ description: "回访: the follow-up call after a placement (D2 台账完整 counts placements with one)" })
export class RecordPlacementFollowUpInput {
  @Field(() => UUID)
  placementId: string;

  @Field(() => String, { description: "What the call found (2–1000 characters)" })
  @MaxLength(1000)
  note: string;
}

@ObjectType({ description: "A placement's follow-up call (回访)" })
export class PlacementFollowUp {
  @Field(() => UUID)
  placementId: string;

  @Field(() => UUID)
  venueId: string;

  @Field(() => String)
  note: string;

  @Field(() => DateTime)
  calledAt: Date;
}
