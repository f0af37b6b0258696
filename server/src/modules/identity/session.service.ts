import { createHash, randomBytes, randomUUID } from "node:crypto";
import { parseMobile } from "@qz/shared";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Deps } from "../../deps.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import { signAccessToken } from "./access-token.js";
import type { Actor, Caller, Role } from "./actor.js";
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
export function createSessionService({ config, db, redis, now, pii, sessionRevocations }: Deps) {
  // Login attempts are counted per phone and per IP before the password is checked, atomically, so
  // parallel guesses cannot slip past the limit; a success clears the phone's count and gives back the
  // IP's point. The IP allows ten times more: a venue kiosk or a factory NAT puts many workers behind one address.
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.queuePrefix}:${name}`, points, duration: config.loginRateWindowSeconds });
  const attemptsByPhone = limiter("login-phone", config.loginRateLimit);
  const attemptsByIp = limiter("login-ip", config.loginRateLimit * 10);

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

  return {
    issueSession,

    /** Phone + password login (argon2id). The same error for an unknown phone and a wrong password. */
    async login(caller: Caller, phoneRaw: string, password: string): Promise<Session> {
      const phone = parseMobile(phoneRaw);
      const phoneKey = phone.ok ? phone.value : phoneRaw.trim();
      const counters: Counter[] = [[attemptsByPhone, phoneKey], ...(caller.meta.ip ? [[attemptsByIp, caller.meta.ip] as Counter] : [])];
      await countAttempt(counters);
      const user = phone.ok ? await repo.findUserByPhone(db, phone.value) : null;
      const valid = await verifyPassword(user?.passwordHash ?? (await DUMMY_PASSWORD_HASH), password);
      if (!user || !valid) throw new AppError("UNAUTHENTICATED", "手机号或密码错误");
      if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "账号已停用，请联系所在零工市场或人社部门");
      await Promise.all([attemptsByPhone.delete(phoneKey), caller.meta.ip ? attemptsByIp.reward(caller.meta.ip, 1) : null]);
      return db.transaction(async (tx) => {
        const session = await issueSession(tx, user, caller);
        await recordAudit(tx, caller, { action: "identity.login", entityType: "user", entityId: user.id }, user.id);
        return session;
      });
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
    async revokeAllForUser(tx: DbOrTx, userId: string, reason: string): Promise<number> {
      const sessionIds = await repo.revokeRefreshTokensOfUser(tx, userId, now(), reason);
      await sessionRevocations.revoke(sessionIds);
      return sessionIds.length;
    },
  };
}
