// Money is integer fen (分) everywhere (DESIGN §3). These helpers never produce a fraction of a fen and
// never lose one: every split sums back to its total.
import { fail, ok, type Result } from "./result.js";

/** Largest single amount the platform moves in one transfer: 10,000,000 CNY, far above any gig's wage. */
export const MAX_TRANSFER_FEN = 1_000_000_000;

/** True for a whole number of fen that JavaScript and PostgreSQL bigint both hold exactly. */
export const isFen = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n);

/** "1,234.50" for 123450 fen; negative amounts keep their sign. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toLocaleString("en-US");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** Adds amounts, refusing anything that is not whole fen or overflows the safe range. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!isFen(a)) throw new RangeError(`not a whole number of fen: ${a}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError("amount overflow");
  }
  return total;
}

/**
 * `fen × numerator ÷ denominator`, rounded half up (to the nearest fen, .5 away from zero), computed in
 * BigInt so no intermediate product loses precision.
 */
export function mulDivFen(fen: number, numerator: number, denominator: number): number {
  if (!isFen(fen) || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError("mulDivFen takes whole fen and a positive whole denominator");
  }
  const p = BigInt(fen) * BigInt(numerator);
  const d = BigInt(denominator);
  const neg = p < 0n;
  const abs = neg ? -p : p;
  const q = (abs * 2n + d) / (2n * d);
  const result = Number(neg ? -q : q);
  if (!Number.isSafeInteger(result)) throw new RangeError("amount overflow");
  return result;
}

/**
 * Splits `total` fen in proportion to `weights` (largest remainder): each share is whole fen, the shares
 * sum to exactly `total`, and leftover fen go to the largest remainders (ties to the earlier weight).
 */
export function splitFen(total: number, weights: readonly number[]): number[] {
  if (!isFen(total) || total < 0) throw new RangeError("splitFen needs a non-negative whole amount");
  if (weights.length === 0) throw new RangeError("splitFen needs at least one weight");
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError("weights must be non-negative integers");
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError("weights must not all be zero");
  const t = BigInt(total);
  const s = BigInt(sum);
  const shares = weights.map((w) => (t * BigInt(w)) / s);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = Number(t - shares.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) shares[remainders[k % remainders.length]!.i]! += 1n;
  return shares.map(Number);
}

/** Checks an amount a user typed: whole fen, positive, at most `max`. */
export function checkAmountFen(fen: number, max = MAX_TRANSFER_FEN): Result<number> {
  if (!isFen(fen)) return fail({ code: "AMOUNT_NOT_FEN", message: "金额应为整数（单位：分）" });
  if (fen <= 0) return fail({ code: "AMOUNT_NOT_POSITIVE", message: "金额必须大于0" });
  if (fen > max) return fail({ code: "AMOUNT_TOO_LARGE", message: `单笔金额不能超过 ${formatYuan(max)} 元` });
  return ok(fen);
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same value always gives the same text,
 * so its hash identifies it (contract terms, transfer bodies). Refuses values JSON cannot carry exactly.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new RangeError("canonicalJson: non-finite number");
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}
