import { DEFAULT_POLICY, evaluateVenueYear } from "@qz/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, performancePlacements, venueYearMetrics, venueYearPending, venueYearResults } from "../../db/schema/index.js";
import { batchJobIdFor, jobIdFor, type EventPayloads } from "../../jobs/events.js";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import { runJob, runJobBatch } from "../../jobs/job-runner.js";
import { insertUser, insertVenue } from "../../testing/factories.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { emitComplaintClosed, emitPlacement, emitRating } from "./performance.fixtures.js";
import * as repo from "./performance.repo.js";

describe("venue-year roll-up", () => {
  let h: ServiceHarness;
  let worker: string;
  let employer: string;
  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-06-10T02:00:00Z" });
    worker = (await insertUser(h.deps.db, "WORKER")).id;
    employer = (await insertUser(h.deps.db, "EMPLOYER")).id;
  });
  afterAll(() => h?.close());

  const market = () => insertVenue(h.deps.db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2025-03-01T02:00:00Z"), regionCode: "350502" });
  const result = async (venueId: string, year = 2026) =>
    (await h.deps.db.select().from(venueYearResults).where(and(eq(venueYearResults.venueId, venueId), eq(venueYearResults.year, year))))[0];

  it("every placement event delivered twice gives the same scores (same event id, and the same placement under a new event id)", async () => {
    const venue = await market();
    const sent: { payload: { placementId: string }; eventId: string }[] = [];
    for (let i = 0; i < 5; i++) sent.push(await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: `2026-06-0${i + 1}T04:00:00.000Z`, priorityGroup: i < 2 }));
    await h.deliverDueEvents();
    const once = await result(venue.id);
    expect(once!.metrics).toMatchObject({ placements: 5, priorityPlacements: 2, onlinePlacements: 5, settledEngagements: 5 });
    // The same job again (a retry after a lost ack), then the same placement announced twice.
    for (const s of sent) {
      expect(await runJob(h.deps, JOB_HANDLERS, { id: jobIdFor(s.eventId, "performance.record-placement"), name: "performance.record-placement", data: s.payload })).toBe("duplicate");
    }
    const { payload: first } = sent[0]!;
    await emitPlacement(h.deps.db, { ...(first as EventPayloads["placement.recorded"]) });
    await h.deliverDueEvents();
    const twice = await result(venue.id);
    expect(twice!.metrics).toEqual(once!.metrics);
    expect(twice!.scoreTenths).toBe(once!.scoreTenths);
    // The stored score is the pure evaluation of the stored metrics.
    expect(twice!.scoreTenths).toBe(evaluateVenueYear(DEFAULT_POLICY, { venueType: "MARKET", year: 2026, metrics: twice!.metrics, onsite: null, vetoes: [], unremediedComplaints: 0 }).scoreTenths);
  });

  it("placements arriving while a venue-year is dirty share one apply job, which takes them all in", async () => {
    const venue = await market();
    for (let i = 0; i < 20; i++) await emitPlacement(h.deps.db, { venueId: venue.id, workerId: (await insertUser(h.deps.db, "WORKER")).id, employerId: employer, priorityGroup: i % 4 === 0 });
    const ran = await h.deliverDueEvents();
    expect(ran.filter((r) => r.consumer === "performance.record-placement")).toHaveLength(20);
    // The first placement marked the venue-year dirty and emitted the apply; the other 19 found the mark.
    expect(ran.filter((r) => r.consumer === "performance.apply-placements").map((r) => r.outcome)).toEqual(["done"]);
    expect((await result(venue.id))!.metrics).toMatchObject({ placements: 20, priorityPlacements: 5, settledEngagements: 20 });
    expect(await h.deps.db.select().from(venueYearPending).where(eq(venueYearPending.venueId, venue.id))).toEqual([]);
  });

  it("an apply that starts while a placement is still uncommitted waits for it and counts it (nothing left behind)", async () => {
    const venue = await market();
    const { payload: first } = await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: "2026-04-01T04:00:00.000Z" });
    await h.deps.db.transaction((tx) => h.services.performance.recordPlacement(tx, first));
    const { payload: second } = await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: "2026-04-02T04:00:00.000Z" });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let marked!: () => void;
    const recorded = new Promise<void>((r) => (marked = r));
    // The second placement's transaction holds the dirty mark while the apply begins.
    const slow = h.deps.db.transaction(async (tx) => {
      await h.services.performance.recordPlacement(tx, second);
      marked();
      await held;
    });
    await recorded;
    const apply = h.deps.db.transaction((tx) => h.services.performance.applyPlacements(tx, venue.id, 2026));
    await new Promise((r) => setTimeout(r, 200));
    release();
    await slow;
    const projection = await apply;
    expect(projection!.metrics).toMatchObject({ placements: 2, settledEngagements: 2 });
    expect(await h.deps.db.select().from(venueYearPending).where(eq(venueYearPending.venueId, venue.id))).toEqual([]);
    const recount = await repo.countPlacementFacts(h.deps.db, venue.id, 2026);
    expect(recount).toMatchObject({ placements: 2, settledEngagements: 2 });
    await h.deps.db.execute(sql`update outbox set sent_at = now() where sent_at is null`);
  });

  it("a burst of 50 placements for one venue in one batch job: each counted once (the same event twice, the same placement under a new event id), one apply, the right projection", async () => {
    const venue = await market();
    const sent: { eventId: string; payload: EventPayloads["placement.recorded"] }[] = [];
    for (let i = 0; i < 50; i++) sent.push(await emitPlacement(h.deps.db, { venueId: venue.id, workerId: (await insertUser(h.deps.db, "WORKER")).id, employerId: employer, priorityGroup: i % 5 === 0 }));
    // The same worker twice on one Shanghai day: B3 counts both, A1 one.
    sent.push(await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: "2026-05-20T01:00:00.000Z" }));
    sent.push(await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: "2026-05-20T02:00:00.000Z" }));
    const again = await emitPlacement(h.deps.db, sent[3]!.payload);
    const ids = [...sent, again].map((s) => s.eventId);
    await h.deps.db.execute(sql`update outbox set sent_at = now() where id in ${sql.raw(`('${ids.join("','")}')`)}`);
    const events = [...sent, sent[7]!, again].map((s) => ({ id: s.eventId, payload: s.payload }));
    const record = { id: batchJobIdFor(events.map((e) => e.id), "performance.record-placement"), name: "performance.record-placement", data: { events }, attemptsMade: 0 };
    expect(await runJobBatch(h.deps, JOB_HANDLERS, record)).toEqual({ done: 53, duplicate: 0, skipped: 0, cancelled: 0 });
    expect(await runJobBatch(h.deps, JOB_HANDLERS, record)).toEqual({ done: 0, duplicate: 53, skipped: 0, cancelled: 0 });
    const counters = await repo.findCounters(h.deps.db, venue.id, 2026);
    expect(counters).toMatchObject({ placements: 51, priorityPlacements: 10, onlinePlacements: 51, settledEngagements: 52 });
    expect(counters).toMatchObject(await repo.countPlacementFacts(h.deps.db, venue.id, 2026));
    // One dirty mark, one apply event for the whole burst; its job writes the projection once.
    const applies = await h.deps.db.execute<{ id: string; payload: EventPayloads["venue-year.placements-pending"] }>(
      sql`select id, payload from outbox where name = 'venue-year.placements-pending' and sent_at is null and payload->>'venueId' = ${venue.id}`,
    );
    expect(applies.map((a) => a.payload)).toEqual([{ venueId: venue.id, year: 2026 }]);
    expect(await result(venue.id)).toBeUndefined();
    const apply = { id: batchJobIdFor([applies[0]!.id], "performance.apply-placements"), name: "performance.apply-placements", data: { events: [{ id: applies[0]!.id, payload: applies[0]!.payload }] }, attemptsMade: 0 };
    expect(await runJobBatch(h.deps, JOB_HANDLERS, apply)).toMatchObject({ done: 1 });
    const projected = (await result(venue.id))!;
    expect(projected.metrics).toMatchObject({ placements: 51, priorityPlacements: 10, settledEngagements: 52 });
    expect(projected.scoreTenths).toBe(evaluateVenueYear(DEFAULT_POLICY, { venueType: "MARKET", year: 2026, metrics: projected.metrics, onsite: null, vetoes: [], unremediedComplaints: 0 }).scoreTenths);
    expect(await h.deps.db.select().from(venueYearPending).where(eq(venueYearPending.venueId, venue.id))).toEqual([]);
    await h.deps.db.execute(sql`update outbox set sent_at = now() where id = ${applies[0]!.id}`);
  });

  it("an apply batch over several venue-years writes each projection from its own counters, and leaves a venue-year whose mark another apply took", async () => {
    const [v1, v2] = [await market(), await market()];
    for (const [venue, n] of [[v1, 3], [v2, 5]] as const) {
      for (let i = 0; i < n; i++) {
        const { payload } = await emitPlacement(h.deps.db, { venueId: venue.id, workerId: (await insertUser(h.deps.db, "WORKER")).id, employerId: employer });
        await h.deps.db.transaction((tx) => h.services.performance.recordPlacement(tx, payload));
      }
    }
    await h.deps.db.execute(sql`update outbox set sent_at = now() where sent_at is null`);
    // v2's mark was already taken (its apply ran and committed): the batch leaves v2's projection to that apply.
    await h.deps.db.delete(venueYearPending).where(eq(venueYearPending.venueId, v2.id));
    await h.deps.db.transaction((tx) => h.services.performance.applyPlacementsOf(tx, [{ venueId: v2.id, year: 2026 }, { venueId: v1.id, year: 2026 }, { venueId: v1.id, year: 2026 }]));
    expect((await result(v1.id))!.metrics).toMatchObject({ placements: 3, settledEngagements: 3 });
    expect(await result(v2.id)).toBeUndefined();
  });

  it("an apply batch that starts while a placement batch is uncommitted waits for its marks and counts it", async () => {
    const [v1, v2] = [await market(), await market()];
    const payloads: EventPayloads["placement.recorded"][] = [];
    for (const venue of [v1, v2, v2]) payloads.push((await emitPlacement(h.deps.db, { venueId: venue.id, workerId: (await insertUser(h.deps.db, "WORKER")).id, employerId: employer })).payload);
    await h.deps.db.transaction((tx) => h.services.performance.recordPlacements(tx, payloads.slice(0, 2)));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let recorded!: () => void;
    const marked = new Promise<void>((r) => (recorded = r));
    const slow = h.deps.db.transaction(async (tx) => {
      await h.services.performance.recordPlacements(tx, payloads.slice(2));
      recorded();
      await held;
    });
    await marked;
    const apply = h.deps.db.transaction((tx) => h.services.performance.applyPlacementsOf(tx, [{ venueId: v1.id, year: 2026 }, { venueId: v2.id, year: 2026 }]));
    await new Promise((r) => setTimeout(r, 200));
    release();
    await slow;
    await apply;
    expect((await result(v1.id))!.metrics).toMatchObject({ placements: 1 });
    expect((await result(v2.id))!.metrics).toMatchObject({ placements: 2, settledEngagements: 2 });
    expect(await h.deps.db.select().from(venueYearPending).where(inArray(venueYearPending.venueId, [v1.id, v2.id]))).toEqual([]);
    await h.deps.db.execute(sql`update outbox set sent_at = now() where sent_at is null`);
  });

  it("one worker × employer × day counts once in A1, while every paid engagement counts for B3", async () => {
    const venue = await market();
    for (const paidAt of ["2026-06-03T01:00:00.000Z", "2026-06-03T09:00:00.000Z", "2026-06-03T17:00:00.000Z"]) await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt });
    await h.deliverDueEvents();
    // 17:00Z is 01:00 the next day in Shanghai: a new business day.
    expect((await result(venue.id))!.metrics).toMatchObject({ placements: 2, settledEngagements: 3 });
  });

  it("December placements count toward the next assessment year", async () => {
    const venue = await market();
    await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: "2026-11-30T15:59:00.000Z" });
    await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: "2026-11-30T16:00:00.000Z" });
    await h.deliverDueEvents();
    expect((await result(venue.id, 2026))!.metrics.placements).toBe(1);
    expect((await result(venue.id, 2027))!.metrics.placements).toBe(1);
  });

  it("ratings (E1) and complaints closed (E2) move the score, idempotently", async () => {
    const venue = await market();
    for (const stars of [5, 4, 3, 5]) await emitRating(h.deps.db, venue.id, stars);
    await emitComplaintClosed(h.deps.db, venue.id, true);
    await emitComplaintClosed(h.deps.db, venue.id, false);
    await h.deliverDueEvents();
    const r = (await result(venue.id))!;
    expect(r.metrics).toMatchObject({ ratings: 4, goodRatings: 3, complaintsClosed: 2, complaintsOnTime: 1 });
    const items = Object.fromEntries(r.evaluation.items.map((i) => [i.id, i.earnedTenths]));
    expect(items.E1).toBe(41); // 75 % of a 90 % target: 5 × 0.833 = 4.1
    expect(items.E2).toBe(25); // 1 of 2 on time: 2.5
  });

  it("staff record services, an event and referrals with evidence; the roll-up counts them; a frozen year refuses", async () => {
    const venue = await market();
    const staff = await h.callerAs("VENUE_STAFF", { venueId: venue.id, regionCode: "350502" });
    await h.services.performance.recordActivity(staff, { kind: "SERVICE", category: "求职登记", quantity: 120, occurredOn: "2026-06-09", evidence: "登记台账第3册" });
    await h.services.performance.recordActivity(staff, { kind: "RECRUITMENT_EVENT", category: "招聘会", quantity: 99, attendance: 300, occurredOn: "2026-06-08", evidence: "招聘会签到表及照片" });
    await h.services.performance.recordActivity(staff, { kind: "GUIDANCE_REFERRAL", category: "技能培训", quantity: 15, occurredOn: "2026-06-08", evidence: "培训推荐名单" });
    await h.deliverDueEvents();
    expect((await result(venue.id))!.metrics).toMatchObject({ services: 120, recruitmentEvents: 1, guidanceReferrals: 15 });
    await expect(h.services.performance.recordActivity(staff, { kind: "RECRUITMENT_EVENT", category: "招聘会", quantity: 1, occurredOn: "2026-06-08", evidence: "没有人数" })).rejects.toMatchObject({ code: "BAD_USER_INPUT", reasons: [{ code: "ATTENDANCE_REQUIRED" }] });
    await expect(h.services.performance.recordActivity(staff, { kind: "SERVICE", category: "招聘会", quantity: 1, occurredOn: "2026-06-08", evidence: "类别不对" })).rejects.toMatchObject({ reasons: [{ code: "ACTIVITY_CATEGORY" }] });
    await expect(h.services.performance.recordActivity(staff, { kind: "SERVICE", category: "求职登记", quantity: 1, occurredOn: "2026-06-11", evidence: "明天的登记" })).rejects.toMatchObject({ reasons: [{ code: "DATE_IN_FUTURE" }] });
    const other = await insertVenue(h.deps.db, { regionCode: "350502" });
    await expect(h.services.performance.recordActivity(staff, { venueId: other.id, kind: "SERVICE", category: "求职登记", quantity: 1, occurredOn: "2026-06-08", evidence: "别的场所" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await h.deps.db.update(venueYearResults).set({ status: "FROZEN" }).where(and(eq(venueYearResults.venueId, venue.id), eq(venueYearResults.year, 2026)));
    await expect(h.services.performance.recordActivity(staff, { kind: "SERVICE", category: "求职登记", quantity: 1, occurredOn: "2026-06-08", evidence: "定格之后" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const audit = await h.deps.db.select().from(auditLog).where(eq(auditLog.action, "performance.record-activity"));
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it("the nightly reconcile recomputes from source rows, fixes drift and reports it; a second run finds none", async () => {
    const venue = await market();
    for (let i = 0; i < 3; i++) await emitPlacement(h.deps.db, { venueId: venue.id, workerId: worker, employerId: employer, paidAt: `2026-05-0${i + 1}T04:00:00.000Z` });
    await h.deliverDueEvents();
    const before = (await result(venue.id))!;
    await h.deps.db.update(venueYearMetrics).set({ placements: 999, goodRatings: 7 }).where(and(eq(venueYearMetrics.venueId, venue.id), eq(venueYearMetrics.year, 2026)));
    const run = await h.deps.db.transaction((tx) => h.services.performance.reconcile(tx, null));
    expect(run.drifted).toBeGreaterThanOrEqual(1);
    expect(run.details).toEqual(expect.arrayContaining([
      { venueId: venue.id, year: 2026, field: "placements", stored: 999, actual: 3 },
      { venueId: venue.id, year: 2026, field: "goodRatings", stored: 7, actual: 0 },
    ]));
    const after = (await result(venue.id))!;
    expect(after.metrics.placements).toBe(3);
    expect(after.scoreTenths).toBe(before.scoreTenths);
    const again = await h.deps.db.transaction((tx) => h.services.performance.reconcile(tx, null));
    expect(again.drifted).toBe(0);
  });

  it("the reconcile corrects counters by the difference it saw, so a placement counted after its snapshot is kept", async () => {
    const venue = await market();
    const zero = { ...repo.ZERO_COUNTERS };
    // The snapshot read 5 stored against 3 in the facts; one more placement was counted meanwhile (stored now 6).
    await repo.correctCounters(h.deps.db, venue.id, 2026, null, { ...zero, placements: 6 });
    await repo.correctCounters(h.deps.db, venue.id, 2026, { ...zero, placements: 5 }, { ...zero, placements: 3, ratings: 2 });
    expect(await repo.findCounters(h.deps.db, venue.id, 2026)).toMatchObject({ placements: 4, ratings: 2 });
  });

  it("the nightly schedule's event runs the reconcile through the job runner", async () => {
    const { fireSchedule } = await import("../../jobs/schedules.js");
    h.clock.set("2026-06-11T18:00:00Z"); // 02:00 Shanghai
    await fireSchedule(h.deps, "schedule.nightly");
    // Only the roll-up's consumer of the nightly tick (housekeeping's purge has its own tests).
    const ran = await h.deliverDueEvents({ ...JOB_HANDLERS, "housekeeping.purge-expired": async () => {} });
    expect(ran.find((r) => r.consumer === "performance.reconcile")?.outcome).toBe("done");
    const [runs] = await h.deps.db.execute<{ n: number }>(sql`select count(*)::int as n from performance_reconcile_runs where event_id is not null`);
    expect(runs!.n).toBe(1);
    h.clock.set("2026-06-10T02:00:00Z");
  });

  it("a placement row for an unknown venue fails the job (retried), counting nothing", async () => {
    const ghost = "00000000-0000-4000-8000-000000000001";
    const { payload, eventId } = await emitPlacement(h.deps.db, { venueId: ghost, workerId: worker, employerId: employer });
    await expect(runJob(h.deps, JOB_HANDLERS, { id: jobIdFor(eventId, "performance.record-placement"), name: "performance.record-placement", data: payload })).rejects.toThrow();
    const rows = await h.deps.db.select().from(performancePlacements).where(eq(performancePlacements.venueId, ghost));
    expect(rows).toEqual([]);
    await h.deps.db.execute(sql`update outbox set sent_at = now() where id = ${eventId}`);
  });
});
