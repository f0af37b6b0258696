import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { UUID } from "../../graphql/scalars.js";
import { Allow, Public } from "../../graphql/auth-decorators.js";
import { pageComplexity, PageArgs } from "../../graphql/pagination.js";
import { requestedFields } from "../../graphql/selection.js";
import {
  CreateVenueInput,
  Region,
  ServicePurchasePeriod,
  ServicePurchasePeriodInput,
  UpdateVenueOpeningHoursInput,
  Venue,
  VenueCoverage,
  VenueFilter,
  VenuePage,
  VenueStatusReasonArgs,
} from "./venue.types.js";

import { PublicNearbyArgs, PublicVenue } from "./finder.types.js";

const OFFICERS = ["COUNTY_OFFICER", "CITY_OFFICER"] as const;

@Resolver(() => Venue)
export class VenueResolver {
  @Public()
  @Query(() => [Region], { description: "The 13 county-level areas" })
  regions(@Ctx() ctx: Context) {
    return ctx.services.venues.listRegions();
  }

  @Public()
  @Query(() => [PublicVenue], { description: "找驿站 (no login): recognised venues nearest to a point in Quanzhou, at most 20, rate limited per IP" })
  nearestVenues(@Args(() => PublicNearbyArgs) args: PublicNearbyArgs, @Ctx() ctx: Context) {
    return ctx.services.venueFinder.nearestVenues(ctx.caller, args);
  }

  @Allow()
  @Query(() => VenuePage, { complexity: pageComplexity })
  venues(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => VenueFilter, { nullable: true }) filter: VenueFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.venues.listVenues(ctx.caller, { ...filter, ...page }, requestedFields(info, ["items"]));
  }

  @Allow()
  @Query(() => Venue)
  venue(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.venues.getVenue(ctx.caller, id);
  }

  @Allow(...OFFICERS)
  @Query(() => VenueCoverage)
  venueCoverage(@Ctx() ctx: Context) {
    return ctx.services.venues.coverage(ctx.caller);
  }

  @Allow(...OFFICERS)
  @Mutation(() => Venue)
  createVenue(@Arg("input", () => CreateVenueInput) input: CreateVenueInput, @Ctx() ctx: Context) {
    return ctx.services.venues.createVenue(ctx.caller, input);
  }

  @Allow(...OFFICERS)
  @Mutation(() => Venue, { description: "认定: pending or suspended → recognised" })
  recognizeVenue(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.venues.recognizeVenue(ctx.caller, id);
  }

  @Allow(...OFFICERS)
  @Mutation(() => Venue)
  suspendVenue(@Args(() => VenueStatusReasonArgs) { id, reason }: VenueStatusReasonArgs, @Ctx() ctx: Context) {
    return ctx.services.venues.suspendVenue(ctx.caller, id, reason);
  }

  @Allow(...OFFICERS)
  @Mutation(() => Venue)
  revokeVenue(@Args(() => VenueStatusReasonArgs) { id, reason }: VenueStatusReasonArgs, @Ctx() ctx: Context) {
    return ctx.services.venues.revokeVenue(ctx.caller, id, reason);
  }

  @Allow(...OFFICERS)
  @Mutation(() => ServicePurchasePeriod)
  addServicePurchasePeriod(@Arg("input", () => ServicePurchasePeriodInput) input: ServicePurchasePeriodInput, @Ctx() ctx: Context) {
    return ctx.services.venues.addServicePurchasePeriod(ctx.caller, input.venueId, input.startsOn, input.endsOn, input.note ?? null);
  }

  @Allow("VENUE_STAFF", ...OFFICERS)
  @Mutation(() => Venue, { description: "开放时间: the venue's own staff or an officer in scope set (or clear) the opening hours the public finder shows" })
  updateVenueOpeningHours(@Arg("input", () => UpdateVenueOpeningHoursInput) input: UpdateVenueOpeningHoursInput, @Ctx() ctx: Context) {
    return ctx.services.venues.updateOpeningHours(ctx.caller, input.venueId, input.openingHours ?? null);
  }

  @FieldResolver(() => Region)
  region(@Root() venue: Venue, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(venue.regionCode);
  }

  @FieldResolver(() => [ServicePurchasePeriod])
  servicePurchasePeriods(@Root() venue: Venue, @Ctx() ctx: Context) {
    return ctx.loaders.servicePurchasePeriodsByVenueId.load(venue.id);
  }
}

