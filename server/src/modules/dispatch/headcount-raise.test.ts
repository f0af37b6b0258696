// A headcount raise is new demand: the new seats get a fresh round of waves, even after the earlier rounds
// ran out (people were told to dispatch by hand) or the task was full and its offers withdrawn. Settable
// clock, real outbox and jobs; workers already offered the task are never offered again, K still holds.
import { randomUUID } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engagements, outbox } from "../../db/schema/index.js";
import { type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { callerAs, codeOf, insertWorkers, north, taskCommand, LICHENG, waveReads, useDispatchLab } from "./dispatch.fixtures.js";
import type { PostTaskCommand } from "./task.service.js";

const H = 3_600_000;
const MIN = 60_000;
const as = callerAs;

describe("raising the headcount sends a wave for the new seats", () => {
  let h: ServiceHarness;
  let employer: Caller;
  let employerId: string;
  let day = 0;
  // Each test has a skill and a day of its own, so tests do not see each other's workers or offers.
  const skills = ["WAREHOUSE", "SEWING", "COOK", "WAITER"];

  useDispatchLab((lab) => ({ h, employerId, employer } = lab));

  async function post(skill: string, patch: Partial<PostTaskCommand> = {}) {
    const now = h.clock.now();
    const startsAt = new Date(now.getTime() + (30 + 24 * day++) * H);
    return h.services.dispatch.postTask(employer, taskCommand(now, { skillCode: skill, startsAt, endsAt: new Date(startsAt.getTime() + 4 * H), ...patch }));
  }
  const { offersOf, outstanding, taskRow, heldBy, manualNotices } = waveReads(() => ({ db: h.deps.db, employerId }));

  it("after the waves ran out: a raise sends a fresh round to workers not offered yet (one at K offers only once theirs expire), and hands back to people when that round runs out too", async () => {
    const skill = skills[0]!;
    // Nine near workers take the first three waves; five further out are left, one of whom (the last) will hold K offers elsewhere.
    const near = await insertWorkers(h.deps.db, Array.from({ length: 9 }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const later = await insertWorkers(h.deps.db, Array.from({ length: 4 }, (_, i) => ({ at: north(LICHENG, 3000 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    // The only plumber around: the plumbing tasks below all go to them.
    const busy = (await insertWorkers(h.deps.db, [{ at: north(LICHENG, 3400), skills: [[skill, 3], ["PLUMBER", 3]] }]))[0]!;
    const task = await post(skill, { headcount: 1, title: "鞋厂仓库理货" });
    await h.deliverDueEvents();
    for (let i = 0; i < 3; i++) {
      h.clock.advance(10 * MIN);
      await h.deliverDueEvents();
    }
    const exhausted = await taskRow(task.id);
    expect(exhausted).toMatchObject({ wave: 3, status: "OPEN", waveRoundStart: 0 });
    expect(exhausted.manualDispatchAt).toEqual(h.clock.now());
    const offeredBefore = (await offersOf(task.id)).map((o) => o.workerId).sort();
    expect(offeredBefore).toEqual([...near].sort());
    expect(await manualNotices("鞋厂仓库理货")).toHaveLength(1);

    // The busy worker gets K = 3 offers of plumbing tasks near their home (posted now, still outstanding).
    for (let i = 0; i < 3; i++) await post("PLUMBER", { headcount: 1, ...north(LICHENG, 3400 + i * 300) });
    await h.deliverDueEvents();
    expect(await heldBy(busy)).toBe(3);

    const raised = await h.services.dispatch.editTask(employer, task.id, { headcount: 2 });
    expect(raised).toMatchObject({ headcount: 2, status: "OPEN", waveRoundStart: 3, manualDispatchAt: null });
    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "task.edited", consumer: "dispatch.send-wave-after-edit", outcome: "done" });
    const fresh = await outstanding(task.id);
    // min(3 × 2 open seats, 20) = 6 wanted; 5 not yet offered, less the one at K.
    expect(fresh.map((o) => o.workerId).sort()).toEqual([...later].sort());
    expect(fresh.every((o) => o.wave === 4 && !offeredBefore.includes(o.workerId))).toBe(true);
    expect(await heldBy(busy)).toBe(3);
    expect((await taskRow(task.id)).wave).toBe(4);

    // Nobody answers. By then the busy worker's offers have expired too, so the next wave of the round offers them.
    h.clock.advance(10 * MIN);
    await h.deliverDueEvents();
    expect((await outstanding(task.id)).map((o) => [o.workerId, o.wave])).toEqual([[busy, 5]]);
    // That runs out too and nobody is left: people are told again.
    h.clock.advance(10 * MIN);
    await h.deliverDueEvents();
    const after = await taskRow(task.id);
    expect(after.manualDispatchAt).toEqual(h.clock.now());
    expect((await outstanding(task.id)).length).toBe(0);
    expect(await manualNotices("鞋厂仓库理货")).toHaveLength(2);
  });

  it("a full task whose offers were withdrawn: a raise reopens it and sends exactly one new wave, to workers never offered it", async () => {
    const skill = skills[1]!;
    const workers = await insertWorkers(h.deps.db, Array.from({ length: 14 }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const task = await post(skill, { headcount: 2 });
    await h.deliverDueEvents();
    const wave1 = await offersOf(task.id);
    expect(wave1).toHaveLength(6);
    await h.services.dispatch.acceptOffer(as(wave1[0]!.workerId, "WORKER"), wave1[0]!.id);
    await h.services.dispatch.acceptOffer(as(wave1[1]!.workerId, "WORKER"), wave1[1]!.id);
    expect(await taskRow(task.id)).toMatchObject({ status: "FILLED", filledCount: 2 });
    expect((await offersOf(task.id)).filter((o) => o.status === "WITHDRAWN")).toHaveLength(4);
    await h.deliverDueEvents();

    const raised = await h.services.dispatch.editTask(employer, task.id, { headcount: 4 });
    expect(raised).toMatchObject({ status: "OPEN", headcount: 4, filledCount: 2, waveRoundStart: 1 });
    await h.deliverDueEvents();
    const wave2 = await outstanding(task.id);
    expect(wave2).toHaveLength(6); // min(3 × 2 new seats, 20)
    expect(wave2.every((o) => o.wave === 2 && workers.includes(o.workerId) && !wave1.some((w) => w.workerId === o.workerId))).toBe(true);
    // Delivering again (a redelivered job) sends nothing more: one wave, not two.
    await h.services.dispatch.sendWave(task.id, randomUUID());
    await h.deliverDueEvents();
    expect(await outstanding(task.id)).toHaveLength(6);
    expect((await taskRow(task.id)).wave).toBe(2);
  });

  it("a raise of a task still in its waves tops up the outstanding wave to the new size instead of doubling it", async () => {
    const skill = skills[2]!;
    await insertWorkers(h.deps.db, Array.from({ length: 12 }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const task = await post(skill, { headcount: 1 });
    await h.deliverDueEvents();
    expect(await outstanding(task.id)).toHaveLength(3);
    await h.services.dispatch.editTask(employer, task.id, { headcount: 3 });
    await h.deliverDueEvents();
    const all = await outstanding(task.id);
    expect(all).toHaveLength(9); // min(3 × 3, 20): the 3 still outstanding plus 6 new
    expect(all.filter((o) => o.wave === 2)).toHaveLength(6);
  });

  it("two raises at once, their waves run at once and everyone offered accepts at once: consistent, never overfilled", async () => {
    const skill = skills[3]!;
    const workers = await insertWorkers(h.deps.db, Array.from({ length: 30 }, (_, i) => ({ at: north(LICHENG, 300 + i * 50), skills: [[skill, 3]] as [string, number][] })));
    const task = await post(skill, { headcount: 1 });
    await h.deliverDueEvents();
    const first = await outstanding(task.id);
    await h.services.dispatch.acceptOffer(as(first[0]!.workerId, "WORKER"), first[0]!.id);
    expect((await taskRow(task.id)).status).toBe("FILLED");

    const results = await Promise.all([h.services.dispatch.editTask(employer, task.id, { headcount: 3 }), h.services.dispatch.editTask(employer, task.id, { headcount: 5 })]);
    expect(results.map((r) => r.headcount).sort()).toEqual([3, 5]);
    const row = await taskRow(task.id);
    expect([3, 5]).toContain(row.headcount);
    expect(row).toMatchObject({ status: "OPEN", filledCount: 1 });
    // Both edits queued a wave; run them concurrently, as two job runners would, then let the outbox deliver its copies too.
    const queued = await h.deps.db.select().from(outbox).where(and(eq(outbox.name, "task.edited"), isNull(outbox.sentAt)));
    const mine = queued.filter((e) => (e.payload as { taskId: string }).taskId === task.id);
    expect(mine).toHaveLength(2);
    await Promise.all(mine.map((e) => h.services.dispatch.sendWave(task.id, e.id)));
    await h.deliverDueEvents();

    const open = row.headcount - 1;
    const offered = await outstanding(task.id);
    expect(offered).toHaveLength(Math.min(3 * open, 20));
    expect(new Set(offered.map((o) => o.workerId)).size).toBe(offered.length);
    expect(offered.every((o) => o.workerId !== first[0]!.workerId && workers.includes(o.workerId))).toBe(true);

    const answers = await Promise.all(offered.map((o) => codeOf(h.services.dispatch.acceptOffer(as(o.workerId, "WORKER"), o.id))));
    expect(answers.filter((a) => a === "ok")).toHaveLength(open);
    expect(answers.filter((a) => a !== "ok").every((a) => a === "CONFLICT:TASK_FULL_OR_CLOSED" || a === "CONFLICT:OFFER_NOT_OUTSTANDING")).toBe(true);
    const final = await taskRow(task.id);
    expect(final).toMatchObject({ status: "FILLED", filledCount: row.headcount, headcount: row.headcount });
    expect((await h.deps.db.select({ n: count() }).from(engagements).where(eq(engagements.taskId, task.id)))[0]!.n).toBe(row.headcount);
    expect(await outstanding(task.id)).toHaveLength(0);
  });
});
