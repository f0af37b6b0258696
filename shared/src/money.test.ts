import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, checkAmountFen, formatYuan, mulDivFen, splitFen, sumFen } from "./money.js";
import { checkLegs, legsOf, wouldOverdraw } from "./settlement/ledger-rules.js";

describe("fen arithmetic", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [123450, "1,234.50"],
    [-2050, "-20.50"],
  ])("formatYuan(%i) = %s", (fen, text) => expect(formatYuan(fen)).toBe(text));

  it.each([
    [2050, 15, 4, 7688], // 20.50 × 3.75 h = 76.875 → 76.88
    [2050, 1, 3, 683],
    [1, 1, 2, 1], // half rounds up
    [-1, 1, 2, -1], // and away from zero
    [Number.MAX_SAFE_INTEGER, 1, 1, Number.MAX_SAFE_INTEGER],
  ])("mulDivFen(%i, %i, %i) = %i", (fen, n, d, want) => expect(mulDivFen(fen, n, d)).toBe(want));

  it("refuses fractions, overflow and a zero denominator", () => {
    expect(() => mulDivFen(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivFen(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivFen(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([0.1])).toThrow(RangeError);
  });

  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [3, 3, 3], [4, 3, 3]],
    [7, [0, 1], [0, 7]],
    [0, [2, 5], [0, 0]],
  ])("splitFen(%i, %j) = %j", (total, weights, want) => expect(splitFen(total, weights)).toEqual(want));

  it("splitFen never loses or invents a fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const shares = splitFen(total, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        shares.forEach((s, i) => {
          expect(Number.isSafeInteger(s) && s >= 0).toBe(true);
          expect(Math.abs(s - (total * weights[i]!) / weights.reduce((a, b) => a + b, 0))).toBeLessThan(1.000001);
        });
      }),
    );
  });

  it.each([
    [0, "AMOUNT_NOT_POSITIVE"],
    [-100, "AMOUNT_NOT_POSITIVE"],
    [1.5, "AMOUNT_NOT_FEN"],
    [Number.NaN, "AMOUNT_NOT_FEN"],
    [2e9, "AMOUNT_TOO_LARGE"],
  ])("checkAmountFen(%d) refuses with %s", (fen, code) => {
    const r = checkAmountFen(fen);
    expect(r.ok ? null : r.reasons[0]!.code).toBe(code);
  });

  it("canonicalJson sorts keys at every level and is stable", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: "泉州" } })).toBe('{"a":{"c":"泉州","d":[2,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe("ledger legs", () => {
  it("a transfer must balance, on distinct accounts, in non-zero whole fen", () => {
    expect(checkLegs(legsOf("a", "b", 100)).ok).toBe(true);
    const codes = (legs: { account: string; amountFen: number }[]) => {
      const r = checkLegs(legs);
      return r.ok ? "ok" : r.reasons[0]!.code;
    };
    expect(codes([{ account: "a", amountFen: 1 }])).toBe("TRANSFER_LEGS");
    expect(codes([{ account: "a", amountFen: -1 }, { account: "a", amountFen: 1 }])).toBe("TRANSFER_SAME_ACCOUNT");
    expect(codes([{ account: "a", amountFen: -1 }, { account: "b", amountFen: 2 }])).toBe("TRANSFER_UNBALANCED");
    expect(codes(legsOf("a", "b", 0))).toBe("TRANSFER_AMOUNT");
    expect(codes(legsOf("a", "b", 0.5))).toBe("TRANSFER_AMOUNT");
  });

  it("wouldOverdraw names the account that would go below zero", () => {
    const balances: Record<string, number> = { wallet: 50, bank: -50 };
    const neg = (a: string) => a === "bank";
    expect(wouldOverdraw(legsOf("wallet", "x", 60), (a) => balances[a] ?? 0, neg)).toBe("wallet");
    expect(wouldOverdraw(legsOf("wallet", "x", 50), (a) => balances[a] ?? 0, neg)).toBeNull();
    expect(wouldOverdraw(legsOf("bank", "wallet", 1e6), (a) => balances[a] ?? 0, neg)).toBeNull();
  });
});
