import { createHash, randomBytes, randomUUID } from "node:crypto";
import { parseMobile } from "@qz/shared";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Deps } from "../../deps.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import { createSmsService, type SmsService } from "../sms/sms.service.js";
import { signAccessToken } from "./access-token.js";
import type { Actor, Caller, Role } from "../../access/actor.js";
import * as repo from "./identity.repo.js";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password.js";

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const actorOf = (user: repo.UserRow): Actor => ({
  userId: user.id,
  role: user.role as Role,
  venueId: user.venueId,
  regionCode: user.regionCode,
});

export type SessionService = ReturnType<typeof createSessionService>;

/**
 * Login, refresh-token rotation with reuse detection, and logout. A session is a refresh-token family; its id
 * is the access token's `sid`, so ending the session (logout, reuse, revokeAllForUser) ends its access tokens.
 */
export function createSessionService(deps: Deps, sms: SmsService = createSmsService(deps)) {
  const { config, db, redis, now, pii, sessionRevocations } = deps;
  // Login attempts are counted before the password is checked, atomically, so parallel guesses cannot slip past
  // a limit; a success gives its points back, so only failures count. Never per phone alone (finding 6: ten wrong
  // passwords from anywhere locked the owner out):
  // - per phone and IP: that address is refused (RATE_LIMITED) for the window, the owner elsewhere is not;
  // - per IP: ten times more, as a venue kiosk or a factory NAT puts many workers behind one address;
  // - per phone across all addresses: past the limit a password alone no longer opens the account, an SMS
  //   code (which only the phone's owner receives) must come with it, so distributed guessing ends there too.
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.queuePrefix}:${name}`, points, duration: config.loginRateWindowSeconds });
  const attemptsByPhoneAndIp = limiter("login-phone-ip", config.loginRateLimit);
  const attemptsByIp = limiter("login-ip", config.loginRateLimit * 10);
  const failuresByPhone = limiter("login-phone", config.loginRateLimit);

  /** Opens a session (new token family, or the given one when rotating) inside `tx`. */
  async function issueSession(tx: DbOrTx, user: repo.UserRow, caller: Caller, familyId: string = randomUUID()): Promise<Session> {
    const at = now();
    const refreshToken = randomBytes(32).toString("base64url");
    const refreshTokenExpiresAt = new Date(at.getTime() + config.refreshTokenTtlDays * 86_400_000);
    await repo.insertRefreshToken(tx, {
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      ip: caller.meta.ip,
      userAgent: caller.meta.userAgent,
    });
    return sessionWith(user, familyId, refreshToken, refreshTokenExpiresAt, at);
  }

  /** A session answer: the given refresh token with a freshly signed access token of the same family. */
  async function sessionWith(user: repo.UserRow, familyId: string, refreshToken: string, refreshTokenExpiresAt: Date, at: Date): Promise<Session> {
    return {
      accessToken: await signAccessToken(actorOf(user), familyId, config.jwtSecret, config.accessTokenTtlSeconds, at),
      accessTokenExpiresAt: new Date(at.getTime() + config.accessTokenTtlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      userId: user.id,
    };
  }

  /**
   * The live successor of a token rotated at most REFRESH_GRACE_SECONDS ago, or null (then it is reuse).
   * Two tabs or a retried request present the same token at once; the presented token's row lock serialises
   * them, so each repeat finds the first one's successor. The successor is read without a lock: locking it
   * too could deadlock with a logout holding it, and it can only be rotated or revoked, never revived.
   */
  async function successorWithinGrace(tx: DbOrTx, token: repo.RefreshTokenRow, at: Date) {
    if (!token.rotatedAt || !token.successorSealed) return null;
    if (at.getTime() - token.rotatedAt.getTime() > config.refreshGraceSeconds * 1000) return null;
    const { refreshToken } = JSON.parse(pii.decrypt(token.successorSealed)) as { refreshToken: string };
    const successor = await repo.findRefreshToken(tx, hashToken(refreshToken));
    if (!successor || successor.rotatedAt || successor.revokedAt || successor.expiresAt <= at) return null;
    return { refreshToken, expiresAt: successor.expiresAt };
  }

  type Counter = [RateLimiterRedis, string];
  async function countAttempt(counters: Counter[]): Promise<void> {
    for (const [limiter, key] of counters) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        throw new AppError("RATE_LIMITED", `登录失败次数过多，请 ${Math.ceil(err.msBeforeNext / 1000)} 秒后再试`);
      }
    }
  }

  /** Spends a point of the phone's failure budget; true once it is used up (then a password alone is not enough). */
  async function phoneOverLimit(phoneKey: string): Promise<boolean> {
    try {
      await failuresByPhone.consume(phoneKey);
      return false;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      return true;
    }
  }

  /** After a successful login: the address's failures are forgiven; the phone's too when an SMS code proved ownership. */
  async function forgive(phoneKey: string, ip: string | null, smsProven: boolean): Promise<void> {
    await Promise.all([
      attemptsByPhoneAndIp.delete(`${phoneKey}|${ip ?? "-"}`),
      ip ? attemptsByIp.reward(ip, 1) : null,
      smsProven ? failuresByPhone.delete(phoneKey) : failuresByPhone.reward(phoneKey, 1),
    ]);
  }

  async function openSession(caller: Caller, user: repo.UserRow, method: "PASSWORD" | "PASSWORD_AND_SMS_CODE" | "SMS_CODE") {
    return db.transaction(async (tx) => {
      const session = await issueSession(tx, user, caller);
      await recordAudit(tx, caller, { action: "identity.login", entityType: "user", entityId: user.id, after: { method } }, user.id);
      return session;
    });
  }

  return {
    issueSession,

    /**
     * Phone + password login (argon2id). The same error for an unknown phone and a wrong password. Past
     * LOGIN_RATE_LIMIT failures for the phone (from any addresses) it needs `smsCode` (purpose LOGIN) as well:
     * PRECONDITION_FAILED with reason SMS_CODE_REQUIRED, before the password is looked at, so guessing stops.
     */
    async login(caller: Caller, phoneRaw: string, password: string, smsCode?: string | null): Promise<Session> {
      const phone = parseMobile(phoneRaw);
      const phoneKey = phone.ok ? phone.value : phoneRaw.trim();
      const ip = caller.meta.ip;
      const counters: Counter[] = [...(ip ? [[attemptsByIp, ip] as Counter] : []), [attemptsByPhoneAndIp, `${phoneKey}|${ip ?? "-"}`]];
      await countAttempt(counters);
      const smsRequired = await phoneOverLimit(phoneKey);
      if (smsRequired && !smsCode) {
        const message = "该手机号登录失败次数过多，请获取短信验证码后连同密码一起登录，或使用短信验证码登录";
        throw new AppError("PRECONDITION_FAILED", message, [{ code: "SMS_CODE_REQUIRED", field: "smsCode", message }]);
      }
      // Checked before the password, and the same answer for an unknown phone: a wrong code tells nothing about either.
      const smsProven = smsCode ? phone.ok && (await sms.verifyCode(db, phone.value, "LOGIN", smsCode)) : false;
      if (smsCode && !smsProven) throw new AppError("UNAUTHENTICATED", "验证码错误或已失效", [{ code: "SMS_CODE_INVALID", field: "smsCode", message: "验证码错误或已失效" }]);
      const user = phone.ok ? await repo.findUserByPhone(db, phone.value) : null;
      const valid = await verifyPassword(user?.passwordHash ?? (await DUMMY_PASSWORD_HASH), password);
      if (!user || !valid) throw new AppError("UNAUTHENTICATED", "手机号或密码错误");
      if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "账号已停用，请联系所在零工市场或人社部门");
      await forgive(phoneKey, ip, smsProven);
      return openSession(caller, user, smsProven ? "PASSWORD_AND_SMS_CODE" : "PASSWORD");
    },

    /** Login by an SMS code (purpose LOGIN) alone. An unknown phone gets the same UNAUTHENTICATED as a wrong code. */
    async loginWithSmsCode(caller: Caller, phoneRaw: string, code: string): Promise<Session> {
      const phone = parseMobile(phoneRaw);
      const ip = caller.meta.ip;
      if (ip) await countAttempt([[attemptsByIp, ip]]);
      // Each code survives five wrong guesses and a phone gets ten codes a day: the code limits guessing here.
      const proven = phone.ok && (await sms.verifyCode(db, phone.value, "LOGIN", code));
      const user = proven && phone.ok ? await repo.findUserByPhone(db, phone.value) : null;
      if (!user) throw new AppError("UNAUTHENTICATED", "手机号或验证码错误");
      if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "账号已停用，请联系所在零工市场或人社部门");
      await forgive(user.phone, ip, true);
      return openSession(caller, user, "SMS_CODE");
    },

    /**
     * Rotates a refresh token. Presenting a token that was already rotated means it leaked:
     * the whole family is revoked and every session descended from that login ends.
     */
    async refresh(caller: Caller, refreshToken: string): Promise<Session> {
      type Outcome = { error: string; revokedSession?: string } | { session: Session };
      const outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const token = await repo.findRefreshTokenForUpdate(tx, hashToken(refreshToken));
        if (!token) return { error: "刷新令牌无效" };
        if (token.revokedAt) return { error: "会话已注销，请重新登录" };
        const at = now();
        const successor = await successorWithinGrace(tx, token, at);
        if (successor) {
          const user = await repo.getUserById(tx, token.userId);
          if (user.status !== "ACTIVE") return { error: "账号已停用" };
          await recordAudit(tx, caller, {
            action: "identity.refresh",
            entityType: "refresh_token_family",
            entityId: token.familyId,
            after: { repeatWithinGrace: true },
          }, user.id);
          return { session: await sessionWith(user, token.familyId, successor.refreshToken, successor.expiresAt, at) };
        }
        if (token.rotatedAt) {
          await repo.revokeRefreshFamily(tx, token.familyId, at, "REUSE_DETECTED");
          await recordAudit(tx, caller, {
            action: "identity.refresh-token-reused",
            entityType: "refresh_token_family",
            entityId: token.familyId,
            after: { revokedReason: "REUSE_DETECTED" },
          }, token.userId);
          return { error: "刷新令牌已被使用过，为安全起见该登录下的所有会话均已注销", revokedSession: token.familyId };
        }
        if (token.expiresAt <= at) return { error: "刷新令牌已过期，请重新登录" };
        const user = await repo.getUserById(tx, token.userId);
        if (user.status !== "ACTIVE") return { error: "账号已停用" };
        const session = await issueSession(tx, user, caller, token.familyId);
        // Sealed with the PII key: the row must not hand a live refresh token to whoever reads the table.
        await repo.markRefreshTokenRotated(tx, token.id, at, pii.encrypt(JSON.stringify({ refreshToken: session.refreshToken })));
        await recordAudit(tx, caller, { action: "identity.refresh", entityType: "refresh_token_family", entityId: token.familyId }, user.id);
        return { session };
      });
      // The revocation above must commit before the error reaches the client, and before it is announced.
      if ("revokedSession" in outcome && outcome.revokedSession) await sessionRevocations.revoke([outcome.revokedSession]);
      if (!("session" in outcome)) throw new AppError("UNAUTHENTICATED", outcome.error);
      return outcome.session;
    },

    /** Ends the session the refresh token belongs to (its whole family). Idempotent. */
    async logout(caller: Caller, refreshToken: string): Promise<boolean> {
      const ended = await db.transaction(async (tx) => {
        const token = await repo.findRefreshTokenForUpdate(tx, hashToken(refreshToken));
        if (!token) return null;
        if (caller.actor && caller.actor.userId !== token.userId) throw new AppError("FORBIDDEN", "不能注销他人的会话");
        const revoked = await repo.revokeRefreshFamily(tx, token.familyId, now(), "LOGOUT");
        if (revoked === 0) return null;
        await recordAudit(tx, caller, { action: "identity.logout", entityType: "user", entityId: token.userId }, token.userId);
        return token.familyId;
      });
      // After the commit: this process refuses the session's access tokens at once, the others within a pub/sub hop.
      if (ended) await sessionRevocations.revoke([ended]);
      return ended !== null;
    },

    /**
     * Ends every session of a user (password reset, account disabled) inside the caller's transaction, access
     * tokens included. The sessions are announced before the caller commits, so a rollback leaves them refused
     * for at most one access-token TTL (erring towards revocation). If Redis is down the database revocation
     * still commits, but other API processes accept the access tokens until they expire (ACCESS_TOKEN_TTL_SECONDS).
     */
    /** The user's role and scope as they stand now (not as an older token states them); null when unknown or disabled. */
    async currentActor(userId: string): Promise<Actor | null> {
      const user = await repo.findUserById(db, userId);
      return user?.status === "ACTIVE" ? actorOf(user) : null;
    },

    async revokeAllForUser(tx: DbOrTx, userId: string, reason: string): Promise<number> {
      const sessionIds = await repo.revokeRefreshTokensOfUser(tx, userId, now(), reason);
      await sessionRevocations.revoke(sessionIds);
      return sessionIds.length;
    },
  };
}
