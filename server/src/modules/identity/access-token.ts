import { jwtVerify, SignJWT, errors as joseErrors } from "jose";
import { AppError } from "../../errors.js";
import { ROLES, type Actor, type Role } from "../../access/actor.js";
import type { SessionRevocations } from "./session-revocation.js";

const ISSUER = "quanzhou-gig";

// Importing the HMAC key on every request showed up in CPU profiles: import it once per secret.
const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.subtle.importKey("raw", secret as Uint8Array<ArrayBuffer>, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"])));
  return key;
}
const AUDIENCE = "quanzhou-gig-api";

/**
 * Signs a short-lived HS256 access token carrying the actor's role and scope, and the session it belongs to
 * (`sid`, the refresh-token family id) so that ending the session ends its access tokens too.
 */
export async function signAccessToken(actor: Actor, sessionId: string, secret: Uint8Array, ttlSeconds: number, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: actor.role, venueId: actor.venueId, regionCode: actor.regionCode, sid: sessionId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(actor.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(await hmacKey(secret));
}

interface VerifiedToken {
  actor: Actor;
  sid: string;
  exp: number;
}

/** Tokens kept per process: a client reuses its token for up to 15 minutes, so a small map catches most requests. */
const MAX_VERIFIED_TOKENS = 10_000;
const verifiedBySecret = new WeakMap<Uint8Array, Map<string, VerifiedToken>>();
function verifiedTokens(secret: Uint8Array): Map<string, VerifiedToken> {
  let map = verifiedBySecret.get(secret);
  if (!map) verifiedBySecret.set(secret, (map = new Map()));
  return map;
}
function remember(map: Map<string, VerifiedToken>, token: string, entry: VerifiedToken): void {
  // Oldest first out (a Map iterates in insertion order).
  if (map.size >= MAX_VERIFIED_TOKENS) map.delete(map.keys().next().value!);
  map.set(token, entry);
}

/**
 * Verifies an access token; UNAUTHENTICATED for expired, forged, malformed or revoked ones. A token must
 * carry `exp` (jose accepts a token without one as never expiring), `iat`, `sub` and `sid`.
 */
export async function verifyAccessToken(
  token: string,
  secret: Uint8Array,
  now: Date,
  revocations: Pick<SessionRevocations, "isRevoked">,
): Promise<Actor> {
  // A token already verified under this secret skips the HMAC; expiry and revocation are checked every time.
  const verified = verifiedTokens(secret);
  const hit = verified.get(token);
  if (hit) {
    if (hit.exp <= Math.floor(now.getTime() / 1000)) throw new AppError("UNAUTHENTICATED", "访问令牌已过期，请刷新");
    if (revocations.isRevoked(hit.sid)) throw new AppError("UNAUTHENTICATED", "会话已注销");
    return hit.actor;
  }
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
      requiredClaims: ["exp", "iat", "sub", "sid"],
    });
    const role = payload.role as Role;
    if (!payload.sub || typeof payload.sid !== "string" || !ROLES.includes(role)) throw new AppError("UNAUTHENTICATED", "访问令牌无效");
    if (revocations.isRevoked(payload.sid)) throw new AppError("UNAUTHENTICATED", "会话已注销");
    const actor: Actor = {
      userId: payload.sub,
      role,
      venueId: (payload.venueId as string | null) ?? null,
      regionCode: (payload.regionCode as string | null) ?? null,
    };
    remember(verified, token, { actor, sid: payload.sid, exp: payload.exp! });
    return actor;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw new AppError("UNAUTHENTICATED", "访问令牌已过期，请刷新");
    throw new AppError("UNAUTHENTICATED", "访问令牌无效");
  }
}
