// 考勤 (issue 7): on site inside 500 m and the window, or by staff; 15-minute units; approval after 24 h.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { north } from "../dispatch/dispatch.fixtures.js";
import { engagedWorker, insertRecognizedVenue, signBoth, type Engaged } from "../contract/contract.fixtures.js";

const MIN = 60_000;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? `${err.code}${err.reasons[0] ? `:${err.reasons[0].code}` : ""}` : `unexpected: ${String(err)}`),
  );

describe("attendance", () => {
  let h: ServiceHarness;
  let e: Engaged;
  let place: { lat: number; lng: number };
  let startsAt: Date;

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    await insertRecognizedVenue(h.deps.db);
    e = await engagedWorker(h);
    const task = await h.services.dispatch.getTask(e.employer, e.taskId);
    place = { lat: task.lat, lng: task.lng };
    startsAt = task.startsAt;
  });
  afterAll(() => h?.close());

  it("check-in is refused before the contract is SIGNED", async () => {
    h.clock.set(new Date(startsAt.getTime() - 10 * MIN));
    expect(await codeOf(h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, ...place }))).toBe("PRECONDITION_FAILED:CONTRACT_NOT_SIGNED");
    h.clock.set(new Date(startsAt.getTime() - 26 * 3_600_000));
    await signBoth(h, e);
  });

  it("refuses a check-in far outside the fence, too early, someone else's, or with a bad point; changes nothing", async () => {
    h.clock.set(new Date(startsAt.getTime() - 10 * MIN));
    expect(await codeOf(h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, ...north(place, 20_000) }))).toBe("PRECONDITION_FAILED:OUTSIDE_GEOFENCE");
    expect(await codeOf(h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, ...north(place, 520) }))).toBe("PRECONDITION_FAILED:OUTSIDE_GEOFENCE");
    expect(await codeOf(h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, lat: Number.NaN, lng: 118 }))).toBe("BAD_USER_INPUT:LOCATION_INVALID");
    expect(await codeOf(h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, lat: 95, lng: 118 }))).toBe("BAD_USER_INPUT:LOCATION_INVALID");
    const other = await h.callerAs("WORKER");
    expect(await codeOf(h.services.attendance.checkIn(other, { engagementId: e.engagementId, ...place }))).toBe("NOT_FOUND");
    h.clock.set(new Date(startsAt.getTime() - 31 * MIN));
    expect(await codeOf(h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, ...place }))).toBe("PRECONDITION_FAILED:CHECK_IN_TOO_EARLY");
    expect(await h.services.attendance.attendanceOf(e.worker, e.engagementId)).toBeNull();
  });

  it("checks in and out on site; minutes inside the window in 15-minute units; approved 24 h after check-out", async () => {
    h.clock.set(new Date(startsAt.getTime() - 10 * MIN));
    const inRow = await h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, ...north(place, 300) });
    expect(inRow).toMatchObject({ status: "CHECKED_IN", checkInMethod: "GEOFENCE" });
    expect(inRow.checkInDistanceM).toBeGreaterThan(290);
    expect(await codeOf(h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, ...place }))).toBe("CONFLICT:ALREADY_CHECKED_IN");
    h.clock.set(new Date(startsAt.getTime() + 230 * MIN));
    const out = await h.services.attendance.checkOut(e.worker, { engagementId: e.engagementId, ...place });
    expect(out).toMatchObject({ status: "CHECKED_OUT", minutes: 225 });
    h.clock.advance(23 * 3_600_000);
    await h.deliverDueEvents();
    expect((await h.services.attendance.attendanceOf(e.employer, e.engagementId))!.status).toBe("CHECKED_OUT");
    h.clock.advance(3_600_000);
    await h.deliverDueEvents();
    expect((await h.services.attendance.attendanceOf(e.employer, e.engagementId))!.status).toBe("APPROVED");
  });

  it("staff confirm hours for their venue's job; hours over the window are refused", async () => {
    const f = await engagedWorker(h, { task: { lat: 24.93 } });
    h.clock.set(new Date(Date.parse("2026-11-27T02:00:00Z")));
    await signBoth(h, f);
    const task = await h.services.dispatch.getTask(f.employer, f.taskId);
    h.clock.set(new Date(task.endsAt.getTime() + 60 * MIN));
    const staff = await h.callerAs("VENUE_STAFF", { venueId: f.venueId, regionCode: "350502" });
    const over = { engagementId: f.engagementId, checkInAt: task.startsAt, checkOutAt: new Date(task.endsAt.getTime() + 2 * 3_600_000) };
    expect(await codeOf(h.services.attendance.confirmByStaff(staff, over))).toBe("BAD_USER_INPUT:HOURS_OVER_WINDOW");
    const stranger = await h.callerAs("VENUE_STAFF", { venueId: (await insertRecognizedVenue(h.deps.db, { lat: 24.99 })).id, regionCode: "350502" });
    expect(await codeOf(h.services.attendance.confirmByStaff(stranger, { ...over, checkOutAt: task.endsAt }))).toBe("FORBIDDEN");
    const row = await h.services.attendance.confirmByStaff(staff, { ...over, checkOutAt: task.endsAt });
    expect(row).toMatchObject({ status: "CHECKED_OUT", checkOutMethod: "STAFF", minutes: 240 });
    // The employer disputes within the 24 hours: the automatic approval no longer applies.
    expect(await codeOf(h.services.attendance.answerHours(f.employer, { engagementId: f.engagementId, approve: false }))).toBe("BAD_USER_INPUT:TEXT_REQUIRED");
    const disputed = await h.services.attendance.answerHours(f.employer, { engagementId: f.engagementId, approve: false, reason: "实际只干了两个小时" });
    expect(disputed.status).toBe("DISPUTED");
    h.clock.advance(25 * 3_600_000);
    await h.deliverDueEvents();
    expect((await h.services.attendance.attendanceOf(f.worker, f.engagementId))!.status).toBe("DISPUTED");
  });
});
