// 到岗确认 on the service harness: the reminder and the deadline are delayed outbox events delivered by the
// settable clock (no sleeping); an unconfirmed seat is released, counted and backfilled by a new wave.
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, engagements, notifications, offers, outbox, tasks, workerProfiles } from "../../db/schema/index.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { callerAs, codeOf, insertEmployer, insertRecognizedVenue, insertWorkers, north, taskCommand, LICHENG } from "./dispatch.fixtures.js";

const H = 3_600_000;
const as = callerAs;

describe("reconfirmation before the start (到岗确认)", () => {
  let h: ServiceHarness;
  let employer: Caller;
  let day = 0;
  const skills = ["COOK", "WAITER", "DELIVERY", "WAREHOUSE", "SEWING"];

  beforeAll(async () => {
    h = await createServiceHarness();
    await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
    employer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
  });
  afterAll(() => h?.close());

  /** A one-seat task starting `hoursAhead` from now (each test on its own day and skill), with `n` workers near it. */
  async function setup(hoursAhead: number, n = 4) {
    const skill = skills[day]!;
    const now = h.clock.now();
    const startsAt = new Date(now.getTime() + (hoursAhead + 24 * 7 * day++) * H);
    const workers = await insertWorkers(h.deps.db, Array.from({ length: n }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const task = await h.services.dispatch.postTask(employer, taskCommand(now, { skillCode: skill, headcount: 1, startsAt, endsAt: new Date(startsAt.getTime() + 4 * H) }));
    return { task, workers, startsAt };
  }
  const engagementRow = async (id: string) => (await h.deps.db.select().from(engagements).where(eq(engagements.id, id)))[0]!;
  const taskRow = async (id: string) => (await h.deps.db.select().from(tasks).where(eq(tasks.id, id)))[0]!;
  const noticesOf = (userId: string, kind: string) => h.deps.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  const audits = async (entityId: string, action: string) => (await h.deps.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action))))[0]!.n;

  it("accepting schedules a reminder 12 h and a deadline 2 h before the start; the confirmed worker keeps the seat past the deadline", async () => {
    const { task, workers, startsAt } = await setup(40);
    const worker = as(workers[0]!, "WORKER");
    const engagement = await h.services.dispatch.takeTask(worker, task.id);
    expect(engagement).toMatchObject({ status: "ACTIVE", confirmedAt: null });
    expect(h.services.dispatch.confirmByOf(engagement)).toEqual(new Date(startsAt.getTime() - 2 * H));
    const scheduled = await h.deps.db
      .select()
      .from(outbox)
      .where(inArray(outbox.name, ["engagement.reconfirm-reminder-due", "engagement.reconfirm-deadline-due"]));
    const mine = scheduled.filter((e) => (e.payload as { engagementId: string }).engagementId === engagement.id);
    expect(mine.map((e) => [e.name, e.runAt])).toEqual([
      ["engagement.reconfirm-reminder-due", new Date(startsAt.getTime() - 12 * H)],
      ["engagement.reconfirm-deadline-due", new Date(startsAt.getTime() - 2 * H)],
    ]);

    await h.deliverDueEvents();
    expect(await noticesOf(workers[0]!, "RECONFIRM_REMINDER")).toHaveLength(0); // not due yet
    h.clock.set(new Date(startsAt.getTime() - 12 * H));
    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "engagement.reconfirm-reminder-due", consumer: "notify.remind-reconfirm", outcome: "done" });
    const [reminder] = await noticesOf(workers[0]!, "RECONFIRM_REMINDER");
    expect(reminder!.title).toContain(task.title);

    // Two taps at once: one confirmation, one audit row, the same time on both answers.
    const [a, b] = await Promise.all([h.services.dispatch.confirmEngagement(worker, engagement.id), h.services.dispatch.confirmEngagement(worker, engagement.id)]);
    expect(a.status).toBe("CONFIRMED");
    expect(b.confirmedAt).toEqual(a.confirmedAt);
    expect(await audits(engagement.id, "engagement.reconfirm")).toBe(1);

    h.clock.set(new Date(startsAt.getTime() - 2 * H));
    await h.deliverDueEvents();
    expect(await engagementRow(engagement.id)).toMatchObject({ status: "CONFIRMED", late: false });
    expect(await taskRow(task.id)).toMatchObject({ status: "FILLED", filledCount: 1 });
    expect(await audits(engagement.id, "engagement.release-unconfirmed")).toBe(0);
  });

  it("no confirmation by the deadline: released as a late withdrawal, counted, told, and a new wave backfills the seat (whose taker is confirmed at once)", async () => {
    const { task, workers, startsAt } = await setup(30);
    const absent = workers[0]!;
    const engagement = await h.services.dispatch.takeTask(as(absent, "WORKER"), task.id);
    await h.deliverDueEvents();

    // Someone else's engagement, the employer, a missed deadline: refused, nothing changes.
    expect(await codeOf(h.services.dispatch.confirmEngagement(as(workers[1]!, "WORKER"), engagement.id))).toBe("NOT_FOUND:");
    expect(await codeOf(h.services.dispatch.confirmEngagement(employer, engagement.id))).toMatch(/^FORBIDDEN/);
    h.clock.set(new Date(startsAt.getTime() - 2 * H + 60_000)); // past the deadline, before its job ran
    expect(await codeOf(h.services.dispatch.confirmEngagement(as(absent, "WORKER"), engagement.id))).toBe("PRECONDITION_FAILED:RECONFIRM_DEADLINE_PASSED");
    expect(await engagementRow(engagement.id)).toMatchObject({ status: "ACTIVE", confirmedAt: null });

    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "engagement.reconfirm-deadline-due", consumer: "dispatch.release-unconfirmed", outcome: "done" });
    expect(ran).toContainEqual({ event: "engagement.withdrawn", consumer: "dispatch.backfill-seat", outcome: "done" });
    expect(await engagementRow(engagement.id)).toMatchObject({ status: "WITHDRAWN", late: true, endReason: "未在开工前2小时确认到岗，名额已释放" });
    const [profile] = await h.deps.db.select().from(workerProfiles).where(eq(workerProfiles.userId, absent));
    expect(profile!.lateWithdrawalCount).toBe(1);
    expect(await noticesOf(absent, "RECONFIRM_MISSED")).toHaveLength(1);
    const [audit] = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, engagement.id), eq(auditLog.action, "engagement.release-unconfirmed")));
    expect(audit!.actorRole).toBe("SYSTEM");

    const backfill = await h.deps.db.select().from(offers).where(eq(offers.taskId, task.id));
    expect(backfill.length).toBe(3);
    expect(backfill.map((o) => o.workerId)).not.toContain(absent);
    expect(await taskRow(task.id)).toMatchObject({ status: "OPEN", filledCount: 0 });
    expect(await codeOf(h.services.dispatch.confirmEngagement(as(absent, "WORKER"), engagement.id))).toBe("PRECONDITION_FAILED:ENGAGEMENT_NOT_ACTIVE");

    // Inside the deadline there is no time left to ask again: the accept is the confirmation, nothing is scheduled.
    const taker = await h.services.dispatch.acceptOffer(as(backfill[0]!.workerId, "WORKER"), backfill[0]!.id);
    expect(taker).toMatchObject({ status: "CONFIRMED", confirmedAt: h.clock.now() });
    const forTaker = (await h.deps.db.select().from(outbox).where(eq(outbox.name, "engagement.reconfirm-deadline-due"))).filter(
      (e) => (e.payload as { engagementId: string }).engagementId === taker.id,
    );
    expect(forTaker).toHaveLength(0);
    // Delivering the same deadline again (a retry) changes nothing more.
    await h.deliverDueEvents();
    const [again] = await h.deps.db.select().from(workerProfiles).where(eq(workerProfiles.userId, absent));
    expect(again!.lateWithdrawalCount).toBe(1);
  });

  it("after a withdrawal or a cancellation, the reminder and the deadline find nothing to do", async () => {
    const { task, workers, startsAt } = await setup(30);
    const withdrawer = await h.services.dispatch.takeTask(as(workers[0]!, "WORKER"), task.id);
    await h.services.dispatch.withdrawEngagement(as(workers[0]!, "WORKER"), withdrawer.id, null);
    const second = await setup(30);
    const cancelled = await h.services.dispatch.takeTask(as(second.workers[0]!, "WORKER"), second.task.id);
    await h.services.dispatch.cancelTask(employer, second.task.id, "订单取消");
    h.clock.set(new Date(Math.max(startsAt.getTime(), second.startsAt.getTime()) - 2 * H));
    await h.deliverDueEvents();
    expect(await noticesOf(workers[0]!, "RECONFIRM_REMINDER")).toHaveLength(0);
    expect(await noticesOf(second.workers[0]!, "RECONFIRM_REMINDER")).toHaveLength(0);
    expect((await engagementRow(withdrawer.id)).status).toBe("WITHDRAWN");
    expect((await engagementRow(cancelled.id)).status).toBe("CANCELLED");
    expect(await audits(withdrawer.id, "engagement.release-unconfirmed")).toBe(0);
    expect(await audits(cancelled.id, "engagement.release-unconfirmed")).toBe(0);
  });
});
