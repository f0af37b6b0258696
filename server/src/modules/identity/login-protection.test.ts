// Finding 6: ten wrong passwords from one address locked the phone for its owner everywhere. Now failures count
// per (phone, address) and per address; past LOGIN_RATE_LIMIT for the phone, a password needs an SMS code too.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, refreshTokens, users } from "../../db/schema/index.js";
import { insertUser, nextPhone, requestSmsCode, TEST_PASSWORD } from "../../testing/factories.js";
import { startTestApi, type GraphQLResult, type TestApi } from "../../testing/test-app.js";

const LOGIN = `mutation($p: String!, $w: String!, $c: String) { login(phone: $p, password: $w, smsCode: $c) { accessToken refreshToken } }`;
const SMS_LOGIN = `mutation($p: String!, $c: String!) { loginWithSmsCode(phone: $p, code: $c) { accessToken refreshToken } }`;
const RESET = `mutation($p: String!, $c: String!, $w: String!) { resetPassword(phone: $p, smsCode: $c, newPassword: $w) }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`;

describe("login protection, SMS login and password reset", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ TRUST_PROXY: "true", LOGIN_RATE_LIMIT: "10", SMS_RESEND_SECONDS: "0", SMS_HOURLY_LIMIT_PER_IP: "1000" });
  });
  afterAll(() => t?.close());

  /** Posts an operation as if from `ip` (behind a trusted proxy). */
  async function from<T = Record<string, any>>(ip: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResult<T>> {
    const res = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await res.json()) as object), status: res.status };
  }
  const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;
  const reasons = (r: GraphQLResult) => r.errors?.[0]?.extensions?.reasons?.map((x) => x.code);
  let subnet = 0;
  /** Addresses of a fresh subnet per test, so tests never share an address's counters. */
  const addresses = () => {
    subnet++;
    return (host: number) => `10.${subnet}.0.${host}`;
  };

  it("ten wrong passwords from address A do not lock the owner out at address B", async () => {
    const ip = addresses();
    const user = await insertUser(t.database.db, "WORKER");
    for (let i = 0; i < 10; i++) expect(code(await from(ip(1), LOGIN, { p: user.phone, w: `wrong-${i}-password` }))).toBe("UNAUTHENTICATED");
    // A itself is refused for this phone, even with the right password.
    expect(code(await from(ip(1), LOGIN, { p: user.phone, w: TEST_PASSWORD }))).toBe("RATE_LIMITED");
    // The owner at B is asked for an SMS code, not refused.
    const asked = await from(ip(2), LOGIN, { p: user.phone, w: TEST_PASSWORD });
    expect(code(asked)).toBe("PRECONDITION_FAILED");
    expect(reasons(asked)).toEqual(["SMS_CODE_REQUIRED"]);
    const smsCode = await requestSmsCode(t, user.phone, "LOGIN");
    const ok = await from(ip(2), LOGIN, { p: user.phone, w: TEST_PASSWORD, c: smsCode });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.login.accessToken).toBeTruthy();
  });

  it("below the threshold, failures from one address cost the owner elsewhere nothing", async () => {
    const ip = addresses();
    const user = await insertUser(t.database.db, "EMPLOYER");
    for (let i = 0; i < 5; i++) await from(ip(1), LOGIN, { p: user.phone, w: `wrong-${i}-password` });
    expect((await from(ip(2), LOGIN, { p: user.phone, w: TEST_PASSWORD })).errors).toBeUndefined();
  });

  it("guesses spread over many addresses stop at LOGIN_RATE_LIMIT, atomically; then the password is not even checked", async () => {
    const ip = addresses();
    const user = await insertUser(t.database.db, "WORKER");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => from(ip(i + 1), LOGIN, { p: user.phone, w: `guess-${i}-password` })));
    expect(results.filter((r) => code(r) === "UNAUTHENTICATED")).toHaveLength(10);
    expect(results.filter((r) => code(r) === "PRECONDITION_FAILED")).toHaveLength(10);
    // The right password alone gets the same answer as a wrong one: guessing has stopped.
    const right = await from(ip(100), LOGIN, { p: user.phone, w: TEST_PASSWORD });
    const wrong = await from(ip(101), LOGIN, { p: user.phone, w: "still-guessing" });
    expect(right.errors?.[0]).toEqual(wrong.errors?.[0]);
    expect(reasons(right)).toEqual(["SMS_CODE_REQUIRED"]);
    // A wrong code is refused before the password is looked at.
    expect(reasons(await from(ip(102), LOGIN, { p: user.phone, w: TEST_PASSWORD, c: "000000" }))).toEqual(["SMS_CODE_INVALID"]);
    expect(await liveTokens(user.id)).toBe(0);
  });

  it("an unknown phone past the threshold gets the same answers as a registered one", async () => {
    const ip = addresses();
    const user = await insertUser(t.database.db, "WORKER");
    const unknown = nextPhone();
    const answers: unknown[] = [];
    for (const phone of [user.phone, unknown]) {
      for (let i = 0; i < 10; i++) await from(ip(i + 1), LOGIN, { p: phone, w: `wrong-${i}-password` });
      const r = await from(ip(50), LOGIN, { p: phone, w: TEST_PASSWORD });
      answers.push(r.errors?.[0]);
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it("with a valid LOGIN code the password still has to be right; the code-proven login lifts the requirement", async () => {
    const ip = addresses();
    const user = await insertUser(t.database.db, "WORKER");
    for (let i = 0; i < 10; i++) await from(ip(i + 1), LOGIN, { p: user.phone, w: `wrong-${i}-password` });
    const first = await requestSmsCode(t, user.phone, "LOGIN");
    const wrongPassword = await from(ip(20), LOGIN, { p: user.phone, w: "wrong-again", c: first });
    expect(wrongPassword.errors?.[0]).toMatchObject({ message: "手机号或密码错误", extensions: { code: "UNAUTHENTICATED" } });
    // the code was spent on that attempt
    expect(reasons(await from(ip(20), LOGIN, { p: user.phone, w: TEST_PASSWORD, c: first }))).toEqual(["SMS_CODE_INVALID"]);
    const second = await requestSmsCode(t, user.phone, "LOGIN");
    expect((await from(ip(20), LOGIN, { p: user.phone, w: TEST_PASSWORD, c: second })).errors).toBeUndefined();
    expect((await from(ip(21), LOGIN, { p: user.phone, w: TEST_PASSWORD })).errors).toBeUndefined();
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "identity.login")));
    expect(audit.map((a) => (a.after as { method: string }).method).sort()).toEqual(["PASSWORD", "PASSWORD_AND_SMS_CODE"]);
  });

  it("loginWithSmsCode opens a session; an unknown phone gets the same UNAUTHENTICATED as a wrong code", async () => {
    const user = await insertUser(t.database.db, "EMPLOYER");
    const smsCode = await requestSmsCode(t, user.phone, "LOGIN");
    const unknown = nextPhone();
    const unknownCode = await requestSmsCode(t, unknown, "LOGIN");
    const wrong = await t.gql(SMS_LOGIN, { p: user.phone, c: smsCode === "000000" ? "000001" : "000000" });
    const noAccount = await t.gql(SMS_LOGIN, { p: unknown, c: unknownCode });
    expect(wrong.errors?.[0]).toMatchObject({ message: "手机号或验证码错误", extensions: { code: "UNAUTHENTICATED" } });
    expect(noAccount.errors?.[0]).toEqual(wrong.errors?.[0]);
    const ok = await t.ok(SMS_LOGIN, { p: user.phone, c: smsCode });
    expect((await t.ok(`{ me { id } }`, {}, ok.loginWithSmsCode.accessToken)).me.id).toBe(user.id);
  });

  it("resetPassword sets the new password and ends every session; bad input writes nothing", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const sessions = [await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD }), await t.ok(LOGIN, { p: user.phone, w: TEST_PASSWORD })];
    const [before] = await t.database.db.select().from(users).where(eq(users.id, user.id));

    const smsCode = await requestSmsCode(t, user.phone, "RESET_PASSWORD");
    const short = await t.gql(RESET, { p: user.phone, c: smsCode, w: "short" });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "newPassword" })] });
    const loginCode = await requestSmsCode(t, user.phone, "LOGIN"); // wrong purpose
    expect(reasons(await t.gql(RESET, { p: user.phone, c: loginCode, w: "NewSecret#2026" }))).toEqual(["SMS_CODE_INVALID"]);
    const [unchanged] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(unchanged!.passwordHash).toBe(before!.passwordHash);
    expect(await liveTokens(user.id)).toBe(2);

    expect((await t.ok(RESET, { p: user.phone, c: smsCode, w: "NewSecret#2026" })).resetPassword).toBe(true);
    expect(code(await t.gql(LOGIN, { p: user.phone, w: TEST_PASSWORD }))).toBe("UNAUTHENTICATED");
    expect((await t.gql(LOGIN, { p: user.phone, w: "NewSecret#2026" })).errors).toBeUndefined();
    for (const s of sessions) expect(code(await t.gql(REFRESH, { r: s.login.refreshToken }))).toBe("UNAUTHENTICATED");
    // the code is spent
    expect(reasons(await t.gql(RESET, { p: user.phone, c: smsCode, w: "Another#2026x" }))).toEqual(["SMS_CODE_INVALID"]);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "identity.reset-password")));
    expect(audit!.after).toEqual({ sessionsEnded: 2 });
  });

  it("resetPassword for a phone without an account answers like a wrong code", async () => {
    const unknown = nextPhone();
    const smsCode = await requestSmsCode(t, unknown, "RESET_PASSWORD");
    const noAccount = await t.gql(RESET, { p: unknown, c: smsCode, w: "NewSecret#2026" });
    const user = await insertUser(t.database.db, "WORKER");
    await requestSmsCode(t, user.phone, "RESET_PASSWORD");
    const wrong = await t.gql(RESET, { p: user.phone, c: "000000", w: "NewSecret#2026" });
    expect(noAccount.errors?.[0]).toEqual(wrong.errors?.[0]);
  });

  async function liveTokens(userId: string) {
    return (await t.database.db.select().from(refreshTokens).where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))).length;
  }
});
