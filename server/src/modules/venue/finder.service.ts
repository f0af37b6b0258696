// 找驿站: the public venue finder (no login), bounded and rate limited per IP like the other public operations.
import { regionByCode, roughDistanceMeters, VENUE_PUBLIC_SERVICES } from "@qz/shared";
import type { Caller } from "../../access/actor.js";
import type { Deps } from "../../deps.js";
import { checkedNearby, createPublicSearchLimit } from "../../public-search.js";
import * as repo from "./venue.repo.js";

export function createVenueFinderService(deps: Deps, spend = createPublicSearchLimit(deps)) {
  return {
    /** The recognised venues nearest to the point, each with its hotline, star and services. */
    async nearestVenues(caller: Caller, q: { lat: number; lng: number; first: number }) {
      const checked = checkedNearby(q);
      await spend(caller);
      const rows = await repo.listNearestPublicVenues(deps.db, checked);
      return rows.map((v) => ({
        ...v,
        regionName: regionByCode(v.regionCode)?.name ?? v.regionCode,
        distanceMeters: roughDistanceMeters(Number(v.distanceMeters)),
        services: [...VENUE_PUBLIC_SERVICES],
      }));
    },
  };
}
