import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { maskMiddle, maskUnknown } from "./mask.js";

describe("maskMiddle", () => {
  it.each([
    ["13812345678", 3, 4, "138****5678"],
    ["350502199001011234", 6, 4, "350502********1234"],
    ["abc", 2, 2, "***"], // nothing would be hidden: hide everything
    ["", 1, 1, ""],
  ])("maskMiddle(%j, %i, %i) = %j", (s, a, b, expected) => {
    expect(maskMiddle(s, a, b)).toBe(expected);
  });
});

describe("maskUnknown", () => {
  it.each([
    ["", ""],
    ["1", "*"],
    ["123", "***"],
    ["1234", "1**4"],
    ["12345678", "1******8"],
    ["张三丰先生", "张***生"],
  ])("%j → %j", (s, expected) => {
    expect(maskUnknown(s)).toBe(expected);
  });

  it("never reveals more than two characters nor more than half", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const masked = Array.from(maskUnknown(s));
        const original = Array.from(s);
        const shown = masked.filter((c, i) => c !== "*" && c === original[i]).length;
        expect(shown).toBeLessThanOrEqual(2);
        expect(shown * 2).toBeLessThanOrEqual(original.length);
      }),
    );
  });
});
