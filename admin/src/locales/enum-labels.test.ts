// Every value of every closed list in shared/src/catalog/enums.ts has a label in both console languages, so
// switching language never shows a raw code.
import * as catalog from "@qz/shared/catalog/enums";
import { describe, expect, it } from "vitest";
import { enLabels, ENUMS, zhLabels } from "./enum-labels";

const definitions = Object.entries(catalog).filter(([, v]) => typeof v === "object" && v !== null && "labels" in v && "values" in v) as [string, { values: readonly string[] }][];

describe("enum labels per language", () => {
  it("finds every enum definition of the catalog", () => {
    expect(definitions.length).toBeGreaterThan(30);
    expect(Object.keys(ENUMS).sort()).toEqual(definitions.map(([name]) => name).sort());
  });

  it.each(definitions)("%s: a Chinese and an English label for each value, and nothing else", (name, def) => {
    const zh = (zhLabels as Record<string, Record<string, string>>)[name];
    const en = (enLabels as Record<string, Record<string, string>>)[name];
    expect(Object.keys(zh ?? {}).sort(), "zh-CN").toEqual([...def.values].sort());
    expect(Object.keys(en ?? {}).sort(), "en").toEqual([...def.values].sort());
    for (const value of def.values) {
      expect(zh![value], `${name}.${value} zh-CN`).toMatch(/\p{Script=Han}/u);
      expect(en![value], `${name}.${value} en`).toMatch(/^[^\p{Script=Han}]+$/u);
      expect(en![value], `${name}.${value} en is not the code`).not.toBe(value);
    }
  });
});
