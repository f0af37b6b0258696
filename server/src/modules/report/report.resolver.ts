import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { UUID } from "../../graphql/scalars.js";
import { ExportLink, MonthlyPlacements, PlacementTrendArgs, RosterExportArgs, VenueYearExportArgs, YearSummaryExportArgs } from "./report.types.js";

const STAFF_AND_OFFICERS = ["VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER"] as const;

// Each export is a 5-minute link to GET /exports/…: the scope is checked here, and again when it is downloaded.
@Resolver()
export class ReportResolver {
  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => ExportLink, { description: "附件3 认定申请表 (.xlsx): a short-lived download link" })
  exportRecognitionForm(@Arg("venueId", () => UUID) venueId: string, @Ctx() ctx: Context) {
    return ctx.services.exportLinks.link(ctx.caller, { kind: "annex3", venueId });
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => ExportLink, { description: "附件4 补助资金申请表 (.xlsx): a short-lived download link" })
  exportApplicationForm(@Arg("applicationId", () => UUID) applicationId: string, @Ctx() ctx: Context) {
    return ctx.services.exportLinks.link(ctx.caller, { kind: "annex4", applicationId });
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => ExportLink, { description: "附件5 岗位推荐成功花名册 (.xlsx): a short-lived download link; ID numbers masked unless an officer asks (audited on download)" })
  exportPlacementRoster(@Args(() => RosterExportArgs) { venueId, year, fullIds }: RosterExportArgs, @Ctx() ctx: Context) {
    return ctx.services.exportLinks.link(ctx.caller, { kind: "annex5", venueId, year, fullIds });
  }

  @Allow(...STAFF_AND_OFFICERS)
  @Mutation(() => ExportLink, { description: "附件6 工作考核自评表 (.xlsx): a short-lived download link" })
  exportAssessmentForm(@Args(() => VenueYearExportArgs) { venueId, year }: VenueYearExportArgs, @Ctx() ctx: Context) {
    return ctx.services.exportLinks.link(ctx.caller, { kind: "annex6", venueId, year });
  }

  @Allow("COUNTY_OFFICER", "CITY_OFFICER")
  @Mutation(() => ExportLink, { description: "附件7 建设情况汇总表 (.xlsx): a county's, or the city's with every county and coverage; a short-lived download link" })
  exportYearSummary(@Args(() => YearSummaryExportArgs) { year, regionCode }: YearSummaryExportArgs, @Ctx() ctx: Context) {
    return ctx.services.exportLinks.link(ctx.caller, { kind: "annex7", year, regionCode: regionCode ?? null });
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Query(() => [MonthlyPlacements], { description: "Placements over time: counted 岗位推荐成功 per month in the caller's scope (staff: their venue), zero months included" })
  placementsByMonth(@Args(() => PlacementTrendArgs) { months, regionCode }: PlacementTrendArgs, @Ctx() ctx: Context) {
    return ctx.services.trends.placementsByMonth(ctx.caller, { months, regionCode });
  }
}
