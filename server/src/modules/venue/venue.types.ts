import { IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { VENUE_STATUS, VENUE_TYPE } from "@qz/shared";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, LocalDate, UUID } from "../../graphql/scalars.js";

export const VenueType = graphqlEnum(VENUE_TYPE, "VenueType", "MARKET 零工市场 / STATION 零工驿站");
export type VenueType = (typeof VenueType)[keyof typeof VenueType];
export const VenueStatus = graphqlEnum(VENUE_STATUS, "VenueStatus", "待认定 / 已认定 / 已暂停 / 已撤销");
export type VenueStatus = (typeof VenueStatus)[keyof typeof VenueStatus];

@ObjectType({ description: "A county-level area (县、市、区)" })
export class Region {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Float)
  centerLat: number;

  @Field(() => Float)
  centerLng: number;
}

@ObjectType({ description: "政府购买服务 period: no performance subsidy inside it" })
export class ServicePurchasePeriod {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDate)
  startsOn: string;

  @Field(() => LocalDate)
  endsOn: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: "零工市场 or 零工驿站" })
export class Venue {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => VenueType)
  type: VenueType;

  @Field(() => String)
  regionCode: string;

  @Field(() => String)
  address: string;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => String)
  operatorName: string;

  @Field(() => String, { description: "统一社会信用代码" })
  operatorCreditCode: string;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: "开放时间, e.g. 周一至周六 08:30–12:00，14:30–17:30; null until set" })
  openingHours: string | null;

  @Field(() => VenueStatus)
  status: VenueStatus;

  @Field(() => DateTime, { nullable: true, description: "First recognition (认定)" })
  recognizedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was suspended or revoked" })
  statusReason: string | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class VenuePage {
  @Field(() => [Venue])
  items: Venue[];

  @Field(() => Int)
  total: number;
}

@ObjectType()
export class RegionCoverage {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  markets: number;

  @Field(() => Int)
  stations: number;

  @Field(() => Boolean, { description: "At least one recognised venue" })
  covered: boolean;
}

@ObjectType()
export class CoverageTargets {
  @Field(() => Int)
  regions: number;

  @Field(() => Int)
  markets: number;

  @Field(() => Int)
  stations: number;
}

@ObjectType({ description: "City-wide coverage against the plan's targets" })
export class CityCoverage {
  @Field(() => Int)
  regionsCovered: number;

  @Field(() => Int)
  markets: number;

  @Field(() => Int)
  stations: number;

  @Field(() => CoverageTargets)
  targets: CoverageTargets;

  @Field(() => Boolean)
  regionsMet: boolean;

  @Field(() => Boolean)
  marketsMet: boolean;

  @Field(() => Boolean)
  stationsMet: boolean;
}

@ObjectType({ description: "Recognised venues per area and for the city: all 13 areas, 30+ markets, 100+ stations" })
export class VenueCoverage {
  @Field(() => [RegionCoverage])
  regions: RegionCoverage[];

  @Field(() => CityCoverage)
  city: CityCoverage;
}

@InputType()
export class CreateVenueInput {
  @Field(() => String)
  @Length(2, 100)
  name: string;

  @Field(() => VenueType)
  type: VenueType;

  @Field(() => String)
  @Length(6, 6)
  regionCode: string;

  @Field(() => String)
  @Length(2, 200)
  address: string;

  @Field(() => Float)
  @Min(23.5)
  @Max(26)
  lat: number;

  @Field(() => Float)
  @Min(117.5)
  @Max(119.5)
  lng: number;

  @Field(() => String)
  @Length(2, 100)
  operatorName: string;

  @Field(() => String)
  @Length(18, 18, { message: "统一社会信用代码应为18位" })
  operatorCreditCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(11, 20)
  contactPhone?: string | null;
}

@InputType()
export class VenueFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(6, 6)
  regionCode?: string | null;

  @Field(() => VenueType, { nullable: true })
  type?: VenueType | null;

  @Field(() => VenueStatus, { nullable: true })
  status?: VenueStatus | null;

  @Field(() => String, { nullable: true, description: "Matches name or address" })
  @IsOptional()
  @MaxLength(50)
  search?: string | null;
}

/** Longest suspension or revocation reason; it is copied into the venue, the audit log and the outbox. */
export const STATUS_REASON_MAX = 500;

@ArgsType()
export class VenueStatusReasonArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String, { description: "Why (暂停或撤销原因); kept in the audit log" })
  @MaxLength(STATUS_REASON_MAX)
  reason: string;
}

@InputType()
export class ServicePurchasePeriodInput {
  @Field(() => UUID)
  venueId: string;

  @Field(() => LocalDate)
  startsOn: string;

  @Field(() => LocalDate)
  endsOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  note?: string | null;
}

@InputType({ description: "开放时间 of one venue: its staff, or an officer in scope, set or clear it" })
export class UpdateVenueOpeningHoursInput {
  @Field(() => UUID)
  venueId: string;

  @Field(() => String, { nullable: true, description: "One line with at least one time range, at most 60 characters; null or blank clears it" })
  @IsOptional()
  // A bound on what is parsed; the rule (shared parseOpeningHours) limits what is stored to 60.
  @MaxLength(200)
  openingHours?: string | null;
}
