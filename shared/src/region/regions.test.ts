import { describe, it, expect } from "vitest";
import { QUANZHOU_REGIONS, regionByCode } from "./regions.js";

describe("QUANZHOU_REGIONS", () => {
  it("lists the 13 areas in the plan's order", () => {
    expect(QUANZHOU_REGIONS.map((r) => `${r.code} ${r.name}`)).toEqual([
      "350502 鲤城区",
      "350503 丰泽区",
      "350504 洛江区",
      "350505 泉港区",
      "350581 石狮市",
      "350582 晋江市",
      "350583 南安市",
      "350521 惠安县",
      "350524 安溪县",
      "350525 永春县",
      "350526 德化县",
      "350571 泉州开发区",
      "350572 泉州台商投资区",
    ]);
  });

  it("has unique codes and names, all six digits under 3505", () => {
    expect(new Set(QUANZHOU_REGIONS.map((r) => r.code)).size).toBe(13);
    expect(new Set(QUANZHOU_REGIONS.map((r) => r.name)).size).toBe(13);
    for (const r of QUANZHOU_REGIONS) expect(r.code).toMatch(/^3505\d{2}$/);
  });

  it("places every centre inside Quanzhou's bounding box", () => {
    // Quanzhou spans roughly 24.5–25.9°N, 117.6–119.1°E.
    for (const { centre } of QUANZHOU_REGIONS) {
      expect(centre.lat).toBeGreaterThan(24.5);
      expect(centre.lat).toBeLessThan(25.9);
      expect(centre.lng).toBeGreaterThan(117.6);
      expect(centre.lng).toBeLessThan(119.1);
    }
  });
});

describe("regionByCode", () => {
  it.each([
    ["350582", "晋江市"],
    ["350571", "泉州开发区"],
    ["350524", "安溪县"],
  ])("%s → %s", (code, name) => {
    expect(regionByCode(code)?.name).toBe(name);
  });

  it.each(["350500", "350583 ", "", "350100"])("%j → undefined", (code) => {
    expect(regionByCode(code)).toBeUndefined();
  });
});
