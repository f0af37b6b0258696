import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../logger.js";
import { insertUser, TEST_PASSWORD } from "../../testing/factories.js";
import { startTestApi, type GraphQLResult, type TestApi } from "../../testing/test-app.js";
import { createSessionRevocations } from "./session-revocation.js";
import { createSessionService } from "./session.service.js";

const LOGIN = `mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken refreshToken } }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }`;
const LOGOUT = `mutation($r: String!) { logout(refreshToken: $r) }`;
const ME = `{ me { id } }`;

const refused = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code === "UNAUTHENTICATED";

/** Polls until `check` holds, for at most `ms`: another process learns of a revocation one pub/sub hop later. */
async function eventually(check: () => Promise<boolean>, ms = 2_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe("revoked sessions end their access tokens on every API process", () => {
  let a: TestApi;
  let b: TestApi;
  let clock = new Date("2026-11-25T02:00:00Z");
  beforeAll(async () => {
    a = await startTestApi({ ACCESS_TOKEN_TTL_SECONDS: "600" }, { now: () => clock });
    // A second API process over the same database and Redis prefix.
    b = await startTestApi({}, { now: () => clock, sharing: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const loggedIn = async () => {
    const user = await insertUser(a.database.db, "EMPLOYER");
    return { user, session: (await a.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login as { accessToken: string; refreshToken: string } };
  };

  it("after logout on A, the access token is refused on A at once and on B within a short wait", async () => {
    const { user, session } = await loggedIn();
    expect((await b.ok(ME, {}, session.accessToken)).me.id).toBe(user.id);
    expect((await a.ok(LOGOUT, { r: session.refreshToken }, session.accessToken)).logout).toBe(true);
    const onA = await a.gql(ME, {}, session.accessToken);
    expect(onA.errors?.[0]).toMatchObject({ message: "会话已注销", extensions: { code: "UNAUTHENTICATED" } });
    expect(onA.status).toBe(401);
    expect(await eventually(async () => refused(await b.gql(ME, {}, session.accessToken)))).toBe(true);
    expect((await b.gql(ME, {}, session.accessToken)).errors?.[0]?.message).toBe("会话已注销");
  });

  it("logout ends only that session: another login of the same user keeps working", async () => {
    const { user, session } = await loggedIn();
    const other = (await a.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    await a.ok(LOGOUT, { r: session.refreshToken });
    expect(await eventually(async () => refused(await b.gql(ME, {}, session.accessToken)))).toBe(true);
    expect((await a.ok(ME, {}, other.accessToken)).me.id).toBe(user.id);
    expect((await b.ok(ME, {}, other.accessToken)).me.id).toBe(user.id);
  });

  it("reuse detection ends the access tokens of the whole family, the newest included", async () => {
    const { session: first } = await loggedIn();
    const second = (await a.ok(REFRESH, { r: first.refreshToken })).refreshSession;
    const saved = clock;
    try {
      clock = new Date(saved.getTime() + 31_000); // past REFRESH_GRACE_SECONDS
      expect((await b.gql(REFRESH, { r: first.refreshToken })).errors?.[0]?.message).toContain("已被使用");
      // B revoked: B refuses at once, A within a pub/sub hop.
      expect(refused(await b.gql(ME, {}, second.accessToken))).toBe(true);
      expect(await eventually(async () => refused(await a.gql(ME, {}, second.accessToken)))).toBe(true);
      expect(refused(await a.gql(ME, {}, first.accessToken))).toBe(true);
    } finally {
      clock = saved;
    }
  });

  it("revokeAllForUser ends every session of the user on every process, and nobody else's", async () => {
    const { user, session: one } = await loggedIn();
    const two = (await a.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })).login;
    const { session: bystander } = await loggedIn();
    const sessions = createSessionService(a.api.deps);
    const ended = await a.database.db.transaction((tx) => sessions.revokeAllForUser(tx, user.id, "PASSWORD_RESET"));
    expect(ended).toBe(2);
    for (const token of [one.accessToken, two.accessToken]) {
      expect(refused(await a.gql(ME, {}, token))).toBe(true);
      expect(await eventually(async () => refused(await b.gql(ME, {}, token)))).toBe(true);
    }
    expect(refused(await a.gql(REFRESH, { r: two.refreshToken }))).toBe(true);
    expect((await b.ok(ME, {}, bystander.accessToken)).me).toBeTruthy();
  });

  it("an API process started after a logout knows of it from Redis", async () => {
    const { session } = await loggedIn();
    await a.ok(LOGOUT, { r: session.refreshToken });
    const c = await startTestApi({}, { now: () => clock, sharing: a });
    try {
      expect((await c.gql(ME, {}, session.accessToken)).errors?.[0]?.message).toBe("会话已注销");
    } finally {
      await c.close();
    }
  });

  it("keeps revocations in Redis only while an access token of the session could still be valid", async () => {
    const { session } = await loggedIn();
    await a.ok(LOGOUT, { r: session.refreshToken });
    const redis = new Redis(a.config.redisUrl);
    try {
      const key = `${a.config.queuePrefix}:revoked-sessions`;
      const before = await redis.zcard(key);
      expect(before).toBeGreaterThan(0);
      // Past the access token TTL (10 min) plus the clock-skew allowance (1 min), the next revocation prunes the old ones.
      clock = new Date(clock.getTime() + 700_000);
      const { session: next } = await loggedIn();
      await a.ok(LOGOUT, { r: next.refreshToken });
      expect(await redis.zcard(key)).toBe(1);
    } finally {
      await redis.quit();
    }
  });

  it("with Redis down, a revocation still holds in the revoking process and does not hang", async () => {
    const logger = createLogger({ env: "test", logLevel: "silent" }, "test");
    const redis = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on("error", () => {});
    const revocations = createSessionRevocations({ config: { ...a.config, redisUrl: "redis://127.0.0.1:1" }, redis, logger, now: () => clock });
    try {
      const started = Date.now();
      await revocations.start();
      await revocations.revoke(["0b0b0b0b-0000-4000-8000-000000000000"]);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(revocations.isRevoked("0b0b0b0b-0000-4000-8000-000000000000")).toBe(true);
    } finally {
      await revocations.close();
      redis.disconnect();
    }
  });
});
