import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isSkillCode, SKILL_CATALOG, SKILL_LEVELS } from "./skills.js";

describe("SKILL_CATALOG", () => {
  it("has about twenty skills with unique upper-case codes and unique Chinese names", () => {
    expect(SKILL_CATALOG.length).toBeGreaterThanOrEqual(20);
    const codes = SKILL_CATALOG.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(SKILL_CATALOG.map((s) => s.name)).size).toBe(codes.length);
    for (const { code, name } of SKILL_CATALOG) {
      expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });

  it.each([
    ["SHOE_FACTORY", "制鞋"],
    ["TEA_PICKING", "采茶"],
    ["CERAMICS", "陶瓷"],
    ["STONE_WORK", "石材加工"],
  ])("includes the local industry skill %s (%s)", (code, name) => {
    expect(SKILL_CATALOG).toContainEqual({ code, name });
  });
});

describe("SKILL_LEVELS", () => {
  it("runs 1–5 with Chinese labels", () => {
    expect(SKILL_LEVELS.map((l) => `${l.level}${l.label}`)).toEqual(["1初学", "2熟练", "3中级工", "4高级工", "5技师"]);
  });
});

describe("isSkillCode", () => {
  it.each([
    ["PORTER", true],
    ["EVENT_STAFF", true],
    ["porter", false],
    ["", false],
    ["ASTRONAUT", false],
  ])("%j → %s", (code, expected) => {
    expect(isSkillCode(code)).toBe(expected);
  });

  it("agrees with the catalogue for any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...SKILL_CATALOG.map((s) => s.code))), (s) => {
        expect(isSkillCode(s)).toBe(SKILL_CATALOG.some((x) => x.code === s));
      }),
    );
  });
});
