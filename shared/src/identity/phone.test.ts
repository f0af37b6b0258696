import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { maskMobile, parseMobile } from "./phone.js";

describe("parseMobile", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["  19912345678\t", "19912345678"],
    ["16612345678", "16612345678"],
  ])("%j → %s", (raw, value) => {
    expect(parseMobile(raw)).toEqual({ ok: true, value });
  });

  it.each([
    "",
    "1381234567", // 10 digits
    "138123456789", // 12 digits
    "12812345678", // second digit 2
    "10012345678",
    "23812345678",
    "059522345678", // a Quanzhou landline
    "+8513812345678",
    "0086 13812345678",
    "+86+8613812345678",
    "1381234567a",
  ])("rejects %j", (raw) => {
    const r = parseMobile(raw);
    expect(r.ok ? [] : r.reasons.map((x) => x.code)).toEqual(["PHONE_FORMAT"]);
  });

  it("accepts every 1[3-9]xxxxxxxxx with or without +86", () => {
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
      .map(([second, rest]) => `1${second}${rest.join("")}`);
    fc.assert(
      fc.property(mobile, fc.constantFrom("", "+86", "86", "+86 "), (m, prefix) => {
        expect(parseMobile(prefix + m)).toEqual({ ok: true, value: m });
      }),
    );
  });
});

describe("maskMobile", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["+86 138-1234-5678", "138****5678"],
    ["12345", "1***5"],
    ["12", "**"],
    ["", ""],
  ])("%j → %j", (p, masked) => {
    expect(maskMobile(p)).toBe(masked);
  });

  it("never shows more than 7 characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        expect(Array.from(maskMobile(s)).filter((c) => c !== "*").length).toBeLessThanOrEqual(7);
      }),
    );
  });
});
