// A seat freed after the waves ran out (people told to dispatch by hand) is new demand, as a headcount raise
// is: a withdrawal and a missed 到岗确认 deadline both start a fresh round of waves (freshWaveRound). Settable
// clock, real outbox and jobs; workers already offered the task (or who left it) are never offered it again,
// K still holds, and the same event processed twice sends one wave.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema/index.js";
import { type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { callerAs, insertWorkers, north, taskCommand, LICHENG, waveReads, useDispatchLab } from "./dispatch.fixtures.js";
import type { PostTaskCommand } from "./task.service.js";

const H = 3_600_000;
const MIN = 60_000;
const as = callerAs;

describe("a seat freed after the waves ran out gets a fresh round", () => {
  let h: ServiceHarness;
  let employer: Caller;
  let employerId: string;
  let day = 0;

  useDispatchLab((lab) => ({ h, employerId, employer } = lab));

  async function post(skill: string, patch: Partial<PostTaskCommand> = {}) {
    const now = h.clock.now();
    const startsAt = new Date(now.getTime() + (30 + 24 * day++) * H);
    return h.services.dispatch.postTask(employer, taskCommand(now, { skillCode: skill, startsAt, endsAt: new Date(startsAt.getTime() + 4 * H), ...patch }));
  }
  const { offersOf, outstanding, taskRow, heldBy, manualNotices } = waveReads(() => ({ db: h.deps.db, employerId }));

  /**
   * A two-seat task: one worker grabs a seat, nine near workers take the three waves for the other and do not
   * answer, so people are told to dispatch by hand. Four workers further out are left, and a fifth holds K
   * offers of plumbing tasks (the only plumber around).
   */
  async function exhausted(skill: string, title: string, plumbing: string) {
    const [grabber] = await insertWorkers(h.deps.db, [{ at: north(LICHENG, 200), skills: [[skill, 3]] }]);
    const near = await insertWorkers(h.deps.db, Array.from({ length: 9 }, (_, i) => ({ at: north(LICHENG, 300 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const later = await insertWorkers(h.deps.db, Array.from({ length: 4 }, (_, i) => ({ at: north(LICHENG, 3000 + i * 100), skills: [[skill, 3]] as [string, number][] })));
    const busy = (await insertWorkers(h.deps.db, [{ at: north(LICHENG, 3400), skills: [[skill, 3], [plumbing, 3]] }]))[0]!;
    const task = await post(skill, { headcount: 2, title });
    const engagement = await h.services.dispatch.takeTask(as(grabber!, "WORKER"), task.id);
    await h.deliverDueEvents();
    for (let i = 0; i < 3; i++) {
      h.clock.advance(10 * MIN);
      await h.deliverDueEvents();
    }
    const row = await taskRow(task.id);
    expect(row).toMatchObject({ wave: 3, waveRoundStart: 0, status: "OPEN", filledCount: 1 });
    expect(row.manualDispatchAt).toEqual(h.clock.now());
    expect(await manualNotices(title)).toHaveLength(1);
    const offeredBefore = (await offersOf(task.id)).map((o) => o.workerId);
    expect([...offeredBefore].sort()).toEqual([...near].sort());
    for (let i = 0; i < 3; i++) await post(plumbing, { headcount: 1, ...north(LICHENG, 3400 + i * 300) });
    await h.deliverDueEvents();
    expect(await heldBy(busy)).toBe(3);
    return { task, engagement, grabber: grabber!, offeredBefore, later, busy };
  }

  /** The freed seat's round: 2 open seats want 6 offers; only the 3 further workers not at K are left. */
  async function expectFreshRound(taskId: string, s: Awaited<ReturnType<typeof exhausted>>) {
    const fresh = await outstanding(taskId);
    expect(fresh.map((o) => o.workerId).sort()).toEqual(s.later.slice().sort());
    expect(fresh.every((o) => o.wave === 4 && !s.offeredBefore.includes(o.workerId) && o.workerId !== s.grabber)).toBe(true);
    expect(await heldBy(s.busy)).toBe(3);
    expect(await taskRow(taskId)).toMatchObject({ wave: 4, waveRoundStart: 3, manualDispatchAt: null, status: "OPEN", filledCount: 0 });
  }

  /** The backfill of one withdrawal, run again (twice at once, as two job runners would, then redelivered): no second wave. */
  async function runBackfillAgain(taskId: string) {
    const [event] = (await h.deps.db.select().from(outbox).where(eq(outbox.name, "engagement.withdrawn"))).filter((e) => (e.payload as { taskId: string }).taskId === taskId);
    expect(event).toBeDefined();
    const before = await outstanding(taskId);
    const again = await Promise.all([h.services.dispatch.sendWave(taskId, event!.id), h.services.dispatch.sendWave(taskId, event!.id), h.services.dispatch.sendWave(taskId, randomUUID())]);
    expect(again.every((o) => o.kind === "none")).toBe(true);
    await h.deliverDueEvents();
    expect((await outstanding(taskId)).map((o) => o.id).sort()).toEqual(before.map((o) => o.id).sort());
    expect((await taskRow(taskId)).wave).toBe(4);
  }

  it("a worker withdraws: new offers go to workers never offered the task (not the one who left, not one at K), once", async () => {
    const s = await exhausted("WAREHOUSE", "鞋厂仓库理货", "PLUMBER");
    await h.services.dispatch.withdrawEngagement(as(s.grabber, "WORKER"), s.engagement.id, "临时有事");
    // The round starts in the withdrawal's own transaction, so a redelivered backfill cannot start another.
    expect(await taskRow(s.task.id)).toMatchObject({ waveRoundStart: 3, manualDispatchAt: null, wave: 3 });
    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "engagement.withdrawn", consumer: "dispatch.backfill-seat", outcome: "done" });
    await expectFreshRound(s.task.id, s);
    await runBackfillAgain(s.task.id);

    // Nobody answers; the busy worker's offers have expired by then, so the round's next wave reaches them; then people are told again.
    h.clock.advance(10 * MIN);
    await h.deliverDueEvents();
    expect((await outstanding(s.task.id)).map((o) => [o.workerId, o.wave])).toEqual([[s.busy, 5]]);
    h.clock.advance(10 * MIN);
    await h.deliverDueEvents();
    expect((await taskRow(s.task.id)).manualDispatchAt).toEqual(h.clock.now());
    expect(await manualNotices("鞋厂仓库理货")).toHaveLength(2);
    expect((await offersOf(s.task.id)).some((o) => o.workerId === s.grabber)).toBe(false);
  });

  // Last: it moves the clock on to the deadline, a day and more.
  it("a missed 到岗确认 deadline releases the seat: a fresh round to new workers, once even when the deadline is processed twice", async () => {
    const s = await exhausted("SEWING", "服装厂车缝", "ELECTRICIAN");
    h.clock.set(new Date(s.task.startsAt.getTime() - 2 * H + MIN));
    const ran = await h.deliverDueEvents();
    expect(ran).toContainEqual({ event: "engagement.reconfirm-deadline-due", consumer: "dispatch.release-unconfirmed", outcome: "done" });
    expect(ran).toContainEqual({ event: "engagement.withdrawn", consumer: "dispatch.backfill-seat", outcome: "done" });
    // A day on, the busy worker's plumbing offers have long expired, so this round may offer them (K is tested in the case above).
    expect(await heldBy(s.busy)).toBe(1);
    const fresh = await outstanding(s.task.id);
    expect(fresh.map((o) => o.workerId).sort()).toEqual([...s.later, s.busy].sort());
    expect(fresh.every((o) => o.wave === 4 && !s.offeredBefore.includes(o.workerId) && o.workerId !== s.grabber)).toBe(true);
    expect(await taskRow(s.task.id)).toMatchObject({ wave: 4, waveRoundStart: 3, manualDispatchAt: null, status: "OPEN", filledCount: 0 });

    // The deadline's job again (a retry): nothing is released twice, no round restarts, no second wave.
    const [deadline] = (await h.deps.db.select().from(outbox).where(eq(outbox.name, "engagement.reconfirm-deadline-due"))).filter(
      (e) => (e.payload as { engagementId: string }).engagementId === s.engagement.id,
    );
    expect(await h.services.dispatch.releaseUnconfirmed(employer, s.engagement.id, deadline!.id)).toBeNull();
    await runBackfillAgain(s.task.id);
    expect(await taskRow(s.task.id)).toMatchObject({ waveRoundStart: 3 });
  });
});
