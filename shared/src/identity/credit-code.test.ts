import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { creditCodeCheckChar, parseCreditCode } from "./credit-code.js";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const first17 = fc.array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 }).map((a) => a.join(""));
const codes = (r: ReturnType<typeof parseCreditCode>) => (r.ok ? [] : r.reasons.map((x) => x.code));

// Widely published codes of well-known companies; each checked against this implementation.
const REAL_CODES = [
  "914403001922038216", // 华为技术有限公司
  "91440300708461136T", // 深圳市腾讯计算机系统有限公司
  "91330100716105852F", // 阿里巴巴（中国）有限公司
  "91110108551385082Q", // 北京小米科技有限责任公司
  "91350100M000100Y43", // a Fuzhou (350100) code often used as a GB 32100 example
];

describe("creditCodeCheckChar", () => {
  it.each(REAL_CODES)("computes the check character of %s", (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it("maps a remainder of 0 to check character 0", () => {
    // All zeros: sum 0, 31 - 0 = 31 → "0".
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it.each(["1234", "91350100M000100Y4I", "9135010OM000100Y4"])("rejects %j", (s) => {
    expect(() => creditCodeCheckChar(s)).toThrow(RangeError);
  });
});

describe("parseCreditCode", () => {
  it.each(REAL_CODES)("accepts %s", (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    [" 91440300708461136t ", [], "91440300708461136T"],
    ["91330100716105852f", [], "91330100716105852F"],
    ["", ["CREDIT_CODE_FORMAT"], undefined],
    ["9133010071610585", ["CREDIT_CODE_FORMAT"], undefined],
    ["91330100716105852FF", ["CREDIT_CODE_FORMAT"], undefined],
    ["91330100716105852O", ["CREDIT_CODE_FORMAT"], undefined], // O is not in the code set
    ["9133010071610585-F", ["CREDIT_CODE_FORMAT"], undefined],
    ["91330100716105852E", ["CREDIT_CODE_CHECK"], undefined],
    ["91330100716105853F", ["CREDIT_CODE_CHECK"], undefined],
  ])("%j → %j", (raw, expected, value) => {
    const r = parseCreditCode(raw);
    expect(codes(r)).toEqual(expected);
    if (value !== undefined) expect(r).toEqual({ ok: true, value });
  });

  it("accepts any 17 code characters followed by their computed check character", () => {
    fc.assert(
      fc.property(first17, (body) => {
        const code = body + creditCodeCheckChar(body);
        expect(parseCreditCode(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it("rejects every single-character change", () => {
    // 31 is prime and no weight is 0 mod 31, so any one substitution changes the checksum.
    const anyChar = fc.constantFrom(...CHARSET, "I", "O", "Z", "S", "V", "-", " ");
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), anyChar, (body, pos, replacement) => {
        const code = body + creditCodeCheckChar(body);
        fc.pre(code[pos] !== replacement);
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(parseCreditCode(changed).ok).toBe(false);
      }),
    );
  });
});
