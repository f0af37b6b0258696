// Coverage of the venue network (零工市场 markets and 零工驿站 stations) against the plan's targets.
import { QUANZHOU_REGIONS } from "../region/regions.js";

/** The plan's city-wide targets: all 13 areas covered, at least 30 零工市场 and 100 零工驿站. */
export const COVERAGE_TARGETS = { regions: 13, markets: 30, stations: 100 } as const;

/** Venue counts for one area; callers count RECOGNIZED (认定) venues only. */
export interface RegionVenueCount {
  regionCode: string;
  markets: number;
  stations: number;
}

/** One area's row in the coverage summary. */
export interface RegionCoverage {
  code: string;
  name: string;
  markets: number;
  stations: number;
  covered: boolean;
}

/** City-wide totals and whether each target is met. */
export interface CityCoverage {
  regionsCovered: number;
  markets: number;
  stations: number;
  targets: typeof COVERAGE_TARGETS;
  regionsMet: boolean;
  marketsMet: boolean;
  stationsMet: boolean;
}

/**
 * Summarises coverage from per-area counts of recognised venues. Every one of the 13 areas appears
 * (zero when absent); rows for the same area are added up; unknown area codes are ignored. An area is
 * covered when it has at least one recognised venue of either kind. Throws RangeError on a count that is
 * not a non-negative integer.
 */
export function summariseCoverage(counts: readonly RegionVenueCount[]): { regions: RegionCoverage[]; city: CityCoverage } {
  const totals = new Map<string, { markets: number; stations: number }>(
    QUANZHOU_REGIONS.map((r) => [r.code, { markets: 0, stations: 0 }]),
  );
  for (const c of counts) {
    for (const n of [c.markets, c.stations]) {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`venue count must be a non-negative integer: ${n}`);
    }
    const t = totals.get(c.regionCode);
    if (!t) continue;
    t.markets += c.markets;
    t.stations += c.stations;
  }

  const regions = QUANZHOU_REGIONS.map(({ code, name }) => {
    const { markets, stations } = totals.get(code)!;
    return { code, name, markets, stations, covered: markets + stations > 0 };
  });
  const regionsCovered = regions.filter((r) => r.covered).length;
  const markets = regions.reduce((sum, r) => sum + r.markets, 0);
  const stations = regions.reduce((sum, r) => sum + r.stations, 0);
  return {
    regions,
    city: {
      regionsCovered,
      markets,
      stations,
      targets: COVERAGE_TARGETS,
      regionsMet: regionsCovered >= COVERAGE_TARGETS.regions,
      marketsMet: markets >= COVERAGE_TARGETS.markets,
      stationsMet: stations >= COVERAGE_TARGETS.stations,
    },
  };
}
