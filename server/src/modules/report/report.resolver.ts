import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { UUID } from "../../graphql/scalars.js";
import { ExportFile, MonthlyPlacements, PlacementTrendArgs, RosterExportArgs, VenueYearExportArgs, YearSummaryExportArgs } from "./report.types.js";

const STAFF_AND_OFFICERS = ["VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER"] as const;

@Resolver()
export class ReportResolver {
  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => ExportFile, { description: "附件3 认定申请表 (.xlsx)" })
  exportRecognitionForm(@Arg("venueId", () => UUID) venueId: string, @Ctx() ctx: Context) {
    return ctx.services.annexes.recognitionForm(ctx.caller, venueId);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => ExportFile, { description: "附件4 补助资金申请表 (.xlsx)" })
  exportApplicationForm(@Arg("applicationId", () => UUID) applicationId: string, @Ctx() ctx: Context) {
    return ctx.services.annexes.applicationForm(ctx.caller, applicationId);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => ExportFile, { description: "附件5 岗位推荐成功花名册 (.xlsx); ID numbers masked unless an officer asks (audited)" })
  exportPlacementRoster(@Args(() => RosterExportArgs) { venueId, year, fullIds }: RosterExportArgs, @Ctx() ctx: Context) {
    return ctx.services.annexes.placementRoster(ctx.caller, venueId, year, fullIds);
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Query(() => ExportFile, { description: "附件6 工作考核自评表 (.xlsx)" })
  exportAssessmentForm(@Args(() => VenueYearExportArgs) { venueId, year }: VenueYearExportArgs, @Ctx() ctx: Context) {
    return ctx.services.annexes.assessmentForm(ctx.caller, venueId, year);
  }

  @Allow("COUNTY_OFFICER", "CITY_OFFICER")
  @Query(() => ExportFile, { description: "附件7 建设情况汇总表 (.xlsx): a county's, or the city's with every county and coverage" })
  exportYearSummary(@Args(() => YearSummaryExportArgs) { year, regionCode }: YearSummaryExportArgs, @Ctx() ctx: Context) {
    return ctx.services.annexes.yearSummary(ctx.caller, year, regionCode);
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Query(() => [MonthlyPlacements], { description: "Placements over time: counted 岗位推荐成功 per month in the caller's scope (staff: their venue), zero months included" })
  placementsByMonth(@Args(() => PlacementTrendArgs) { months, regionCode }: PlacementTrendArgs, @Ctx() ctx: Context) {
    return ctx.services.trends.placementsByMonth(ctx.caller, { months, regionCode });
  }
}
