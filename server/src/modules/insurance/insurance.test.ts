// 零工保 evidence (issue 7 item 7): taken on the platform (engagement.created) and paid on the platform (the
// settlement PAID → placement.recorded), with the insurer's policy reference, read only by those entitled.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors.js";
import { batchJobIdFor } from "../../jobs/events.js";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import { runJobBatch } from "../../jobs/job-runner.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { callerOf, insertRecognizedVenue, workedShift, type Engaged } from "../contract/contract.fixtures.js";
import { insertEmployer } from "../dispatch/dispatch.fixtures.js";

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? `${err.code}${err.reasons[0] ? `:${err.reasons[0].code}` : ""}` : `unexpected: ${String(err)}`),
  );
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe("零工保 insurance evidence", () => {
  let h: ServiceHarness;
  let paid: Engaged;
  let unpaid: Engaged;
  let n = 0;

  /** Signed, funded, checked in and out on site. */
  const worked = (): Promise<Engaged> => workedShift(h, { at: "2026-11-27T02:00:00Z", task: { lat: 24.9 + ++n * 0.004 } });

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    await insertRecognizedVenue(h.deps.db);
    paid = await worked();
    const s = await h.services.settlement.submitSettlement(paid.employer, { engagementId: paid.engagementId });
    await h.services.settlement.confirmSettlement(paid.worker, s.id);
    await h.deliverDueEvents();
    unpaid = await worked();
    await h.deliverDueEvents();
  });
  afterAll(() => h?.close());

  it("a paid engagement shows both facts and the insurer's policy reference; its work day is covered", async () => {
    const task = await h.services.dispatch.getTask(paid.employer, paid.taskId);
    const day = shanghaiDay(task.startsAt);
    const c = await h.services.insurance.coverage(paid.worker, paid.engagementId, day);
    expect(c).toMatchObject({ status: "COVERED", provider: "mock", coversDay: true, day });
    expect(c.policyRef).toMatch(/^MOCK-ZGB-[0-9A-F]{16}$/);
    expect(c.takenAt!.getTime()).toBeLessThanOrEqual(c.paidAt!.getTime());
    const settlement = await h.services.settlement.settlementOfEngagement(paid.worker, paid.engagementId);
    expect(settlement!.status).toBe("PAID");
    expect(c.paidAt!.getTime()).toBe(settlement!.paidAt!.getTime());
    // Another day is not covered by this engagement.
    expect((await h.services.insurance.coverage(paid.worker, paid.engagementId, "2026-01-01")).coversDay).toBe(false);
  });

  it("an engagement not paid on the platform shows taken-but-not-paid and covers no day", async () => {
    const task = await h.services.dispatch.getTask(unpaid.employer, unpaid.taskId);
    const c = await h.services.insurance.coverage(unpaid.employer, unpaid.engagementId, shanghaiDay(task.startsAt));
    expect(c).toMatchObject({ status: "TAKEN_NOT_PAID", paidAt: null, coversDay: false });
    expect(c.takenAt).toBeInstanceOf(Date);
    expect(c.policyRef).toMatch(/^MOCK-ZGB-/);
  });

  it("a second delivery of the events changes nothing, and the database keeps recorded facts", async () => {
    const before = await h.services.insurance.coverage(paid.worker, paid.engagementId);
    await h.services.insurance.recordTaken("00000000-0000-4000-8000-000000000001", paid.engagementId);
    await h.services.insurance.recordPaid("00000000-0000-4000-8000-000000000002", { engagementId: paid.engagementId, placementId: "00000000-0000-4000-8000-000000000003", paidAt: new Date().toISOString() });
    expect(await h.services.insurance.coverage(paid.worker, paid.engagementId)).toEqual(before);
    const refused = await h.deps.db.execute(sql`delete from insurance_evidence where engagement_id = ${paid.engagementId}`).then(
      () => "deleted",
      (err: { cause?: { message?: string }; message?: string }) => err.cause?.message ?? err.message,
    );
    expect(refused).toMatch(/DELETE refused/);
    const rewritten = await h.deps.db.execute(sql`update insurance_evidence set paid_at = now() where engagement_id = ${paid.engagementId}`).then(
      () => "updated",
      (err: { cause?: { message?: string }; message?: string }) => err.cause?.message ?? err.message,
    );
    expect(rewritten).toMatch(/cannot change/);
  });

  it("a batch of placement events: a taken engagement is set paid at once, one not yet taken goes through recordPaid, an unknown one is refused", async () => {
    const taken = await worked();
    await h.deliverDueEvents(); // 接单 recorded
    const early = await worked();
    // Its engagement.created not delivered: the placement arrives before 接单 is recorded (a retry reordered them).
    await h.deps.db.execute(sql`update outbox set sent_at = now() where sent_at is null`);
    const placed = (e: Engaged, engagementId = e.engagementId) => ({
      id: randomUUID(),
      payload: { placementId: randomUUID(), venueId: e.venueId, engagementId, taskId: e.taskId, workerId: e.worker.actor!.userId, employerId: e.employer.actor!.userId, source: "OFFER", priorityGroup: false, paidAt: "2026-11-28T04:00:00.000Z" },
    });
    const events = [placed(taken), placed(early), placed(unpaid, "00000000-0000-4000-8000-0000000000ff")];
    const job = { id: batchJobIdFor(events.map((e) => e.id), "insurance.record-paid"), name: "insurance.record-paid", data: { events }, attemptsMade: 0 };
    expect(await runJobBatch(h.deps, JOB_HANDLERS, job)).toEqual({ done: 2, duplicate: 0, skipped: 1, cancelled: 0 });
    for (const [e, i] of [[taken, 0], [early, 1]] as const) {
      const c = await h.services.insurance.coverage(e.worker, e.engagementId);
      expect(c).toMatchObject({ status: "COVERED", paidAt: new Date("2026-11-28T04:00:00.000Z") });
      expect(c.policyRef).toMatch(/^MOCK-ZGB-/);
      const [row] = await h.deps.db.execute<{ paid_event_id: string }>(sql`select paid_event_id from insurance_evidence where engagement_id = ${e.engagementId}`);
      expect(row!.paid_event_id).toBe(events[i]!.id);
    }
    const [skipped] = await h.deps.db.execute<{ outcome: string; detail: string }>(sql`select outcome, detail from processed_events where event_id = ${events[2]!.id}`);
    expect(skipped).toMatchObject({ outcome: "SKIPPED", detail: expect.stringMatching(/^NOT_FOUND/) });
  });

  it("readable by the parties, the venue's staff and officers in scope; nobody else; a bad day is a typed error", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId: paid.venueId, regionCode: "350502" });
    const otherStaff = await h.callerAs("VENUE_STAFF", { venueId: (await insertRecognizedVenue(h.deps.db, { lat: 24.99 })).id, regionCode: "350502" });
    const county = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    const otherCounty = await h.callerAs("COUNTY_OFFICER", { regionCode: "350582" });
    const city = await h.callerAs("CITY_OFFICER");
    const strangerEmployer = callerOf((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const read = (c: Parameters<typeof h.services.insurance.coverage>[0]) => codeOf(h.services.insurance.coverage(c, paid.engagementId));
    expect(await read(paid.worker)).toBe("ok");
    expect(await read(paid.employer)).toBe("ok");
    expect(await read(staff)).toBe("ok");
    expect(await read(county)).toBe("ok");
    expect(await read(city)).toBe("ok");
    expect(await read(unpaid.worker)).toBe("NOT_FOUND");
    expect(await read(strangerEmployer)).toBe("NOT_FOUND");
    expect(await read(otherStaff)).toBe("FORBIDDEN");
    expect(await read(otherCounty)).toBe("FORBIDDEN");
    expect(await codeOf(h.services.insurance.coverage(paid.worker, paid.engagementId, "2026-02-30"))).toBe("BAD_USER_INPUT:DATE_FORMAT");
    expect(await codeOf(h.services.insurance.coverage(paid.worker, "00000000-0000-4000-8000-0000000000ff"))).toBe("NOT_FOUND");
  });
});
