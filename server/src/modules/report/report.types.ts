import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { UUID } from "../../graphql/scalars.js";

@ObjectType({ description: "An .xlsx file (base64): save it under its filename" })
export class ExportFile {
  @Field(() => String)
  filename: string;

  @Field(() => String)
  mimeType: string;

  @Field(() => String)
  contentBase64: string;
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
  regionCode?: string | null;
}
