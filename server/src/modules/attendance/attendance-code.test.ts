// 扫码签到 (issue 7 item 2): the employer shows a code that changes every minute; a worker engaged on that task
// checks in and out with it and no location. Old, forged and other tasks' codes, strangers and the same scan
// twice at once are refused with typed errors and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors.js";
import { createCheckInCodeKey, normalizeShortCode, SHORT_CODE_ATTEMPTS } from "./attendance.code.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { callerOf, engagedWorker, insertRecognizedVenue, signBoth, type Engaged } from "../contract/contract.fixtures.js";
import { insertEmployer } from "../dispatch/dispatch.fixtures.js";

const MIN = 60_000;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? `${err.code}${err.reasons[0] ? `:${err.reasons[0].code}` : ""}` : `unexpected: ${String(err)}`),
  );

describe("check-in by the employer's rotating code", () => {
  let h: ServiceHarness;
  let e: Engaged;
  let other: Engaged;
  let startsAt: Date;

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    await insertRecognizedVenue(h.deps.db);
    e = await engagedWorker(h);
    other = await engagedWorker(h, { task: { lat: 24.93 } });
    startsAt = (await h.services.dispatch.getTask(e.employer, e.taskId)).startsAt;
    h.clock.set(new Date(startsAt.getTime() - 26 * 3_600_000));
    await signBoth(h, e);
    await signBoth(h, other);
  });
  afterAll(() => h?.close());

  it("only the task's employer or its venue's staff get a code, and only around the work window", async () => {
    h.clock.set(new Date(startsAt.getTime() - 31 * MIN));
    expect(await codeOf(h.services.attendance.checkInCode(e.employer, e.taskId))).toBe("PRECONDITION_FAILED:CHECK_IN_NOT_OPEN");
    h.clock.set(new Date(startsAt.getTime() - 10 * MIN));
    const shown = await h.services.attendance.checkInCode(e.employer, e.taskId);
    expect(shown.code).toMatch(new RegExp(`^QZ1\\.${e.taskId}\\.\\d+\\.[\\w-]{22}$`));
    expect(shown.shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(shown.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(shown.expiresAt.getTime() - h.clock.now().getTime()).toBeLessThanOrEqual(60_000);
    const staff = await h.callerAs("VENUE_STAFF", { venueId: e.venueId, regionCode: "350502" });
    expect((await h.services.attendance.checkInCode(staff, e.taskId)).code).toBe(shown.code);
    const stranger = callerOf((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    expect(await codeOf(h.services.attendance.checkInCode(stranger, e.taskId))).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect(await codeOf(h.services.attendance.checkInCode(other.employer, e.taskId))).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect(await codeOf(h.services.attendance.checkInCode(e.worker, e.taskId))).toBe("FORBIDDEN");
  });

  it("refuses forged, malformed, old and other tasks' codes, and a worker not engaged on the task; nothing is recorded", async () => {
    h.clock.set(new Date(startsAt.getTime() - 10 * MIN));
    const { code } = await h.services.attendance.checkInCode(e.employer, e.taskId);
    const scan = (who: Engaged, c: string, engagementId = who.engagementId) => codeOf(h.services.attendance.checkInByCode(who.worker, { engagementId, code: c }));
    const [prefix, taskId, slot, mac] = code.split(".") as [string, string, string, string];
    expect(await scan(e, `${prefix}.${taskId}.${slot}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`)).toBe("BAD_USER_INPUT:CHECK_IN_CODE_INVALID");
    expect(await scan(e, `${prefix}.${taskId}.${Number(slot) + 1}.${mac}`)).toBe("BAD_USER_INPUT:CHECK_IN_CODE_INVALID");
    expect(await scan(e, `${prefix}.${other.taskId}.${slot}.${mac}`)).toBe("BAD_USER_INPUT:CHECK_IN_CODE_INVALID");
    expect(await scan(e, "hello")).toBe("BAD_USER_INPUT:CHECK_IN_CODE_INVALID");
    // A genuine code of another task does not check anyone in here, nor does this task's code there.
    const otherCode = (await h.services.attendance.checkInCode(other.employer, other.taskId)).code;
    expect(await scan(e, otherCode)).toBe("PRECONDITION_FAILED:CHECK_IN_CODE_OTHER_TASK");
    expect(await scan(other, code)).toBe("PRECONDITION_FAILED:CHECK_IN_CODE_OTHER_TASK");
    // Someone not engaged on the task cannot use its code with its engagement.
    expect(await scan(other, code, e.engagementId)).toBe("NOT_FOUND");
    // Two minutes later the code is stale.
    h.clock.advance(2 * MIN);
    expect(await scan(e, code)).toBe("PRECONDITION_FAILED:CHECK_IN_CODE_EXPIRED");
    expect(await h.services.attendance.attendanceOf(e.worker, e.engagementId)).toBeNull();
    expect(await h.services.attendance.attendanceOf(other.worker, other.engagementId)).toBeNull();
  });

  it("a current code checks the worker in without a location, once even when scanned twice at once", async () => {
    h.clock.set(new Date(startsAt.getTime() - 5 * MIN));
    const { code } = await h.services.attendance.checkInCode(e.employer, e.taskId);
    const both = await Promise.all([0, 1].map(() => codeOf(h.services.attendance.checkInByCode(e.worker, { engagementId: e.engagementId, code }))));
    expect(both.sort()).toEqual(["CONFLICT:ALREADY_CHECKED_IN", "ok"]);
    const row = await h.services.attendance.attendanceOf(e.worker, e.engagementId);
    expect(row).toMatchObject({ status: "CHECKED_IN", checkInMethod: "QR", checkInLat: null, checkInDistanceM: null });
  });

  it("a code scanned just before it changed still counts for a few seconds", async () => {
    const minuteStart = Math.ceil((startsAt.getTime() - 4 * MIN) / MIN) * MIN;
    h.clock.set(new Date(minuteStart + 59_000));
    const { code } = await h.services.attendance.checkInCode(other.employer, other.taskId);
    h.clock.set(new Date(minuteStart + 70_000));
    expect((await h.services.attendance.checkInByCode(other.worker, { engagementId: other.engagementId, code })).checkInMethod).toBe("QR");
  });

  it("checks out with the current code; minutes counted inside the window", async () => {
    h.clock.set(new Date(startsAt.getTime() + 120 * MIN));
    const stale = (await h.services.attendance.checkInCode(e.employer, e.taskId)).code;
    h.clock.advance(3 * MIN);
    expect(await codeOf(h.services.attendance.checkOutByCode(e.worker, { engagementId: e.engagementId, code: stale }))).toBe("PRECONDITION_FAILED:CHECK_IN_CODE_EXPIRED");
    const { code } = await h.services.attendance.checkInCode(e.employer, e.taskId);
    const out = await h.services.attendance.checkOutByCode(e.worker, { engagementId: e.engagementId, code });
    expect(out).toMatchObject({ status: "CHECKED_OUT", checkOutMethod: "QR", minutes: 120 });
    expect(await codeOf(h.services.attendance.checkOutByCode(e.worker, { engagementId: e.engagementId, code }))).toBe("CONFLICT:ALREADY_CHECKED_OUT");
  });
});

describe("normalizeShortCode", () => {
  it.each([
    ["as shown", "7K3D-M9QX", "7K3DM9QX"],
    ["lower case, spaces", " 7k3d m9qx ", "7K3DM9QX"],
    ["look-alikes read as digits (I, L → 1; O → 0)", "iL0O-ABCD", "1100ABCD"],
    ["the long code is no short code", "QZ1.x.1.y", null],
    ["U is not Crockford", "UUUU-UUUU", null],
    ["seven characters", "7K3D-M9Q", null],
    ["nine characters", "7K3D-M9QXZ", null],
    ["punctuation", "7K3D.M9QX", null],
  ])("%s", (_name, typed, expected) => {
    expect(normalizeShortCode(typed)).toBe(expected);
  });

  it("the short codes of a task spread over the alphabet and differ by task, minute and key", () => {
    const key = createCheckInCodeKey("k1");
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => key.short("00000000-0000-4000-8000-000000000001", i)));
    expect(codes.size).toBe(2000);
    expect(key.short("00000000-0000-4000-8000-000000000001", 5)).not.toBe(key.short("00000000-0000-4000-8000-000000000002", 5));
    expect(createCheckInCodeKey("k2").short("00000000-0000-4000-8000-000000000001", 5)).not.toBe(key.short("00000000-0000-4000-8000-000000000001", 5));
    const chars = new Set([...codes].join(""));
    expect(chars.size).toBe(32);
  });
});

