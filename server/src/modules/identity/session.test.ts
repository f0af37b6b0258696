import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, refreshTokens } from "../../db/schema/index.js";
import { insertUser, TEST_PASSWORD } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const LOGIN = `mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken refreshToken accessTokenExpiresAt } }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }`;
const LOGOUT = `mutation($r: String!) { logout(refreshToken: $r) }`;
const ME = `{ me { id role } }`;

describe("sessions", () => {
  let t: TestApi;
  let clock = new Date("2026-11-25T02:00:00Z");
  beforeAll(async () => {
    t = await startTestApi({ LOGIN_RATE_LIMIT: "3", ACCESS_TOKEN_TTL_SECONDS: "600", REFRESH_TOKEN_TTL_DAYS: "30" }, { now: () => clock });
  });
  afterAll(() => t?.close());
  const liveTokens = async (userId: string) =>
    (await t.database.db.select().from(refreshTokens).where(eq(refreshTokens.userId, userId))).filter((r) => !r.revokedAt && !r.rotatedAt).length;
  /** Runs `fn` with the clock moved `seconds` ahead. */
  const later = async <T,>(seconds: number, fn: () => Promise<T>): Promise<T> => {
    const saved = clock;
    clock = new Date(saved.getTime() + seconds * 1000);
    try {
      return await fn();
    } finally {
      clock = saved;
    }
  };

  it("logs in by phone and password and the access token opens `me`", async () => {
    const user = await insertUser(t.database.db, "EMPLOYER");
    const { login } = await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD });
    expect(new Date(login.accessTokenExpiresAt).getTime()).toBe(clock.getTime() + 600_000);
    expect((await t.ok(ME, {}, login.accessToken)).me).toEqual({ id: user.id, role: "EMPLOYER" });
    // the refresh token is stored only as a hash
    const [stored] = await t.database.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(stored!.tokenHash).not.toBe(login.refreshToken);
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the same UNAUTHENTICATED error for a wrong password and an unknown phone; nothing is issued", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const wrong = await t.gql(LOGIN, { p: user.phone, w: "not-the-password" });
    const unknown = await t.gql(LOGIN, { p: "13700000999", w: TEST_PASSWORD });
    expect(wrong.errors?.[0]).toMatchObject({ message: "手机号或密码错误", extensions: { code: "UNAUTHENTICATED" } });
    expect(unknown.errors?.[0]).toMatchObject({ message: "手机号或密码错误", extensions: { code: "UNAUTHENTICATED" } });
    expect(await liveTokens(user.id)).toBe(0);
  });

  it("locks a phone after repeated failures (RATE_LIMITED), even for the right password", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    for (let i = 0; i < 3; i++) await t.gql(LOGIN, { p: user.phone, w: `wrong-${i}-password` });
    const locked = await t.gql(LOGIN, { p: user.phone, w: TEST_PASSWORD });
    expect(locked.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(await liveTokens(user.id)).toBe(0);
  });

  it("parallel guesses cannot slip past the limit: only LOGIN_RATE_LIMIT of them are checked", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => t.gql(LOGIN, { p: user.phone, w: `guess-${i}-password` })));
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(3);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(7);
  });

  it("rotates refresh tokens: each refresh gives a new pair and retires the old token", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const first = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    const second = (await t.ok(REFRESH, { r: first.refreshToken })).refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.ok(ME, {}, second.accessToken)).me.id).toBe(user.id);
    const third = (await t.ok(REFRESH, { r: second.refreshToken })).refreshSession;
    expect(third.refreshToken).not.toBe(second.refreshToken);
    expect(await liveTokens(user.id)).toBe(1);
  });

  it("reuse of a rotated refresh token revokes the whole family, including the newest token", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const first = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    const second = (await t.ok(REFRESH, { r: first.refreshToken })).refreshSession;
    // An attacker replays the stolen first token, after the grace window (REFRESH_GRACE_SECONDS, 30).
    const replay = await later(31, () => t.gql(REFRESH, { r: first.refreshToken }));
    expect(replay.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(replay.errors?.[0]?.message).toContain("已被使用");
    // The legitimate holder's newest token is dead too.
    const legit = await t.gql(REFRESH, { r: second.refreshToken });
    expect(legit.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await liveTokens(user.id)).toBe(0);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "identity.refresh-token-reused"));
    expect(audit.some((a) => a.actorId === user.id)).toBe(true);
    // A separate login (another family) is unaffected.
    const other = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    expect((await t.ok(REFRESH, { r: other.refreshToken })).refreshSession.accessToken).toBeTruthy();
  });

  it("ten parallel refreshes with one token (two tabs) all get the same new pair; the session lives on", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const first = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(REFRESH, { r: first.refreshToken })));
    expect(results.map((r) => r.errors?.[0]?.message ?? null)).toEqual(Array(10).fill(null));
    const refreshed = new Set(results.map((r) => r.data!.refreshSession.refreshToken));
    expect(refreshed.size).toBe(1);
    expect(refreshed.has(first.refreshToken)).toBe(false);
    expect(await liveTokens(user.id)).toBe(1);
    const rows = await t.database.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(rows.filter((r) => r.revokedAt)).toHaveLength(0);
    // The successor is stored sealed, never in the clear.
    expect(rows.find((r) => r.rotatedAt)!.successorSealed).not.toContain([...refreshed][0]);
    for (const r of results) expect((await t.ok(ME, {}, r.data!.refreshSession.accessToken)).me.id).toBe(user.id);
    // The shared successor goes on rotating normally.
    expect((await t.ok(REFRESH, { r: [...refreshed][0] })).refreshSession.refreshToken).toBeTruthy();
  });

  it("a rotated token presented after the grace window is reuse and revokes the family", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const first = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    const second = (await t.ok(REFRESH, { r: first.refreshToken })).refreshSession;
    expect((await later(30, () => t.ok(REFRESH, { r: first.refreshToken }))).refreshSession.refreshToken).toBe(second.refreshToken);
    const replay = await later(31, () => t.gql(REFRESH, { r: first.refreshToken }));
    expect(replay.errors?.[0]?.message).toContain("已被使用");
    expect(await liveTokens(user.id)).toBe(0);
  });

  it("within the grace window a rotated token is still reuse once its successor was rotated in turn", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const first = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    const second = (await t.ok(REFRESH, { r: first.refreshToken })).refreshSession;
    await t.ok(REFRESH, { r: second.refreshToken });
    const replay = await t.gql(REFRESH, { r: first.refreshToken });
    expect(replay.errors?.[0]?.message).toContain("已被使用");
    expect(await liveTokens(user.id)).toBe(0);
  });

  it("refuses an access token without exp, iat or sid, even when correctly signed", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const sign = (claims: { exp?: boolean; iat?: boolean; sid?: boolean }) => {
      const jwt = new SignJWT({ role: "WORKER", venueId: null, regionCode: null, ...(claims.sid ? { sid: randomUUID() } : {}) })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(user.id)
        .setIssuer("quanzhou-gig")
        .setAudience("quanzhou-gig-api");
      if (claims.iat) jwt.setIssuedAt(Math.floor(clock.getTime() / 1000));
      if (claims.exp) jwt.setExpirationTime(Math.floor(clock.getTime() / 1000) + 600);
      return jwt.sign(t.config.jwtSecret);
    };
    expect((await t.ok(ME, {}, await sign({ exp: true, iat: true, sid: true }))).me.id).toBe(user.id);
    for (const claims of [{ iat: true, sid: true }, { exp: true, sid: true }, { exp: true, iat: true }]) {
      const result = await t.gql(ME, {}, await sign(claims));
      expect(result.errors?.[0]).toMatchObject({ message: "访问令牌无效", extensions: { code: "UNAUTHENTICATED" } });
      expect(result.status).toBe(401);
    }
  });

  it("refuses an expired refresh token and an expired access token", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const session = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    const saved = clock;
    try {
      clock = new Date(saved.getTime() + 31 * 86_400_000);
      const expired = await t.gql(REFRESH, { r: session.refreshToken });
      expect(expired.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
      expect(expired.errors?.[0]?.message).toContain("过期");
    } finally {
      clock = saved;
    }
    const garbage = await t.gql(REFRESH, { r: "not-a-token" });
    expect(garbage.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const forged = await t.gql(ME, {}, session.accessToken.slice(0, -4) + "AAAA");
    expect(forged.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(forged.status).toBe(401);
  });

  it("logout revokes the session; its refresh token no longer works", async () => {
    const user = await insertUser(t.database.db, "EMPLOYER");
    const session = (await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    expect((await t.ok(LOGOUT, { r: session.refreshToken }, session.accessToken)).logout).toBe(true);
    expect((await t.ok(LOGOUT, { r: session.refreshToken })).logout).toBe(false);
    expect((await t.gql(REFRESH, { r: session.refreshToken })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const [row] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'identity.logout' and entity_id = ${user.id}`);
    expect(row!.n).toBe(1);
  });

  it("a disabled account cannot log in", async () => {
    const user = await insertUser(t.database.db, "WORKER", { status: "DISABLED" });
    const result = await t.gql(LOGIN, { p: user.phone, w: TEST_PASSWORD });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
