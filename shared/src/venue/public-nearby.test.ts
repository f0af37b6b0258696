import { describe, expect, it } from "vitest";
import { checkPublicNearby, PUBLIC_NEARBY_MAX, roughDistanceMeters } from "./public-nearby.js";

describe("checkPublicNearby", () => {
  it.each([
    [{ lat: 24.9, lng: 118.6, first: 1 }, []],
    [{ lat: 24.9, lng: 118.6, first: PUBLIC_NEARBY_MAX }, []],
    [{ lat: 24.9, lng: 118.6, first: PUBLIC_NEARBY_MAX + 1 }, ["PAGE_SIZE"]],
    [{ lat: 24.9, lng: 118.6, first: 0 }, ["PAGE_SIZE"]],
    [{ lat: 24.9, lng: 118.6, first: -5 }, ["PAGE_SIZE"]],
    [{ lat: 24.9, lng: 118.6, first: 2.5 }, ["PAGE_SIZE"]],
    [{ lat: 39.9, lng: 116.4, first: 5 }, ["POINT_OUTSIDE_QUANZHOU"]],
    [{ lat: Number.NaN, lng: 118.6, first: 5 }, ["POINT_OUTSIDE_QUANZHOU"]],
    [{ lat: 1e308, lng: -1e308, first: 1e9 }, ["POINT_OUTSIDE_QUANZHOU", "PAGE_SIZE"]],
  ])("%o → %o", (q, codes) => {
    const r = checkPublicNearby(q);
    expect(r.ok ? [] : r.reasons.map((x) => x.code)).toEqual(codes);
  });
});

describe("roughDistanceMeters", () => {
  it.each([
    [0, 100],
    [149, 100],
    [151, 200],
    [999, 1000],
    [1240, 1000],
    [1260, 1500],
    [12_345, 12_500],
    [-3, 0],
    [Number.NaN, 0],
  ])("%d m → %d m", (m, shown) => expect(roughDistanceMeters(m)).toBe(shown));
});
