import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsCodes } from "../../db/schema/index.js";
import { insertUser, nextPhone, requestSmsCode, smsOutbox } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const REQUEST = `mutation($p: String!, $u: PublicSmsPurpose!) { requestSmsCode(phone: $p, purpose: $u) { expiresAt resendAfterSeconds } }`;
const SMS_LOGIN = `mutation($p: String!, $c: String!) { loginWithSmsCode(phone: $p, code: $c) { accessToken } }`;
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("SMS codes", () => {
  let t: TestApi;
  let limits: TestApi;
  let clock = new Date("2026-11-25T02:00:00Z");
  beforeAll(async () => {
    [t, limits] = await Promise.all([
      startTestApi({ SMS_RESEND_SECONDS: "0", SMS_HOURLY_LIMIT_PER_IP: "1000" }, { now: () => clock }),
      startTestApi({ SMS_DAILY_LIMIT_PER_PHONE: "3", SMS_HOURLY_LIMIT_PER_IP: "5" }),
    ]);
  });
  afterAll(() => Promise.all([t?.close(), limits?.close()]));
  const rows = (phone: string) => t.database.db.select().from(smsCodes).where(eq(smsCodes.phone, phone));
  const smsLogin = (phone: string, code: string) => t.gql(SMS_LOGIN, { p: phone, c: code });

  it("sends a 6-digit code and stores only its HMAC; the answer is the same for a registered and an unknown phone", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const unknown = nextPhone();
    const answers = [];
    for (const phone of [user.phone, unknown]) answers.push((await t.ok(REQUEST, { p: phone, u: "LOGIN" })).requestSmsCode);
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual({ expiresAt: new Date(clock.getTime() + 300_000).toISOString(), resendAfterSeconds: 0 });
    const code = smsOutbox(t).lastCodeFor(user.phone)!;
    expect(code).toMatch(/^\d{6}$/);
    expect(smsOutbox(t).outbox().at(-1)).toEqual({ phone: unknown, text: expect.stringContaining("短信登录验证码") });
    const [row] = await rows(user.phone);
    expect(row).toMatchObject({ purpose: "LOGIN", attempts: 0, consumedAt: null, ip: expect.any(String) });
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.codeHash).not.toContain(code);
  });

  it("a code opens once: reuse is refused", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const code = await requestSmsCode(t, user.phone, "LOGIN");
    expect((await smsLogin(user.phone, code)).errors).toBeUndefined();
    expect((await smsLogin(user.phone, code)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await rows(user.phone))[0]!.consumedAt).not.toBeNull();
  });

  it("expires after five minutes (by the injected clock)", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const code = await requestSmsCode(t, user.phone, "LOGIN");
    const saved = clock;
    try {
      clock = new Date(saved.getTime() + 5 * 60_000 + 1_000);
      expect((await smsLogin(user.phone, code)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      clock = new Date(saved.getTime() + 4 * 60_000);
      expect((await smsLogin(user.phone, code)).errors).toBeUndefined();
    } finally {
      clock = saved;
    }
  });

  it("dies after five wrong attempts, even for the right code; parallel guesses cannot spend more", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const code = await requestSmsCode(t, user.phone, "LOGIN");
    const results = await Promise.all(Array.from({ length: 12 }, () => smsLogin(user.phone, wrongCode(code))));
    expect(results.every((r) => r.errors?.[0]?.extensions?.code === "UNAUTHENTICATED")).toBe(true);
    expect((await rows(user.phone))[0]!.attempts).toBe(5);
    expect((await smsLogin(user.phone, code)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("four wrong attempts leave the code usable; the right one does not count as an attempt", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const code = await requestSmsCode(t, user.phone, "LOGIN");
    for (let i = 0; i < 4; i++) await smsLogin(user.phone, wrongCode(code));
    expect((await smsLogin(user.phone, code)).errors).toBeUndefined();
    expect((await rows(user.phone))[0]).toMatchObject({ attempts: 4, consumedAt: expect.any(Date) });
  });

  it("works only for its own purpose and its own phone", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const other = await insertUser(t.database.db, "WORKER");
    const registerCode = await requestSmsCode(t, user.phone, "REGISTER");
    expect((await smsLogin(user.phone, registerCode)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const loginCode = await requestSmsCode(t, user.phone, "LOGIN");
    expect((await smsLogin(other.phone, loginCode)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await smsLogin(user.phone, loginCode)).errors).toBeUndefined();
  });

  it("a new request replaces the previous open code of the same phone and purpose", async () => {
    const user = await insertUser(t.database.db, "WORKER");
    const first = await requestSmsCode(t, user.phone, "LOGIN");
    let second = await requestSmsCode(t, user.phone, "LOGIN");
    while (second === first) second = await requestSmsCode(t, user.phone, "LOGIN");
    expect((await smsLogin(user.phone, first)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await smsLogin(user.phone, second)).errors).toBeUndefined();
  });

  it("the public mutation refuses other purposes and malformed phones with typed errors, sending nothing", async () => {
    const sent = smsOutbox(t).outbox().length;
    const contract = await t.gql(REQUEST, { p: nextPhone(), u: "SIGN_CONTRACT" });
    expect(contract.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const landline = await t.gql(REQUEST, { p: "0595-22345678", u: "LOGIN" });
    expect(landline.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "phone" })] });
    const long = await t.gql(REQUEST, { p: "1".repeat(5000), u: "LOGIN" });
    expect(long.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(smsOutbox(t).outbox().length).toBe(sent);
  });

  it("per phone: one code a minute whatever the purpose (RATE_LIMITED with the seconds to wait)", async () => {
    const phone = nextPhone();
    expect((await limits.ok(REQUEST, { p: phone, u: "REGISTER" })).requestSmsCode.resendAfterSeconds).toBe(60);
    const again = await limits.gql(REQUEST, { p: phone, u: "LOGIN" }); // another purpose does not get round it
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reasons: [expect.objectContaining({ code: "SMS_RESEND_TOO_SOON" })] });
    const seconds = Number(/请 (\d+) 秒后再试/.exec(again.errors![0]!.message)?.[1]);
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(smsOutbox(limits).outbox().filter((m) => m.phone === phone)).toHaveLength(1);
  });

  it("per phone per day, and per address per hour", async () => {
    // The daily cap, with the cooldown out of the way (SMS_RESEND_SECONDS=0 on this API).
    const daily = await startTestApi({ SMS_RESEND_SECONDS: "0", SMS_DAILY_LIMIT_PER_PHONE: "3" });
    try {
      const phone = nextPhone();
      for (let i = 0; i < 3; i++) await daily.ok(REQUEST, { p: phone, u: "LOGIN" });
      const fourth = await daily.gql(REQUEST, { p: phone, u: "LOGIN" });
      expect(fourth.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reasons: [expect.objectContaining({ code: "SMS_DAILY_LIMIT" })] });
    } finally {
      await daily.close();
    }
    // `limits` allows 5 requests per address per hour; two were spent above (one sent, one refused).
    for (let i = 0; i < 3; i++) await limits.ok(REQUEST, { p: nextPhone(), u: "REGISTER" });
    const sixth = await limits.gql(REQUEST, { p: nextPhone(), u: "REGISTER" });
    expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reasons: [expect.objectContaining({ code: "SMS_IP_LIMIT" })] });
  });
});
