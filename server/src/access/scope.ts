import { AppError } from "../errors.js";
import type { Actor } from "./actor.js";

/**
 * Scope rule (DESIGN §1): staff see their own venue, county officers their own county, city officers
 * everything. Enforced here, in the service layer, whatever the resolver allowed.
 */
export interface VenueScope {
  /** Restrict to one venue (staff). */
  venueId?: string;
  /** Restrict to one county (county officers). */
  regionCode?: string;
}

/** The venue/county filter an actor's lists must carry. Workers and employers have no venue scope. */
export function venueScopeOf(actor: Actor): VenueScope {
  switch (actor.role) {
    case "CITY_OFFICER":
      return {};
    case "COUNTY_OFFICER":
      return { regionCode: requireRegion(actor) };
    case "VENUE_STAFF":
      if (!actor.venueId) throw new AppError("FORBIDDEN", "工作人员账号未绑定场所");
      return { venueId: actor.venueId };
    default:
      throw new AppError("FORBIDDEN", "无权查看场所管理数据");
  }
}

/** Throws FORBIDDEN unless the county is inside the actor's scope. */
export function assertRegionInScope(actor: Actor, regionCode: string): void {
  if (actor.role === "CITY_OFFICER") return;
  if (actor.role === "COUNTY_OFFICER" && actor.regionCode === regionCode) return;
  throw new AppError("FORBIDDEN", "该县(市、区)不在您的管辖范围内");
}

/** Throws FORBIDDEN unless the venue is inside the actor's scope. */
export function assertVenueInScope(actor: Actor, venue: { id: string; regionCode: string }): void {
  if (actor.role === "VENUE_STAFF" && actor.venueId === venue.id) return;
  if (actor.role === "VENUE_STAFF") throw new AppError("FORBIDDEN", "只能查看本场所的数据");
  assertRegionInScope(actor, venue.regionCode);
}

function requireRegion(actor: Actor): string {
  if (!actor.regionCode) throw new AppError("FORBIDDEN", "官员账号未绑定县(市、区)");
  return actor.regionCode;
}
