// The rotating check-in code (扫码签到): `QZ1.<taskId>.<slot>.<mac>`, an HMAC over the task and the minute, so
// the server needs no table of issued codes, a code of one task never opens another, and nobody without the
// key can make one. Rendered as an SVG QR code for the employer's page, which the worker's camera reads.
//
// Typed by hand it is too long, so the page also shows a short form: 8 Crockford base32 characters (40 bits)
// of another HMAC over the same task and minute. It names no task: the server checks it against the task of
// the worker's own engagement only. 40 bits are safe because guesses are few: each worker may type at most
// SHORT_CODE_ATTEMPTS codes in a window, and a guess hits only the current minute's code (or the one before,
// during the grace), so the chance of a forged check-in stays below 1 in 10^10 a window.
import { createHmac, timingSafeEqual } from "node:crypto";
import { checkCodeSlot, codeSlot } from "@qz/shared";
import QRCode from "qrcode";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { redisLimiter, spendOrRefuse } from "../../rate-limit.js";

const PREFIX = "QZ1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Crockford's base32: no I, L, O or U, so nothing read off a screen is ambiguous. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SHORT_CODE_LENGTH = 8;
/** Typed short codes per worker per window (a few mistyped tries, never a search of 2^40). */
export const SHORT_CODE_ATTEMPTS = { points: 10, windowSeconds: 600 } as const;
/** How many past minutes a typed code is recognised in, to say "expired" rather than "wrong". */
const RECOGNISED_PAST_SLOTS = 10;

/**
 * The canonical short code of what was typed: case-folded, spaces and hyphens dropped, and Crockford's
 * look-alikes read as digits (I, L → 1; O → 0); null when it is not 8 such characters.
 */
export function normalizeShortCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]+/gu, "").replace(/[IL]/gu, "1").replace(/O/gu, "0");
  return s.length === SHORT_CODE_LENGTH && [...s].every((ch) => CROCKFORD.includes(ch)) ? s : null;
}

/** The short code as shown: two groups of four, "7K3D-M9QX". */
export const formatShortCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

export interface CheckInCodeKey {
  sign(taskId: string, slot: number): string;
  /** The 8-character form of the same task and minute (canonical, without the hyphen). */
  short(taskId: string, slot: number): string;
  /** The task and slot a code names when its MAC is ours; null for anything malformed or forged. */
  open(code: string): { taskId: string; slot: number } | null;
}

/** Keys derived from the server secret, with their own label so no other token can pass as a code. */
export function createCheckInCodeKey(secret: Uint8Array | string): CheckInCodeKey {
  const key = createHmac("sha256", secret).update("attendance-check-in-code/v1").digest();
  // Its own key, so a short code is no prefix of the long code's MAC.
  const shortKey = createHmac("sha256", secret).update("attendance-check-in-short-code/v1").digest();
  const mac = (taskId: string, slot: number) => createHmac("sha256", key).update(`${taskId}\n${slot}`).digest("base64url").slice(0, 22);
  return {
    sign: (taskId, slot) => `${PREFIX}.${taskId}.${slot}.${mac(taskId, slot)}`,
    short: (taskId, slot) => base32(createHmac("sha256", shortKey).update(`${taskId}\n${slot}`).digest().subarray(0, 5), SHORT_CODE_LENGTH),
    open(code) {
      const parts = code.trim().split(".");
      if (parts.length !== 4 || parts[0] !== PREFIX) return null;
      const [, taskId, slotText, got] = parts as [string, string, string, string];
      const slot = Number(slotText);
      if (!UUID.test(taskId) || !/^\d{1,12}$/.test(slotText) || !Number.isSafeInteger(slot)) return null;
      const want = Buffer.from(mac(taskId, slot));
      const given = Buffer.from(got);
      return want.length === given.length && timingSafeEqual(want, given) ? { taskId, slot } : null;
    },
  };
}

/** The code as an SVG QR image the page can inline. */
export const codeSvg = (code: string): Promise<string> => QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

const invalid = () => badInput("code", [{ code: "CHECK_IN_CODE_INVALID", message: "签到码不对，请核对用工方手机上的签到码，或扫描二维码" }]);

/**
 * Checks a scanned or typed code against the task of the worker's engagement at `at`: the long code (from the
 * QR image) names its task and minute; a short code is tried against this task's recent minutes, after one of
 * the worker's typed attempts is spent. Returns the minute's slot; throws the typed refusal otherwise.
 */
export function createCheckInCodeChecker(deps: Pick<Deps, "config" | "redis">, key: CheckInCodeKey) {
  const attempts = redisLimiter(deps, "check-in-short-code", SHORT_CODE_ATTEMPTS.points, SHORT_CODE_ATTEMPTS.windowSeconds);

  function fresh(slot: number, at: Date) {
    const ok = checkCodeSlot(slot, at);
    if (!ok.ok) throw new AppError("PRECONDITION_FAILED", ok.reasons.map((r) => r.message).join("；"), ok.reasons);
    return slot;
  }

  return async function checkCode(workerId: string, code: string, taskId: string, at: Date): Promise<number> {
    const short = normalizeShortCode(code);
    if (short) {
      await spendOrRefuse(attempts, workerId, "CHECK_IN_CODE_ATTEMPTS", "签到码输错次数太多");
      const given = Buffer.from(short);
      const now = codeSlot(at);
      for (let slot = now; slot >= now - RECOGNISED_PAST_SLOTS; slot--) {
        if (timingSafeEqual(Buffer.from(key.short(taskId, slot)), given)) return fresh(slot, at);
      }
      return invalid();
    }
    const opened = key.open(code);
    if (!opened) return invalid();
    if (opened.taskId !== taskId) throw new AppError("PRECONDITION_FAILED", "这是其他岗位的签到码，请扫描本岗位用工方出示的二维码", [{ code: "CHECK_IN_CODE_OTHER_TASK", message: "签到码不属于本岗位" }]);
    return fresh(opened.slot, at);
  };
}
