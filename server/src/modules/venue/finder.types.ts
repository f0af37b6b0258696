import { ArgsType, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { VenueType } from "./venue.types.js";

@ArgsType()
export class PublicNearbyArgs {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => Int, { defaultValue: 10, description: "1–20" })
  first: number;
}

@ObjectType({ description: "A recognised venue as the public finder shows it: no operator or staff data" })
export class PublicVenue {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => VenueType)
  type: VenueType;

  @Field(() => String)
  address: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  regionName: string;

  @Field(() => String, { nullable: true, description: "Service and complaint hotline" })
  hotline: string | null;

  @Field(() => String, { nullable: true, description: "开放时间 (null: not set yet, call the hotline)" })
  openingHours: string | null;

  @Field(() => Int, { description: "Straight-line distance, rounded (100 m under 1 km, then 0.5 km)" })
  distanceMeters: number;

  @Field(() => Int, { nullable: true, description: "Star title of the latest frozen year (markets only)" })
  star: number | null;

  @Field(() => Int, { nullable: true })
  starYear: number | null;

  @Field(() => [String], { description: "What the venue does for workers and employers (服务内容)" })
  services: string[];
}
