// editTask on the service harness: the rules before and after acceptance, the minimum wage, scope, live
// taskUpdated through Redis, and a headcount cut racing accepts (never overfilled, one side refused).
import { and, count, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, offers, tasks } from "../../db/schema/index.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { callerAs, codeOf, insertEmployer, insertRecognizedVenue, insertWorkers, north, taskCommand, LICHENG } from "./dispatch.fixtures.js";
import { LIVE_TOPICS } from "./live.js";
import type { PostTaskCommand } from "./task.service.js";

const H = 3_600_000;
const as = callerAs;

describe("editing a task with rules", () => {
  let h: ServiceHarness;
  let employer: Caller;
  let venueId: string;
  let day = 0;
  const skills = ["ELECTRICIAN", "PLUMBER", "KITCHEN_HELPER", "HOUSEKEEPING", "CLEANING", "PORTER"];

  beforeAll(async () => {
    h = await createServiceHarness();
    venueId = (await insertRecognizedVenue(h.deps.db, { regionCode: "350502" })).id;
    employer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
  });
  afterAll(() => h?.close());

  /** A task on its own day and skill with `n` eligible workers near it. */
  async function setup(patch: Partial<PostTaskCommand> = {}, n = 6) {
    const skill = skills[day % skills.length]!;
    const now = h.clock.now();
    const startsAt = new Date(now.getTime() + (30 + 24 * day++) * H);
    const workers = await insertWorkers(h.deps.db, Array.from({ length: n }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const task = await h.services.dispatch.postTask(employer, taskCommand(now, { skillCode: skill, startsAt, endsAt: new Date(startsAt.getTime() + 4 * H), ...patch }));
    return { task, workers };
  }
  const taskRow = async (id: string) => (await h.deps.db.select().from(tasks).where(eq(tasks.id, id)))[0]!;
  const offersOf = (taskId: string) => h.deps.db.select().from(offers).where(eq(offers.taskId, taskId));
  const edits = async (id: string) => (await h.deps.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "task.edit"))))[0]!.n;

  it("before anyone accepted: new pay and window withdraw the old offers and start the waves again; sub-minimum pay and bad input change nothing", async () => {
    const { task } = await setup({ headcount: 1 });
    await h.deliverDueEvents();
    const first = await offersOf(task.id);
    expect(first).toHaveLength(3);

    // Refusals first: each leaves the row, the offers and the audit log as they were.
    const refusals = await Promise.all([
      codeOf(h.services.dispatch.editTask(employer, task.id, { payRateFen: 100 })), // below 鲤城区's hourly minimum
      codeOf(h.services.dispatch.editTask(employer, task.id, { payRateFen: -5 })),
      codeOf(h.services.dispatch.editTask(employer, task.id, { headcount: 501 })),
      codeOf(h.services.dispatch.editTask(employer, task.id, { endsAt: new Date(task.startsAt.getTime() - H) })),
      codeOf(h.services.dispatch.editTask(employer, task.id, { lat: 31.2, lng: 121.5 })),
      codeOf(h.services.dispatch.editTask(employer, task.id, { description: "长".repeat(5000) })),
      codeOf(h.services.dispatch.editTask(employer, task.id, { skillCode: "ASTRONAUT" })),
    ]);
    expect(refusals).toEqual([
      "BAD_USER_INPUT:PAY_BELOW_MINIMUM_WAGE",
      "BAD_USER_INPUT:TASK_PAY_INVALID",
      "BAD_USER_INPUT:TASK_HEADCOUNT",
      "BAD_USER_INPUT:TASK_END_BEFORE_START",
      "BAD_USER_INPUT:TASK_OUTSIDE_QUANZHOU",
      expect.stringMatching(/^BAD_USER_INPUT/),
      "BAD_USER_INPUT:SKILL_UNKNOWN",
    ]);
    expect(await taskRow(task.id)).toMatchObject({ payRateFen: task.payRateFen, headcount: 1, wave: 1 });
    expect(await edits(task.id)).toBe(0);

    const startsAt = new Date(task.startsAt.getTime() + 2 * H);
    const edited = await h.services.dispatch.editTask(employer, task.id, { payRateFen: 3200, startsAt, endsAt: new Date(startsAt.getTime() + 6 * H) });
    expect(edited).toMatchObject({ payRateFen: 3200, startsAt, wave: 0, status: "OPEN" });
    expect(edited.flags.map((f) => f.code)).toEqual(["PART_TIME_DAILY_HOURS"]);
    const after = await offersOf(task.id);
    expect(after.every((o) => o.status === "WITHDRAWN")).toBe(true);
    await h.deliverDueEvents();
    const fresh = (await offersOf(task.id)).filter((o) => o.status === "OFFERED");
    expect(fresh).toHaveLength(3);
    expect(fresh.every((o) => o.wave === 1 && !first.some((f) => f.workerId === o.workerId))).toBe(true);
    const [audit] = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, task.id), eq(auditLog.action, "task.edit")));
    expect(audit!.after).toMatchObject({ payRateFen: 3200, changed: ["startsAt", "endsAt", "payRateFen"], proxy: false });
    expect(audit!.before).toMatchObject({ payRateFen: task.payRateFen });

    // The same values again: nothing to change, nothing audited.
    await h.services.dispatch.editTask(employer, task.id, { payRateFen: 3200, startsAt });
    expect(await edits(task.id)).toBe(1);
  });

  it("after an accept: pay, window, place and skill are locked, the description and headcount are not; a full task reopens with a wave; watchers hear of it", async () => {
    const { task, workers } = await setup({ headcount: 1 });
    await h.services.dispatch.takeTask(as(workers[5]!, "WORKER"), task.id);
    await h.deliverDueEvents();
    expect((await taskRow(task.id)).status).toBe("FILLED");

    expect(await codeOf(h.services.dispatch.editTask(employer, task.id, { payRateFen: task.payRateFen + 500 }))).toBe("BAD_USER_INPUT:TASK_FIELD_LOCKED");
    expect(await codeOf(h.services.dispatch.editTask(employer, task.id, { startsAt: new Date(task.startsAt.getTime() + H), ...north(LICHENG, 2000) }))).toBe(
      "BAD_USER_INPUT:TASK_FIELD_LOCKED,TASK_FIELD_LOCKED",
    );
    expect(await codeOf(h.services.dispatch.editTask(employer, task.id, { headcount: 0 }))).toMatch(/^BAD_USER_INPUT:.*TASK_HEADCOUNT_BELOW_TAKEN/);

    const sub = new Redis(h.env.config.redisUrl);
    const heard: string[] = [];
    sub.on("message", (_channel, message: string) => heard.push(message));
    await sub.subscribe(`${LIVE_TOPICS.taskUpdated}:${task.id}`);
    try {
      const edited = await h.services.dispatch.editTask(employer, task.id, { description: "请穿劳保鞋", headcount: 3 });
      expect(edited).toMatchObject({ description: "请穿劳保鞋", headcount: 3, filledCount: 1, status: "OPEN" });
      for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard.map((m) => JSON.parse(m))).toContainEqual({ taskId: task.id });
    } finally {
      sub.disconnect();
    }
    await h.deliverDueEvents();
    const wave = (await offersOf(task.id)).filter((o) => o.status === "OFFERED");
    expect(wave).toHaveLength(6 - 1); // min(3 × 2 open seats, 20) = 6, but only 5 other workers are near
    // Down to the seats taken: full again, the outstanding offers withdrawn.
    const cut = await h.services.dispatch.editTask(employer, task.id, { headcount: 1 });
    expect(cut).toMatchObject({ headcount: 1, status: "FILLED" });
    expect((await offersOf(task.id)).filter((o) => o.status === "OFFERED")).toHaveLength(0);
  });

  it("another employer, a worker, and staff of another venue cannot edit; staff of the brokering venue can (marked as proxy)", async () => {
    const { task } = await setup({ headcount: 2 });
    const other = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const otherVenue = await insertRecognizedVenue(h.deps.db, { regionCode: "350503", lat: 24.93, lng: 118.62 });
    const foreignStaff = await h.callerAs("VENUE_STAFF", { venueId: otherVenue.id, regionCode: "350503" });
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    expect(await codeOf(h.services.dispatch.editTask(other, task.id, { description: "改掉" }))).toBe("NOT_FOUND:");
    expect(await codeOf(h.services.dispatch.editTask(as(task.employerId, "WORKER"), task.id, { description: "改掉" }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(h.services.dispatch.editTask(foreignStaff, task.id, { description: "改掉" }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(h.services.dispatch.editTask(employer, "00000000-0000-4000-8000-000000000000", { description: "改掉" }))).toBe("NOT_FOUND:");
    expect((await taskRow(task.id)).description).toBe(task.description);
    await h.services.dispatch.editTask(staff, task.id, { description: "驿站代改：请提前10分钟到" });
    const [audit] = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, task.id), eq(auditLog.action, "task.edit")));
    expect(audit).toMatchObject({ actorId: staff.userId, actorRole: "VENUE_STAFF" });
    expect(audit!.after).toMatchObject({ proxy: true, changed: ["description"] });
  });

  it("a headcount cut racing accepts never overfills: either the cut or the accept is refused", async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      const { task, workers } = await setup({ headcount: 3 }, 3);
      await h.services.dispatch.takeTask(as(workers[0]!, "WORKER"), task.id);
      await h.services.dispatch.takeTask(as(workers[1]!, "WORKER"), task.id);
      // Seats taken 2 of 3: the third accept and a cut to 2 arrive at once.
      const [accept, cut] = await Promise.all([
        codeOf(h.services.dispatch.takeTask(as(workers[2]!, "WORKER"), task.id)),
        codeOf(h.services.dispatch.editTask(employer, task.id, { headcount: 2 })),
      ]);
      const row = await taskRow(task.id);
      expect(row.filledCount).toBeLessThanOrEqual(row.headcount);
      if (accept === "ok") {
        expect(cut).toBe("BAD_USER_INPUT:TASK_HEADCOUNT_BELOW_TAKEN");
        expect(row).toMatchObject({ headcount: 3, filledCount: 3, status: "FILLED" });
      } else {
        expect([accept, cut]).toEqual(["CONFLICT:TASK_FULL_OR_CLOSED", "ok"]);
        expect(row).toMatchObject({ headcount: 2, filledCount: 2, status: "FILLED" });
      }
      outcomes.push(accept === "ok" ? "accept" : "cut");
    }
    expect(outcomes).toHaveLength(6);
  });
});
