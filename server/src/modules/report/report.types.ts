import { IsOptional, Matches, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { DateTime, UUID } from "../../graphql/scalars.js";

@ObjectType({ description: "A short-lived link to an .xlsx export: GET it (no token needed) before it expires" })
export class ExportLink {
  @Field(() => String, { description: "Path on the API, /exports/<kind>?…&token=" })
  url: string;

  @Field(() => String, { description: "The file's zh-CN name (also sent as Content-Disposition filename*)" })
  filename: string;

  @Field(() => DateTime)
  expiresAt: Date;
}

@ArgsType()
export class VenueYearExportArgs {
  @Field(() => UUID)
  venueId: string;

  @Field(() => Int)
  @Min(2023)
  @Max(2100)
  year: number;
}

@ArgsType()
export class RosterExportArgs extends VenueYearExportArgs {
  @Field(() => Boolean, { defaultValue: false, description: "Full ID numbers (officers only; audited)" })
  fullIds: boolean;
}

@ArgsType()
export class YearSummaryExportArgs {
  @Field(() => Int)
  @Min(2023)
  @Max(2100)
  year: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(6)
  @Matches(/^\d{6}$/)
  regionCode?: string | null;
}

@ObjectType({ description: "岗位推荐成功 in one month" })
export class MonthlyPlacements {
  @Field(() => String, { description: "YYYY-MM (Asia/Shanghai)" })
  month: string;

  @Field(() => Int)
  placements: number;
}

@ArgsType()
export class PlacementTrendArgs {
  @Field(() => Int, { defaultValue: 12, description: "How many months up to this one (1–36)" })
  @Min(1)
  @Max(36)
  months: number;

  @Field(() => String, { nullable: true, description: "City officers: one county; county officers always get their own" })
  @IsOptional()
  @MaxLength(12)
  regionCode?: string | null;
}
