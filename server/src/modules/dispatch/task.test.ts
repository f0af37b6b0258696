import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, employerProfiles, outbox, tasks } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { insertEmployer, insertRecognizedVenue, insertWorker, north, taskCommand, LICHENG } from "./dispatch.fixtures.js";
import type { PostTaskCommand } from "./task.service.js";

const H = 3_600_000;

async function refusal(p: Promise<unknown>): Promise<{ code: string; reasons: string[]; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, reasons: err.reasons.map((r) => r.code), message: err.message };
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("tasks: posting, cancelling, reading", () => {
  let h: ServiceHarness;
  let employer: Caller & { userId: string };
  let venueId: string;
  beforeAll(async () => {
    h = await createServiceHarness();
    const venue = await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
    venueId = venue.id;
    const user = await insertEmployer(h.deps.db);
    employer = { userId: user.id, actor: { userId: user.id, role: "EMPLOYER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } };
  });
  afterAll(() => h?.close());

  const rows = async () => (await h.deps.db.select({ n: count() }).from(tasks))[0]!.n;
  const events = async () => (await h.deps.db.select({ n: count() }).from(outbox))[0]!.n;

  it("an employer posts a task: brokered by the nearest recognised venue, flagged for a long part-time day, task.posted emitted", async () => {
    const now = h.clock.now();
    const task = await h.services.dispatch.postTask(employer, taskCommand(now, { endsAt: new Date(now.getTime() + 32 * H) }));
    expect(task).toMatchObject({ status: "OPEN", venueId, employerId: employer.userId, postedBy: employer.userId, filledCount: 0, wave: 0 });
    expect(task.flags.map((f) => f.code)).toEqual(["PART_TIME_DAILY_HOURS"]);
    const [event] = await h.deps.db.select().from(outbox).where(eq(outbox.name, "task.posted"));
    expect(event!.payload).toEqual({ taskId: task.id });
  });

  it.each<[string, (now: Date) => Partial<PostTaskCommand>, string, string]>([
    ["a window in the past", (now) => ({ startsAt: new Date(now.getTime() - 2 * H), endsAt: new Date(now.getTime() + H) }), "BAD_USER_INPUT", "TASK_START_IN_PAST"],
    ["an end before the start", (now) => ({ endsAt: new Date(now.getTime() + 20 * H) }), "BAD_USER_INPUT", "TASK_END_BEFORE_START"],
    ["headcount 0", () => ({ headcount: 0 }), "BAD_USER_INPUT", "TASK_HEADCOUNT"],
    ["headcount 501", () => ({ headcount: 501 }), "BAD_USER_INPUT", "TASK_HEADCOUNT"],
    ["negative pay", () => ({ payRateFen: -100 }), "BAD_USER_INPUT", "TASK_PAY_INVALID"],
    ["hourly pay below 20.50 yuan", () => ({ payRateFen: 2000 }), "BAD_USER_INPUT", "PAY_BELOW_MINIMUM_WAGE"],
    ["a day's pay below 4 h × 20.50", () => ({ payUnit: "DAY", payRateFen: 8000 }), "BAD_USER_INPUT", "PAY_BELOW_MINIMUM_WAGE"],
    ["an unknown skill", () => ({ skillCode: "ASTRONAUT" }), "BAD_USER_INPUT", "SKILL_UNKNOWN"],
    ["a place in Beijing", () => ({ lat: 39.9, lng: 116.4 }), "BAD_USER_INPUT", "TASK_OUTSIDE_QUANZHOU"],
    ["an unknown region", () => ({ regionCode: "110101" }), "BAD_USER_INPUT", "REGION_UNKNOWN"],
    ["a blank title", () => ({ title: "   " }), "BAD_USER_INPUT", "TEXT_REQUIRED"],
  ])("%s is refused (%s %s) and writes nothing", async (_name, patch, code, reason) => {
    const [before, beforeEvents] = [await rows(), await events()];
    const r = await refusal(h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), patch(h.clock.now()))));
    expect(r).toMatchObject({ code });
    expect(r.reasons).toContain(reason);
    expect([await rows(), await events()]).toEqual([before, beforeEvents]);
  });

  it("the minimum-wage refusal names the figure", async () => {
    const r = await refusal(h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { payRateFen: 2000 })));
    expect(r.message).toContain("20.50");
    // Piece rates are checked at settlement against hours worked, not here.
    await expect(h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { payUnit: "PIECE", payRateFen: 50, lat: north(LICHENG, 5000).lat }))).resolves.toMatchObject({ payUnit: "PIECE" });
  });

  it("the same task posted twice (same skill, within 100 m, overlapping window) is a CONFLICT; 2 km away it is a new task", async () => {
    const cmd = taskCommand(h.clock.now(), { startsAt: new Date(h.clock.now().getTime() + 48 * H), endsAt: new Date(h.clock.now().getTime() + 52 * H) });
    await h.services.dispatch.postTask(employer, cmd);
    const r = await refusal(h.services.dispatch.postTask(employer, { ...cmd, ...north(cmd, 50), startsAt: new Date(cmd.startsAt.getTime() + H) }));
    expect(r).toMatchObject({ code: "CONFLICT", reasons: ["TASK_DUPLICATE"] });
    await expect(h.services.dispatch.postTask(employer, { ...cmd, ...north(cmd, 2000) })).resolves.toMatchObject({ status: "OPEN" });
  });

  it("venue staff post for an employer: brokered by their venue, marked and audited as a proxy post", async () => {
    const other = await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
    const staff = await h.callerAs("VENUE_STAFF", { venueId: other.id, regionCode: "350502" });
    const task = await h.services.dispatch.postTask(staff, { ...taskCommand(h.clock.now(), north(LICHENG, 8000)), employerId: employer.userId });
    expect(task).toMatchObject({ venueId: other.id, postedBy: staff.userId, employerId: employer.userId });
    const [audit] = await h.deps.db.select().from(auditLog).where(eq(auditLog.entityId, task.id));
    expect(audit).toMatchObject({ action: "task.post-by-proxy", actorId: staff.userId });
    // Staff must say for whom.
    expect(await refusal(h.services.dispatch.postTask(staff, taskCommand(h.clock.now())))).toMatchObject({ code: "BAD_USER_INPUT", reasons: ["EMPLOYER_REQUIRED"] });
  });

  it("scope: another employer's task is NOT_FOUND, staff of another venue FORBIDDEN, officers of the county see it", async () => {
    const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), north(LICHENG, 12_000)));
    const stranger = await insertEmployer(h.deps.db);
    const strangerCaller: Caller = { actor: { userId: stranger.id, role: "EMPLOYER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } };
    expect(await refusal(h.services.dispatch.getTask(strangerCaller, task.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(h.services.dispatch.cancelTask(strangerCaller, task.id, "不需要了"))).toMatchObject({ code: "NOT_FOUND" });
    const elsewhere = await insertRecognizedVenue(h.deps.db, { regionCode: "350503" });
    const staff = await h.callerAs("VENUE_STAFF", { venueId: elsewhere.id, regionCode: "350503" });
    expect(await refusal(h.services.dispatch.getTask(staff, task.id))).toMatchObject({ code: "FORBIDDEN" });
    const otherCounty = await h.callerAs("COUNTY_OFFICER", { regionCode: "350503" });
    expect(await refusal(h.services.dispatch.getTask(otherCounty, task.id))).toMatchObject({ code: "FORBIDDEN" });
    const county = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    await expect(h.services.dispatch.getTask(county, task.id)).resolves.toMatchObject({ id: task.id });
    const listed = await h.services.dispatch.listTasks(otherCounty, { limit: 50, offset: 0 });
    expect(listed.items.map((t) => t.id)).not.toContain(task.id);
    const mine = await h.services.dispatch.myTasks(employer, { limit: 100, offset: 0 });
    expect(mine.items.map((t) => t.id)).toContain(task.id);
  });

  it("cancelling inside 24 h after someone accepted is a late cancellation: counted, engagements cancelled", async () => {
    const now = h.clock.now();
    const task = await h.services.dispatch.postTask(employer, taskCommand(now, { ...north(LICHENG, 3000), startsAt: new Date(now.getTime() + 10 * H), endsAt: new Date(now.getTime() + 12 * H), headcount: 2 }));
    const workerId = await insertWorker(h.deps.db, { at: north(LICHENG, 3500) });
    const worker: Caller = { actor: { userId: workerId, role: "WORKER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } };
    const engagement = await h.services.dispatch.takeTask(worker, task.id);
    const [before] = await h.deps.db.select().from(employerProfiles).where(eq(employerProfiles.userId, employer.userId));
    expect(await refusal(h.services.dispatch.cancelTask(employer, task.id, " "))).toMatchObject({ code: "BAD_USER_INPUT" });
    const cancelled = await h.services.dispatch.cancelTask(employer, task.id, "客户取消订单");
    expect(cancelled).toMatchObject({ status: "CANCELLED", lateCancellation: true, cancelReason: "客户取消订单" });
    const [after] = await h.deps.db.select().from(employerProfiles).where(eq(employerProfiles.userId, employer.userId));
    expect(after!.lateCancelCount).toBe(before!.lateCancelCount + 1);
    await expect(h.services.dispatch.getEngagement(worker, engagement.id)).resolves.toMatchObject({ status: "CANCELLED" });
    expect(await refusal(h.services.dispatch.cancelTask(employer, task.id, "再取消一次"))).toMatchObject({ code: "PRECONDITION_FAILED" });
    // The worker is told, through the real event path.
    await h.deliverDueEvents();
    const notes = await h.services.notifications.myNotifications(worker, 10);
    expect(notes.map((n) => n.kind)).toContain("TASK_CANCELLED");
  });
});
