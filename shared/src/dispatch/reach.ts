// The "1-hour flexible-employment circle" (1小时灵活就业圈): how far a worker gets in their travel time.
import type { TravelMode } from "../catalog/enums.js";

/** Speeds by travel mode (km/h) and the detour factor turning straight-line distance into route distance. */
export interface ReachConfig {
  speedKmh: Readonly<Record<TravelMode, number>>;
  detourFactor: number;
}

export const DEFAULT_REACH: ReachConfig = {
  speedKmh: { WALK: 5, BICYCLE: 12, EBIKE: 15, TRANSIT: 20, CAR: 30 },
  detourFactor: 1.3,
};

/** Straight-line metres a worker covers in `minutes` by `mode` (the route is longer by the detour factor). */
export function reachMeters(mode: TravelMode, minutes: number, config: ReachConfig = DEFAULT_REACH): number {
  return ((minutes / 60) * config.speedKmh[mode] * 1000) / config.detourFactor;
}

/** Travel time in whole minutes (rounded up) for a straight-line distance. */
export function travelMinutes(distanceMeters: number, mode: TravelMode, config: ReachConfig = DEFAULT_REACH): number {
  // The epsilon keeps float noise (45.000000001) from adding a minute.
  return Math.ceil(((distanceMeters * config.detourFactor) / (config.speedKmh[mode] * 1000)) * 60 - 1e-9);
}

/** The widest circle any worker could come from for a task (the fastest mode), for the index pre-filter. */
export function widestReachMeters(maxTravelMinutes: number, config: ReachConfig = DEFAULT_REACH): number {
  return reachMeters("CAR", maxTravelMinutes, { ...config, speedKmh: { ...config.speedKmh, CAR: Math.max(...Object.values(config.speedKmh)) } });
}
