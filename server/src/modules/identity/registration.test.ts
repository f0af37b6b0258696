import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, employerProfiles, outbox, users, workerProfiles, workerSkills } from "../../db/schema/index.js";
import { creditCode, nextPhone, requestSmsCode, residentId, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { createPiiVault } from "./pii.js";

const REGISTER_WORKER = `mutation($input: RegisterWorkerInput!, $code: String!) { registerWorker(input: $input, smsCode: $code) { accessToken refreshToken } }`;
const REGISTER_EMPLOYER = `mutation($input: RegisterEmployerInput!, $code: String!) { registerEmployer(input: $input, smsCode: $code) { accessToken } }`;
const ME = `{ me { id phone role displayName workerProfile { realName idNumber gender birthDate olderWorker travelMinutes skills { skillCode level } } employerProfile { kind name creditCode idNumber } } }`;

let seq = 100;
const workerInput = (over: Record<string, unknown> = {}) => ({
  phone: nextPhone(),
  password: "Secret#2026",
  realName: "陈阿婆",
  idNumber: residentId("1975-03-08", (seq += 2), "FEMALE"),
  skills: [{ skillCode: "CLEANING", level: 3 }, { skillCode: "HOUSEKEEPING", level: 2 }],
  homeLat: 24.91,
  homeLng: 118.59,
  travelMode: "EBIKE",
  ...over,
});

describe("registration", () => {
  let t: TestApi;
  const counts = async () => {
    const [row] = await t.database.db.execute<{ users: number; workers: number; employers: number; audit: number; outbox: number }>(sql`
      select (select count(*) from users)::int as users, (select count(*) from worker_profiles)::int as workers,
             (select count(*) from employer_profiles)::int as employers, (select count(*) from audit_log)::int as audit,
             (select count(*) from outbox)::int as outbox`);
    return row!;
  };
  /** Variables for a registration with a fresh REGISTER code for the input's phone (a made-up one when it is not a mobile). */
  const withCode = async (input: Record<string, unknown>) => ({
    input,
    code: /^1\d{10}$/.test(String(input.phone)) ? await requestSmsCode(t, String(input.phone)) : "000000",
  });
  beforeAll(async () => {
    // No resend cooldown and a generous per-IP cap: this file sends many codes from one address on purpose.
    t = await startTestApi({ SMS_RESEND_SECONDS: "0", SMS_HOURLY_LIMIT_PER_IP: "1000" });
  });
  afterAll(() => t?.close());

  it("registers a worker: derives gender and birth date, masks the ID, encrypts it at rest", async () => {
    const input = workerInput();
    const { registerWorker } = await t.ok(REGISTER_WORKER, await withCode(input));
    const { me } = await t.ok(ME, {}, registerWorker.accessToken);
    expect(me).toMatchObject({ role: "WORKER", phone: input.phone, displayName: "陈阿婆" });
    expect(me.workerProfile).toEqual({
      realName: "陈阿婆",
      idNumber: `${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`,
      gender: "FEMALE",
      birthDate: "1975-03-08",
      olderWorker: true, // a woman over 40: 大龄
      travelMinutes: 60,
      skills: [{ skillCode: "CLEANING", level: 3 }, { skillCode: "HOUSEKEEPING", level: 2 }],
    });
    const [stored] = await t.database.db.select().from(workerProfiles).where(eq(workerProfiles.userId, me.id));
    expect(stored!.idNumberCipher).not.toContain(input.idNumber.slice(6, 14));
    const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
    expect(vault.decrypt(stored!.idNumberCipher)).toBe(input.idNumber);
    expect(stored!.idNumberBlindIndex).toBe(vault.blindIndex(input.idNumber));
    // the audit row and the welcome event were written with it
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, me.id));
    expect(audit.map((a) => a.action)).toContain("identity.register-worker");
    expect(JSON.stringify(audit)).not.toContain(input.idNumber);
    const events = await t.database.db.select().from(outbox).where(sql`${outbox.payload}->>'userId' = ${me.id}`);
    expect(events.map((e) => e.name)).toEqual(["user.registered"]);
  });

  it("a lowercase x check digit is accepted and stored uppercase", async () => {
    // find a sequence whose check digit is X
    let id = "";
    for (let seq = 1; seq < 999 && !id.endsWith("X"); seq += 2) id = residentId("1988-11-30", seq, "MALE");
    const { registerWorker } = await t.ok(REGISTER_WORKER, await withCode(workerInput({ idNumber: id.toLowerCase(), realName: "王大明" })));
    const { me } = await t.ok(ME, {}, registerWorker.accessToken);
    expect(me.workerProfile.idNumber.endsWith("X")).toBe(true);
    expect(me.workerProfile.gender).toBe("MALE");
  });

  it.each([
    ["a wrong check digit", { idNumber: residentId().slice(0, 17) + (residentId().endsWith("0") ? "1" : "0") }, "idNumber", "ID_CHECK_DIGIT"],
    ["an impossible birth date", { idNumber: ((b) => b + "0")("35050219900231001") }, "idNumber", "ID_BIRTH_DATE"],
    ["a worker under 16", { idNumber: residentId("2015-01-01", 3, "MALE") }, "idNumber", "WORKER_UNDER_16"],
    ["a landline instead of a mobile", { phone: "0595-22345678" }, "phone", "PHONE_FORMAT"],
    ["an unknown skill", { skills: [{ skillCode: "ASTRONAUT", level: 1 }] }, "skills", "SKILL_UNKNOWN"],
    ["a skill level of 9", { skills: [{ skillCode: "COOK", level: 9 }] }, "skills.0.level", "INVALID_FIELD"],
    ["a short password", { password: "123" }, "password", "INVALID_FIELD"],
    ["a home outside Quanzhou", { homeLat: 39.9, homeLng: 116.4 }, "homeLat", "INVALID_FIELD"],
    ["an unknown home venue", { homeVenueId: "00000000-0000-4000-8000-000000000000" }, null, null],
  ])("refuses %s with a typed error and writes nothing", async (_name, over, field, code) => {
    const before = await counts();
    const result = await t.gql(REGISTER_WORKER, await withCode(workerInput(over)));
    if (field) {
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ field, code }));
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a home venue that is not recognised", async () => {
    const { insertVenue } = await import("../../testing/factories.js");
    const pending = await insertVenue(t.database.db, { status: "PENDING_RECOGNITION" });
    const before = await counts();
    const result = await t.gql(REGISTER_WORKER, await withCode(workerInput({ homeVenueId: pending.id })));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "homeVenueId", code: "VENUE_NOT_RECOGNIZED" })] });
    expect(await counts()).toEqual(before);
  });

  it("refuses a second account with the same phone or the same ID number (CONFLICT), writing nothing", async () => {
    const input = workerInput();
    await t.ok(REGISTER_WORKER, await withCode(input));
    const before = await counts();
    const samePhone = await t.gql(REGISTER_WORKER, await withCode({ ...workerInput(), phone: input.phone }));
    expect(samePhone.errors?.[0]).toMatchObject({ message: "该手机号已注册", extensions: { code: "CONFLICT" } });
    const sameId = await t.gql(REGISTER_WORKER, await withCode({ ...workerInput(), idNumber: input.idNumber }));
    expect(sameId.errors?.[0]).toMatchObject({ message: "该身份证号已注册", extensions: { code: "CONFLICT" } });
    expect(await counts()).toEqual(before);
  });

  it("two simultaneous registrations with one ID number: exactly one wins", async () => {
    const idNumber = residentId("1970-07-07", 41, "MALE");
    const attempts = await Promise.all([1, 2, 3].map(() => withCode(workerInput({ idNumber }))));
    const results = await Promise.all(attempts.map((variables) => t.gql(REGISTER_WORKER, variables)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "CONFLICT").length).toBe(2);
  });

  // Finding 5: a fresh phone, someone's ID number and a made-up home venue told CONFLICT (registered) from NOT_FOUND.
  it("a registered and an unregistered ID number get the same refusal when another check fails", async () => {
    const registered = workerInput();
    await t.ok(REGISTER_WORKER, await withCode(registered));
    const { insertVenue } = await import("../../testing/factories.js");
    const pending = await insertVenue(t.database.db, { status: "PENDING_RECOGNITION" });
    const before = await counts();
    for (const homeVenueId of ["00000000-0000-4000-8000-000000000000", pending.id]) {
      const answers = [];
      for (const idNumber of [registered.idNumber, residentId("1966-06-06", 611, "MALE")]) {
        const result = await t.gql(REGISTER_WORKER, await withCode(workerInput({ idNumber, homeVenueId })));
        answers.push({ message: result.errors?.[0]?.message, code: result.errors?.[0]?.extensions?.code });
      }
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[0]!.code).toBe(homeVenueId === pending.id ? "BAD_USER_INPUT" : "NOT_FOUND");
    }
    expect(await counts()).toEqual(before);
  });

  it("without a valid REGISTER code nothing about existing accounts is revealed and nothing is written", async () => {
    const registered = workerInput();
    await t.ok(REGISTER_WORKER, await withCode(registered));
    const before = await counts();
    const fresh = nextPhone();
    await requestSmsCode(t, fresh, "LOGIN"); // a code of another purpose does not count
    const attempts = [
      { ...workerInput(), idNumber: registered.idNumber }, // someone's ID, no code requested
      { ...workerInput(), phone: registered.phone }, // someone's phone
      workerInput(), // nobody's
      { ...workerInput(), phone: fresh },
    ];
    const answers = [];
    for (const input of attempts) {
      const result = await t.gql(REGISTER_WORKER, { input, code: "123456" });
      answers.push({ message: result.errors?.[0]?.message, extensions: result.errors?.[0]?.extensions });
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "smsCode", code: "SMS_CODE_INVALID" })] });
    expect(await counts()).toEqual(before);
  });

  it("a mistake elsewhere in the form keeps the code; a CONFLICT spends it, so one code cannot probe many ID numbers", async () => {
    const registered = workerInput();
    await t.ok(REGISTER_WORKER, await withCode(registered));
    const input = workerInput();
    const code = await requestSmsCode(t, input.phone);
    const typo = await t.gql(REGISTER_WORKER, { input: { ...input, skills: [{ skillCode: "ASTRONAUT", level: 1 }] }, code });
    expect(typo.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const conflict = await t.gql(REGISTER_WORKER, { input: { ...input, idNumber: registered.idNumber }, code });
    expect(conflict.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const probe = await t.gql(REGISTER_WORKER, { input, code });
    expect(probe.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ code: "SMS_CODE_INVALID" }));
    const before = await counts();
    expect((await t.ok(REGISTER_WORKER, await withCode(input))).registerWorker.accessToken).toBeTruthy();
    expect((await counts()).users).toBe(before.users + 1);
  });

  it("an employer needs a REGISTER code too", async () => {
    const input = { phone: nextPhone(), password: "Secret#2026", kind: "COMPANY", name: "泉州市丰泽区示例贸易有限公司", creditCode: creditCode(5151), contactName: "王经理", regionCode: "350503" };
    const before = await counts();
    const refused = await t.gql(REGISTER_EMPLOYER, { input, code: "654321" });
    expect(refused.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ code: "SMS_CODE_INVALID" }));
    expect(await counts()).toEqual(before);
    expect((await t.ok(REGISTER_EMPLOYER, await withCode(input))).registerEmployer.accessToken).toBeTruthy();
  });

  it("limits registration attempts per phone (RATE_LIMITED with the seconds to wait), before the code is looked at", async () => {
    const input = workerInput();
    for (let i = 0; i < 10; i++) {
      const result = await t.gql(REGISTER_WORKER, { input, code: "000000" });
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const code = await requestSmsCode(t, input.phone);
    const limited = await t.gql(REGISTER_WORKER, { input, code });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reasons: [expect.objectContaining({ code: "REGISTER_PHONE_LIMIT" })] });
    expect(limited.errors?.[0]?.message).toMatch(/请 \d+ 秒后再试/);
  });

  it("registers a company employer with a valid credit code and refuses a bad or duplicate one", async () => {
    const code = creditCode(4242);
    const input = { phone: nextPhone(), password: "Secret#2026", kind: "COMPANY", name: "泉州市鲤城区好帮手家政有限公司", creditCode: code, contactName: "林经理", regionCode: "350502" };
    const { registerEmployer } = await t.ok(REGISTER_EMPLOYER, await withCode(input));
    const { me } = await t.ok(ME, {}, registerEmployer.accessToken);
    expect(me.employerProfile).toEqual({ kind: "COMPANY", name: input.name, creditCode: code, idNumber: null });

    const before = await counts();
    const badCheck = code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");
    const bad = await t.gql(REGISTER_EMPLOYER, await withCode({ ...input, phone: nextPhone(), creditCode: badCheck }));
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "creditCode", code: "CREDIT_CODE_CHECK" })] });
    const dup = await t.gql(REGISTER_EMPLOYER, await withCode({ ...input, phone: nextPhone() }));
    expect(dup.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const missing = await t.gql(REGISTER_EMPLOYER, await withCode({ ...input, phone: nextPhone(), creditCode: null }));
    expect(missing.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badRegion = await t.gql(REGISTER_EMPLOYER, await withCode({ ...input, phone: nextPhone(), creditCode: creditCode(4243), regionCode: "110101" }));
    expect(badRegion.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await counts()).toEqual(before);
  });

  it("registers an individual employer by resident ID, masked on output", async () => {
    const id = residentId("1980-05-05", 77, "MALE");
    const input = { phone: nextPhone(), password: "Secret#2026", kind: "INDIVIDUAL", name: "黄先生", idNumber: id, contactName: "黄先生", regionCode: "350582" };
    const { registerEmployer } = await t.ok(REGISTER_EMPLOYER, await withCode(input));
    const { me } = await t.ok(ME, {}, registerEmployer.accessToken);
    expect(me.employerProfile).toEqual({ kind: "INDIVIDUAL", name: "黄先生", creditCode: null, idNumber: `${id.slice(0, 6)}********${id.slice(-4)}` });
    const [row] = await t.database.db.select().from(employerProfiles).where(eq(employerProfiles.userId, me.id));
    expect(row!.idNumberCipher).not.toContain(id);
  });

  it("venue staff register a walk-in worker on their behalf; the venue becomes the home venue", async () => {
    const { insertVenue } = await import("../../testing/factories.js");
    const venue = await insertVenue(t.database.db, { status: "RECOGNIZED" });
    const staff = await signedIn(t, "VENUE_STAFF", { venueId: venue.id, regionCode: venue.regionCode });
    const input = workerInput({ realName: "李大伯", idNumber: residentId("1962-02-02", 9, "MALE") });
    const data = await t.ok(`mutation($input: RegisterWorkerInput!) { registerWalkInWorker(input: $input) { userId realName homeVenue { id } olderWorker } }`, { input }, staff.token);
    expect(data.registerWalkInWorker).toMatchObject({ realName: "李大伯", homeVenue: { id: venue.id }, olderWorker: true });
    const [worker] = await t.database.db.select().from(workerProfiles).where(eq(workerProfiles.userId, data.registerWalkInWorker.userId));
    expect(worker!.registeredBy).toBe(staff.user.id);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, worker!.userId));
    expect(audit).toMatchObject({ action: "identity.register-walk-in-worker", actorId: staff.user.id, actorRole: "VENUE_STAFF" });
    // skills were stored for the walk-in too
    expect(await t.database.db.select().from(workerSkills).where(eq(workerSkills.workerId, worker!.userId))).toHaveLength(2);
    const [u] = await t.database.db.select().from(users).where(eq(users.id, worker!.userId));
    expect(u!.role).toBe("WORKER");
  });

  it("staff of a suspended venue cannot register walk-ins (PRECONDITION_FAILED about their venue)", async () => {
    const { insertVenue } = await import("../../testing/factories.js");
    const venue = await insertVenue(t.database.db, { status: "SUSPENDED" });
    const staff = await signedIn(t, "VENUE_STAFF", { venueId: venue.id, regionCode: venue.regionCode });
    const before = await counts();
    const result = await t.gql(`mutation($input: RegisterWorkerInput!) { registerWalkInWorker(input: $input) { userId } }`, { input: workerInput() }, staff.token);
    expect(result.errors?.[0]?.extensions?.code).toBe("PRECONDITION_FAILED");
    expect(await counts()).toEqual(before);
  });
});
