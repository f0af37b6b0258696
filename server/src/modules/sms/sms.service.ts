import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { SMS_PURPOSE, type SmsPurpose } from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { redisLimiter, spendOrRefuse } from "../../rate-limit.js";
import type { Caller } from "../../access/actor.js";
import { checkPhone } from "../../access/input-checks.js";
import * as repo from "./sms.repo.js";

/** How long a code works: 5 minutes, the usual bound for 短信验证码 (long enough to type, short enough to guess little). */
export const SMS_CODE_TTL_MS = 5 * 60_000;
/** Wrong entries a code survives; the sixth attempt finds it dead (at most 5 guesses out of a million). */
export const SMS_CODE_MAX_WRONG_ATTEMPTS = 5;
const DAY_SECONDS = 86_400;
const HOUR_SECONDS = 3_600;

export interface SmsCodeRequest {
  expiresAt: Date;
  /** When the same phone may ask again. */
  resendAfterSeconds: number;
}

/** BAD_USER_INPUT on `smsCode`: wrong, expired, used up or replaced, without saying which. */
export const invalidSmsCode = (field = "smsCode") =>
  new AppError("BAD_USER_INPUT", "验证码错误或已失效，请重新获取", [
    { code: "SMS_CODE_INVALID", field, message: "验证码错误或已失效，请重新获取" },
  ]);

export type SmsService = ReturnType<typeof createSmsService>;

/** One-time SMS codes (短信验证码): issue, send, check and consume. Only an HMAC of each code is stored. */
export function createSmsService(deps: Deps) {
  const { config, db, sms, now } = deps;
  // A key of its own, derived from the blind-index key, so a code hash can never equal an ID-number index.
  const hmacKey = createHmac("sha256", config.piiBlindIndexKey).update("sms-code/v1").digest();
  // Bound to phone and purpose: a code for one can never satisfy another, even by a hash mix-up.
  const hashCode = (phone: string, purpose: SmsPurpose, code: string) =>
    createHmac("sha256", hmacKey).update(`${phone}\n${purpose}\n${code}`).digest();

  // Sending costs money and disturbs the phone's owner: per phone a cooldown and a daily cap, per IP an hourly cap.
  const cooldown = config.smsResendSeconds > 0 ? redisLimiter(deps, "sms-phone-cooldown", 1, config.smsResendSeconds) : null;
  const perPhoneDaily = redisLimiter(deps, "sms-phone-day", config.smsDailyLimitPerPhone, DAY_SECONDS);
  const perIpHourly = redisLimiter(deps, "sms-ip-hour", config.smsHourlyLimitPerIp, HOUR_SECONDS);

  /** Checks the code without consuming it; a wrong guess stays counted even if the caller's transaction rolls back. */
  async function checkCode(phone: string, purpose: SmsPurpose, code: string): Promise<string | null> {
    // Committed on the pool, not in a caller's transaction: a failed request must not give its guess back.
    const claimed = await repo.claimSmsCodeAttempt(db, phone, purpose, now(), SMS_CODE_MAX_WRONG_ATTEMPTS);
    if (!claimed) return null;
    const expected = Buffer.from(claimed.codeHash, "hex");
    const given = hashCode(phone, purpose, code);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    await repo.releaseSmsCodeAttempt(db, claimed.id);
    return claimed.id;
  }

  return {
    /**
     * Issues a code for `purpose` and texts it. The answer is the same whether or not the phone has an
     * account, so it cannot be used to find out who is registered. A new code replaces the previous one.
     */
    async requestCode(caller: Caller, phoneRaw: string, purpose: SmsPurpose): Promise<SmsCodeRequest> {
      const phone = checkPhone(phoneRaw);
      if (caller.meta.ip) await spendOrRefuse(perIpHourly, caller.meta.ip, "SMS_IP_LIMIT", "本网络发送验证码过于频繁");
      if (cooldown) await spendOrRefuse(cooldown, phone, "SMS_RESEND_TOO_SOON", "验证码发送过于频繁");
      await spendOrRefuse(perPhoneDaily, phone, "SMS_DAILY_LIMIT", "该手机号今日验证码发送次数已达上限");
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const at = now();
      const expiresAt = new Date(at.getTime() + SMS_CODE_TTL_MS);
      await db.transaction(async (tx) => {
        await repo.expireOpenSmsCodes(tx, phone, purpose, at);
        await repo.insertSmsCode(tx, { phone, purpose, codeHash: hashCode(phone, purpose, code).toString("hex"), expiresAt, ip: caller.meta.ip });
      });
      await sms.send(phone, `【泉州零工】您的${SMS_PURPOSE.labels[purpose]}验证码为 ${code}，5分钟内有效。如非本人操作，请忽略本短信。`);
      return { expiresAt, resendAfterSeconds: config.smsResendSeconds };
    },

    /** The code's id when `code` is the phone's open code for `purpose` (not consumed yet), else null. */
    checkCode,

    /** Consumes a code `checkCode` accepted, in `tx`; false when it was used or expired meanwhile. */
    consumeCode(tx: DbOrTx, id: string): Promise<boolean> {
      return repo.consumeSmsCode(tx, id, now());
    },

    /**
     * Checks and consumes in one step: true only once per code. Call it at most once per transaction
     * (wrong guesses are counted on the pool, which would wait for a row `tx` already changed).
     */
    async verifyCode(tx: DbOrTx, phone: string, purpose: SmsPurpose, code: string): Promise<boolean> {
      const id = await checkCode(phone, purpose, code);
      return id !== null && repo.consumeSmsCode(tx, id, now());
    },
  };
}
