import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { COVERAGE_TARGETS, summariseCoverage } from "./coverage.js";
import { QUANZHOU_REGIONS } from "../region/regions.js";

const codes: readonly string[] = QUANZHOU_REGIONS.map((r) => r.code);

describe("summariseCoverage", () => {
  it("lists all 13 areas with zeros for an empty input", () => {
    const { regions, city } = summariseCoverage([]);
    expect(regions.map((r) => r.code)).toEqual(codes);
    expect(regions.every((r) => r.markets === 0 && r.stations === 0 && !r.covered)).toBe(true);
    expect(city).toEqual({
      regionsCovered: 0,
      markets: 0,
      stations: 0,
      targets: { regions: 13, markets: 30, stations: 100 },
      regionsMet: false,
      marketsMet: false,
      stationsMet: false,
    });
  });

  it.each([
    ["a market only", 1, 0, true],
    ["a station only", 0, 1, true],
    ["nothing", 0, 0, false],
  ])("an area with %s is covered: %s", (_label, markets, stations, covered) => {
    const { regions } = summariseCoverage([{ regionCode: "350582", markets, stations }]);
    expect(regions.find((r) => r.code === "350582")).toEqual({ code: "350582", name: "晋江市", markets, stations, covered });
  });

  it("adds up repeated rows and ignores unknown codes", () => {
    const { regions, city } = summariseCoverage([
      { regionCode: "350502", markets: 1, stations: 2 },
      { regionCode: "350502", markets: 2, stations: 3 },
      { regionCode: "350100", markets: 50, stations: 500 }, // Fuzhou: not ours
      { regionCode: "", markets: 1, stations: 1 },
    ]);
    expect(regions[0]).toMatchObject({ code: "350502", markets: 3, stations: 5, covered: true });
    expect(city).toMatchObject({ regionsCovered: 1, markets: 3, stations: 5 });
  });

  it("meets the targets exactly at the thresholds", () => {
    // 4·3 + 9·2 = 30 markets; 9·8 + 4·7 = 100 stations.
    const rows = codes.map((regionCode, i) => ({ regionCode, markets: i < 4 ? 3 : 2, stations: i < 9 ? 8 : 7 }));
    const { city } = summariseCoverage(rows);
    expect([city.markets, city.stations, city.regionsCovered]).toEqual([30, 100, 13]);
    expect([city.regionsMet, city.marketsMet, city.stationsMet]).toEqual([true, true, true]);

    const short = summariseCoverage([{ ...rows[0]!, markets: 2, stations: 7 }, ...rows.slice(1)]).city;
    expect([short.marketsMet, short.stationsMet]).toEqual([false, false]);
    const missing = summariseCoverage(rows.slice(1)).city;
    expect([missing.regionsCovered, missing.regionsMet]).toEqual([12, false]);
  });

  it.each([-1, 1.5, Number.NaN])("rejects a count of %s", (n) => {
    expect(() => summariseCoverage([{ regionCode: "350502", markets: n, stations: 0 }])).toThrow(RangeError);
  });

  it("city totals equal the sum of the area rows and targets follow them", () => {
    const row = fc.record({
      regionCode: fc.constantFrom(...codes, "350100", "999999"),
      markets: fc.nat(20),
      stations: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const { regions, city } = summariseCoverage(rows);
        expect(regions).toHaveLength(13);
        const known = rows.filter((r) => codes.includes(r.regionCode));
        expect(city.markets).toBe(known.reduce((s, r) => s + r.markets, 0));
        expect(city.stations).toBe(known.reduce((s, r) => s + r.stations, 0));
        expect(city.regionsCovered).toBe(regions.filter((r) => r.covered).length);
        expect(city.marketsMet).toBe(city.markets >= COVERAGE_TARGETS.markets);
        expect(city.stationsMet).toBe(city.stations >= COVERAGE_TARGETS.stations);
        expect(city.regionsMet).toBe(city.regionsCovered === 13);
      }),
    );
  });
});
