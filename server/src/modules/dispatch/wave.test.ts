import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engagements, notifications, offers, outbox, tasks, userBlocks, workerProfiles } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { callerAs, insertEmployer, insertRecognizedVenue, insertWorker, insertWorkers, north, taskCommand, LICHENG, useDispatchLab } from "./dispatch.fixtures.js";
import type { PostTaskCommand } from "./task.service.js";

const H = 3_600_000;
const as = callerAs;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return "ok";
}

describe("waves of offers", () => {
  let h: ServiceHarness;
  let employer: Caller;
  let employerId: string;
  let dayOffset = 0;
  // Each test works in its own place (a skill of its own) and its own day, so tests do not see each other's workers.
  const skillFor = ["PORTER", "CLEANING", "HOUSEKEEPING", "ELECTRICIAN", "PLUMBER", "COOK", "KITCHEN_HELPER", "WAITER", "DELIVERY", "WAREHOUSE", "SEWING"];
  let skillIndex = 0;

  useDispatchLab((lab) => ({ h, employerId, employer } = lab));

  async function post(patch: Partial<PostTaskCommand> = {}) {
    const now = h.clock.now();
    const startsAt = new Date(now.getTime() + (30 + 24 * dayOffset++) * H);
    const task = await h.services.dispatch.postTask(employer, taskCommand(now, { startsAt, endsAt: new Date(startsAt.getTime() + 4 * H), ...patch }));
    return task;
  }
  const offersOf = (taskId: string) => h.deps.db.select().from(offers).where(eq(offers.taskId, taskId));
  const taskRow = async (id: string) => (await h.deps.db.select().from(tasks).where(eq(tasks.id, id)))[0]!;
  const nextSkill = () => skillFor[skillIndex++]!;

  it("the first wave offers the best-ranked 3 per seat, each offer with its score breakdown; out-of-reach, unverified, unavailable, under-skilled and blocked workers never get one", async () => {
    const skill = nextSkill();
    const near = await insertWorkers(h.deps.db, Array.from({ length: 8 }, (_, i) => ({ at: north(LICHENG, 500 + i * 300), skills: [[skill, 3]] as [string, number][] })));
    const [walkerFar, unverified, unavailable, novice, blocked, blocker] = await insertWorkers(h.deps.db, [
      { at: north(LICHENG, 5000), travelMode: "WALK", travelMinutes: 60, skills: [[skill, 5]] }, // walking reach 3.8 km
      { at: north(LICHENG, 200), verified: false, skills: [[skill, 5]] },
      { at: north(LICHENG, 200), available: false, skills: [[skill, 5]] },
      { at: north(LICHENG, 200), skills: [[skill, 1]] },
      { at: north(LICHENG, 100), skills: [[skill, 5]] },
      { at: north(LICHENG, 100), skills: [[skill, 5]] },
    ]);
    await h.deps.db.insert(userBlocks).values([
      { blockerId: employerId, blockedId: blocked! },
      { blockerId: blocker!, blockedId: employerId },
    ]);
    const task = await post({ skillCode: skill, requiredLevel: 2, headcount: 2 });
    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "task.posted", consumer: "dispatch.send-wave", outcome: "done" });
    const sent = await offersOf(task.id);
    expect(sent).toHaveLength(6);
    expect(sent.every((o) => near.includes(o.workerId) && o.wave === 1 && o.status === "OFFERED")).toBe(true);
    for (const excluded of [walkerFar, unverified, unavailable, novice, blocked, blocker]) expect(sent.map((o) => o.workerId)).not.toContain(excluded);
    const first = sent[0]!;
    expect(Object.keys(first.score).sort()).toEqual(["fairness", "priority", "proximity", "rating", "reliability", "skill", "total"]);
    expect(first.expiresAt).toEqual(new Date(h.clock.now().getTime() + 10 * 60_000));
    expect(first.expiryEventId).toBeTruthy();
    expect((await taskRow(task.id)).wave).toBe(1);
  });

  it("the CAR worker 20 km out is in reach, the same worker on foot is not: reach is computed per row", async () => {
    const skill = nextSkill();
    const [car, walker] = await insertWorkers(h.deps.db, [
      { at: north(LICHENG, 20_000), travelMode: "CAR", skills: [[skill, 3]] },
      { at: north(LICHENG, 20_000), travelMode: "WALK", skills: [[skill, 3]] },
    ]);
    const task = await post({ skillCode: skill, headcount: 1 });
    await h.deliverDueEvents();
    expect((await offersOf(task.id)).map((o) => o.workerId)).toEqual([car]);
    expect(walker).toBeTruthy();
    // The task's own limit narrows it: 30 minutes by car is 11.5 km.
    const task2 = await post({ skillCode: skill, headcount: 1, maxTravelMinutes: 30 });
    await h.deliverDueEvents();
    expect(await offersOf(task2.id)).toHaveLength(0);
    expect((await taskRow(task2.id)).manualDispatchAt).not.toBeNull();
  });

  it("expiry (by the settable clock) expires the wave and sends the next; after the last wave staff and employer are told to dispatch by hand", async () => {
    const skill = nextSkill();
    const venue = await insertRecognizedVenue(h.deps.db, { regionCode: "350502", ...north(LICHENG, 100) });
    const staff = await h.callerAs("VENUE_STAFF", { venueId: venue.id, regionCode: "350502" });
    await insertWorkers(h.deps.db, Array.from({ length: 10 }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const task = await h.services.dispatch.postTask(staff, { ...taskCommand(h.clock.now(), { skillCode: skill, headcount: 1 }), employerId, startsAt: new Date(h.clock.now().getTime() + 200 * H), endsAt: new Date(h.clock.now().getTime() + 204 * H) });
    await h.deliverDueEvents();
    expect((await offersOf(task.id)).filter((o) => o.wave === 1)).toHaveLength(3);

    h.clock.advance(9 * 60_000);
    await h.deliverDueEvents();
    expect((await offersOf(task.id)).filter((o) => o.status === "EXPIRED")).toHaveLength(0); // not yet due

    h.clock.advance(60_000);
    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "offer.expiry-due", consumer: "dispatch.expire-offers", outcome: "done" });
    let all = await offersOf(task.id);
    expect(all.filter((o) => o.status === "EXPIRED").map((o) => o.wave)).toEqual([1, 1, 1]);
    expect(all.filter((o) => o.status === "OFFERED").map((o) => o.wave)).toEqual([2, 2, 2]);

    h.clock.advance(10 * 60_000);
    await h.deliverDueEvents();
    h.clock.advance(10 * 60_000);
    await h.deliverDueEvents();
    all = await offersOf(task.id);
    expect(all.map((o) => o.status).every((s) => s === "EXPIRED")).toBe(true);
    expect(all).toHaveLength(9);
    const row = await taskRow(task.id);
    expect(row.wave).toBe(3);
    expect(row.manualDispatchAt).toEqual(h.clock.now());
    const told = await h.deps.db.select().from(notifications).where(eq(notifications.kind, "DISPATCH_MANUAL"));
    expect(told.filter((n) => n.userId === staff.userId)).toHaveLength(1);
    expect(told.map((n) => n.userId)).toContain(employerId);
  });

  it("a worker never holds more than K = 3 outstanding offers", async () => {
    const skill = nextSkill();
    const [only] = await insertWorkers(h.deps.db, [{ at: north(LICHENG, 400), skills: [[skill, 3]] }]);
    const posted: { id: string }[] = [];
    for (let i = 0; i < 5; i++) posted.push(await post({ skillCode: skill, headcount: 1, ...north(LICHENG, i * 300) }));
    await h.deliverDueEvents();
    const held = await h.deps.db.select({ n: count() }).from(offers).where(and(eq(offers.workerId, only!), eq(offers.status, "OFFERED")));
    expect(held[0]!.n).toBe(3);
  });

  it("accepting fills the task, withdraws the rest and cancels the wave's expiry; a decline sends the next wave once nothing is outstanding", async () => {
    const skill = nextSkill();
    const workers = await insertWorkers(h.deps.db, Array.from({ length: 6 }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const task = await post({ skillCode: skill, headcount: 1 });
    await h.deliverDueEvents();
    const wave1 = await offersOf(task.id);
    expect(wave1).toHaveLength(3);
    // Two decline: the third is still outstanding, so no new wave yet.
    await h.services.dispatch.declineOffer(as(wave1[0]!.workerId, "WORKER"), wave1[0]!.id);
    await h.services.dispatch.declineOffer(as(wave1[1]!.workerId, "WORKER"), wave1[1]!.id);
    await h.deliverDueEvents();
    expect(await offersOf(task.id)).toHaveLength(3);
    // Someone else's offer is not theirs to answer.
    expect(await codeOf(h.services.dispatch.acceptOffer(as(wave1[0]!.workerId, "WORKER"), wave1[2]!.id))).toMatch(/^NOT_FOUND/);
    await h.services.dispatch.declineOffer(as(wave1[2]!.workerId, "WORKER"), wave1[2]!.id);
    await h.deliverDueEvents();
    const wave2 = (await offersOf(task.id)).filter((o) => o.wave === 2);
    expect(wave2).toHaveLength(3);
    expect(wave2.every((o) => workers.includes(o.workerId) && !wave1.some((w) => w.workerId === o.workerId))).toBe(true);

    const engagement = await h.services.dispatch.acceptOffer(as(wave2[0]!.workerId, "WORKER"), wave2[0]!.id);
    expect(engagement).toMatchObject({ source: "OFFER", status: "ACTIVE", offerId: wave2[0]!.id });
    expect(await taskRow(task.id)).toMatchObject({ status: "FILLED", filledCount: 1 });
    const after = await offersOf(task.id);
    expect(after.filter((o) => o.wave === 2).map((o) => o.status).sort()).toEqual(["ACCEPTED", "WITHDRAWN", "WITHDRAWN"]);
    // The wave's expiry event was cancelled: moving past it changes nothing.
    const [expiry] = await h.deps.db.select().from(outbox).where(eq(outbox.id, wave2[0]!.expiryEventId!));
    expect(expiry!.cancelledAt).not.toBeNull();
    h.clock.advance(11 * 60_000);
    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "engagement.created", consumer: "notify.engagement-created", outcome: "done" });
    expect(await codeOf(h.services.dispatch.acceptOffer(as(wave2[1]!.workerId, "WORKER"), wave2[1]!.id))).toBe("CONFLICT: 岗位已满员或已关闭");
  });

  it("double booking is refused: a worker cannot take two tasks whose windows overlap", async () => {
    const skill = nextSkill();
    const [w] = await insertWorkers(h.deps.db, [{ at: north(LICHENG, 300), skills: [[skill, 3]] }]);
    const a = await post({ skillCode: skill, headcount: 2 });
    const b = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: skill, headcount: 2, startsAt: new Date(a.startsAt.getTime() + H), endsAt: new Date(a.endsAt.getTime() + H), ...north(LICHENG, 3000) }));
    await h.services.dispatch.takeTask(as(w!, "WORKER"), a.id);
    expect(await codeOf(h.services.dispatch.takeTask(as(w!, "WORKER"), b.id))).toBe("CONFLICT: 与您已接的其他岗位时间冲突");
    expect(await codeOf(h.services.dispatch.takeTask(as(w!, "WORKER"), a.id))).toMatch(/^CONFLICT/);
    expect((await taskRow(b.id)).filledCount).toBe(0);
    expect((await taskRow(a.id)).filledCount).toBe(1);
  });

  it("a withdrawal inside 24 h is late: counted, the seat reopens and a new wave backfills it", async () => {
    const skill = nextSkill();
    const workers = await insertWorkers(h.deps.db, Array.from({ length: 5 }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const now = h.clock.now();
    const task = await h.services.dispatch.postTask(employer, taskCommand(now, { skillCode: skill, headcount: 1, startsAt: new Date(now.getTime() + 20 * H), endsAt: new Date(now.getTime() + 22 * H) }));
    const engagement = await h.services.dispatch.takeTask(as(workers[0]!, "WORKER"), task.id);
    await h.deliverDueEvents(); // task.posted finds the task full: no wave
    expect(await offersOf(task.id)).toHaveLength(0);
    const withdrawn = await h.services.dispatch.withdrawEngagement(as(workers[0]!, "WORKER"), engagement.id, "家里有事");
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", late: true });
    const [profile] = await h.deps.db.select().from(workerProfiles).where(eq(workerProfiles.userId, workers[0]!));
    expect(profile!.lateWithdrawalCount).toBe(1);
    expect(await taskRow(task.id)).toMatchObject({ status: "OPEN", filledCount: 0 });
    await h.deliverDueEvents();
    const backfill = await offersOf(task.id);
    expect(backfill).toHaveLength(3);
    expect(backfill.map((o) => o.workerId)).not.toContain(workers[0]);
    expect((await h.deps.db.select({ n: count() }).from(engagements).where(eq(engagements.taskId, task.id)))[0]!.n).toBe(1);
  });

  it("'why this offer': the worker and staff in scope see the breakdown, the employer does not", async () => {
    const skill = nextSkill();
    const [w] = await insertWorkers(h.deps.db, [{ at: north(LICHENG, 300), skills: [[skill, 3]], gender: "FEMALE", birthDate: "1980-03-01" }]);
    const task = await post({ skillCode: skill, headcount: 1 });
    await h.deliverDueEvents();
    const [offer] = await offersOf(task.id);
    expect(offer!.score.priority).toBeGreaterThan(0); // 大龄: a woman of 46 on the task's date
    expect(await h.services.dispatch.canSeeScore(as(w!, "WORKER"), offer!)).toBe(true);
    expect(await h.services.dispatch.canSeeScore(employer, offer!)).toBe(false);
    const county = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    expect(await h.services.dispatch.canSeeScore(county, offer!)).toBe(true);
    const otherEmployer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    expect(await codeOf(h.services.dispatch.getOffer(otherEmployer, offer!.id))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.services.dispatch.getOffer(as(await insertWorker(h.deps.db), "WORKER"), offer!.id))).toMatch(/^NOT_FOUND/);
  });
});
