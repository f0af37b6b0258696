import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isProvinceCode, maskResidentId, parseResidentId, residentIdCheckDigit } from "./resident-id.js";

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
const PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83"];
const withCheck = (first17: string) => first17 + residentIdCheckDigit(first17);
const codes = (r: ReturnType<typeof parseResidentId>) => (r.ok ? [] : r.reasons.map((x) => x.code));

describe("residentIdCheckDigit", () => {
  it.each([
    ["11010519491231002", "X"], // the worked example in GB 11643-1999 annex
    ["44052419800101001", "3"],
    ["35050219900101123", "X"],
    ["35058219880808888", "4"],
  ])("%s → %s", (first17, check) => {
    expect(residentIdCheckDigit(first17)).toBe(check);
  });

  it("rejects anything but 17 digits", () => {
    expect(() => residentIdCheckDigit("1234")).toThrow(RangeError);
    expect(() => residentIdCheckDigit("1101051949123100X")).toThrow(RangeError);
  });
});

describe("parseResidentId", () => {
  it("parses the standard's example, accepting a lower-case x and spaces", () => {
    expect(parseResidentId("  11010519491231002x ")).toEqual({
      ok: true,
      value: { id: "11010519491231002X", regionCode: "110105", birthDate: "1949-12-31", gender: "FEMALE" },
    });
  });

  it("reads gender from the 17th digit", () => {
    const r = parseResidentId("35050219900101123X");
    expect(r.ok && r.value.gender).toBe("MALE");
  });

  it.each([
    ["", ["ID_FORMAT"]],
    ["35050219900101123", ["ID_FORMAT"]], // 17 characters
    ["35050219900101123X7", ["ID_FORMAT"]], // 19 characters
    ["35050219900101123A", ["ID_FORMAT"]],
    ["X5050219900101123X", ["ID_FORMAT"]],
    ["3505021990-0101123", ["ID_FORMAT"]],
    ["350502199001011238", ["ID_CHECK_DIGIT"]], // the right check character is X
    ["35050219900101123X", []],
  ])("%j → %j", (raw, expected) => {
    expect(codes(parseResidentId(raw))).toEqual(expected);
  });

  it.each([
    ["3505021899123100", undefined, true], // before 1900-01-01
    ["3505021900010100", undefined, false],
    ["3505022026061500", "2026-06-14", true], // after today
    ["3505022026061400", "2026-06-14", false], // born today
    ["3505022000022900", undefined, false], // leap day
    ["3505021900022900", undefined, true], // 1900 was not a leap year
    ["3505021990130100", undefined, true],
    ["3505021990010000", undefined, true],
  ])("birth date in %s (today %s) invalid: %s", (first16, today, invalid) => {
    const first17 = first16 + "1";
    const r = parseResidentId(first17 + residentIdCheckDigit(first17), today);
    expect(codes(r)).toEqual(invalid ? ["ID_BIRTH_DATE"] : []);
  });

  it("accepts exactly the province-level codes of GB/T 2260 as the first two digits", () => {
    const all = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
    expect(all.filter(isProvinceCode)).toEqual(PROVINCES);
    expect(isProvinceCode("3")).toBe(false);
    expect(isProvinceCode("3a")).toBe(false);
  });

  it.each([
    ["999999", ["ID_REGION"]], // the example: no province 99
    ["000000", ["ID_REGION"]],
    ["910000", ["ID_REGION"]], // 外国人永久居留身份证, not a resident ID
    ["160000", ["ID_REGION"]], // between 华北 and 东北
    ["710000", []], // 台湾
    ["830000", []], // 港澳台居民居住证
    ["650102", []], // 乌鲁木齐
  ])("address code %s → %j", (area, expected) => {
    expect(codes(parseResidentId(withCheck(`${area}19900101123`)))).toEqual(expected);
  });

  it("reports both a bad date and a bad check digit", () => {
    const first17 = "35050219900231001";
    const wrong = residentIdCheckDigit(first17) === "0" ? "1" : "0";
    expect(codes(parseResidentId(first17 + wrong))).toEqual(["ID_BIRTH_DATE", "ID_CHECK_DIGIT"]);
  });

  it("messages are in Chinese", () => {
    const r = parseResidentId("abc");
    expect(!r.ok && r.reasons[0]!.message).toMatch(/身份证/);
  });

  it("accepts any valid date with its computed check digit, and rejects any other check character", () => {
    const day = fc.integer({ min: 0, max: 40_000 }); // days after 1900-01-01, up to ~2009
    fc.assert(
      fc.property(fc.constantFrom(...PROVINCES), digits(4), day, digits(3), fc.constantFrom(..."0123456789X"), (province, rest, d, seq, other) => {
        const region = province + rest;
        const birth = new Date(Date.UTC(1900, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const first17 = region + birth.replaceAll("-", "") + seq;
        const check = residentIdCheckDigit(first17);
        const r = parseResidentId(first17 + check, "2026-01-01");
        expect(r).toEqual({
          ok: true,
          value: { id: first17 + check, regionCode: region, birthDate: birth, gender: Number(seq[2]) % 2 ? "MALE" : "FEMALE" },
        });
        if (other !== check) expect(codes(parseResidentId(first17 + other))).toEqual(["ID_CHECK_DIGIT"]);
      }),
    );
  });
});

describe("maskResidentId", () => {
  it.each([
    ["350502199001011234", "350502********1234"],
    ["11010519491231002X", "110105********002X"],
    [" 350502199001011234 ", "350502********1234"],
    ["350502900101123", "3*************3"], // old 15-digit form: not the 18-digit shape
    ["12345", "1***5"],
    ["123", "***"],
    ["", ""],
  ])("%j → %j", (id, masked) => {
    expect(maskResidentId(id)).toBe(masked);
  });

  it("never throws and never shows more than 10 characters of an 18-character ID", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const masked = maskResidentId(s);
        expect(Array.from(masked).filter((c) => c !== "*").length).toBeLessThanOrEqual(10);
      }),
    );
  });
});