describe("check-in by the typed short code", () => {
  let h: ServiceHarness;
  let a: Engaged;
  let b: Engaged;
  let startsAt: Date;
  const typed = (who: Engaged, code: string, out = false) =>
    codeOf((out ? h.services.attendance.checkOutByCode : h.services.attendance.checkInByCode)(who.worker, { engagementId: who.engagementId, code }));

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    await insertRecognizedVenue(h.deps.db);
    a = await engagedWorker(h);
    b = await engagedWorker(h, { task: { lat: 24.93 } });
    startsAt = (await h.services.dispatch.getTask(a.employer, a.taskId)).startsAt;
    h.clock.set(new Date(startsAt.getTime() - 26 * 3_600_000));
    await signBoth(h, a);
    await signBoth(h, b);
  });
  afterAll(() => h?.close());

  it("refuses a forged, another task's and an old short code; nothing is recorded", async () => {
    h.clock.set(new Date(startsAt.getTime() - 10 * MIN));
    const { shortCode } = await h.services.attendance.checkInCode(a.employer, a.taskId);
    const other = (await h.services.attendance.checkInCode(b.employer, b.taskId)).shortCode;
    const last = shortCode.at(-1)!;
    expect(await typed(a, `${shortCode.slice(0, -1)}${last === "0" ? "1" : "0"}`)).toBe("BAD_USER_INPUT:CHECK_IN_CODE_INVALID");
    // Another task's genuine short code names no task: for this engagement it is simply wrong.
    expect(await typed(a, other)).toBe("BAD_USER_INPUT:CHECK_IN_CODE_INVALID");
    h.clock.advance(2 * MIN);
    expect(await typed(a, shortCode)).toBe("PRECONDITION_FAILED:CHECK_IN_CODE_EXPIRED");
    expect(await h.services.attendance.attendanceOf(a.worker, a.engagementId)).toBeNull();
  });

  it("the current short code, typed in lower case without the hyphen, checks in and later out", async () => {
    h.clock.set(new Date(startsAt.getTime() - 5 * MIN));
    const { shortCode } = await h.services.attendance.checkInCode(a.employer, a.taskId);
    expect(await typed(a, shortCode.replace("-", " ").toLowerCase())).toBe("ok");
    expect(await h.services.attendance.attendanceOf(a.worker, a.engagementId)).toMatchObject({ status: "CHECKED_IN", checkInMethod: "QR" });
    h.clock.set(new Date(startsAt.getTime() + 60 * MIN));
    const later = (await h.services.attendance.checkInCode(a.employer, a.taskId)).shortCode;
    expect(await typed(a, later, true)).toBe("ok");
    expect(await h.services.attendance.attendanceOf(a.worker, a.engagementId)).toMatchObject({ status: "CHECKED_OUT", checkOutMethod: "QR", minutes: 60 });
  });

  it(`stops a worker after ${SHORT_CODE_ATTEMPTS.points} typed codes in ${SHORT_CODE_ATTEMPTS.windowSeconds / 60} minutes, even a right one, so 8 characters cannot be searched`, async () => {
    h.clock.set(new Date(startsAt.getTime() - 5 * MIN));
    const { shortCode } = await h.services.attendance.checkInCode(b.employer, b.taskId);
    const guesses = await Promise.all(Array.from({ length: SHORT_CODE_ATTEMPTS.points }, (_, i) => typed(b, `ZZZZ${String(i).padStart(4, "0")}`)));
    expect(guesses.every((g) => g === "BAD_USER_INPUT:CHECK_IN_CODE_INVALID")).toBe(true);
    expect(await typed(b, shortCode)).toBe("RATE_LIMITED:CHECK_IN_CODE_ATTEMPTS");
    expect(await h.services.attendance.attendanceOf(b.worker, b.engagementId)).toBeNull();
    // The QR's long code is not typed: the camera still works for this worker.
    const { code } = await h.services.attendance.checkInCode(b.employer, b.taskId);
    expect(await typed(b, code)).toBe("ok");
  });
});
