// 非全日制 24-hour week (劳动合同法 §68): one worker's approved hours with one employer in a Monday–Sunday week
// (Shanghai) passing 24 flag the week once, telling the employer and the venue; hours with another employer,
// or in another week, do not count; the flag shows on the settlement.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, partTimeWeekFlags } from "../../db/schema/index.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { callerOf, engagedWorker, insertRecognizedVenue, signBoth, type Engaged } from "../contract/contract.fixtures.js";
import { insertEmployer, insertWorker, LICHENG } from "../dispatch/dispatch.fixtures.js";

const H = 3_600_000;

describe("part-time 24-hour week (非全日制)", () => {
  let h: ServiceHarness;
  let venueId: string;

  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-11-29T00:00:00Z", env: { SMS_RESEND_SECONDS: "0" } }); // Sun 29 Nov 08:00 Shanghai
    venueId = (await insertRecognizedVenue(h.deps.db)).id;
  });
  afterAll(() => h?.close());

  /** A signed engagement of `worker` with `employer` from `start` (UTC ISO) for `hours`. */
  async function engaged(employer: Caller, worker: Caller, start: string, hours: number): Promise<Engaged> {
    const startsAt = new Date(start);
    const e = await engagedWorker(h, { employer, workerCaller: worker, task: { lat: LICHENG.lat, lng: LICHENG.lng, startsAt, endsAt: new Date(startsAt.getTime() + hours * H), headcount: 1 } });
    await signBoth(h, e);
    return e;
  }

  /** Works the whole window (checked in 10 minutes early, out at the end). */
  async function work(e: Engaged) {
    const task = await h.services.dispatch.getTask(e.employer, e.taskId);
    h.clock.set(new Date(task.startsAt.getTime() - 10 * 60_000));
    await h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, lat: task.lat, lng: task.lng });
    h.clock.set(task.endsAt);
    await h.services.attendance.checkOut(e.worker, { engagementId: e.engagementId, lat: task.lat, lng: task.lng });
  }

  const notes = async (userId: string) => (await h.deps.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "PART_TIME_WEEK_EXCEEDED")))).length;

  it("24 h with one employer is within the limit; the next approved hour flags the week once, whichever way hours are approved", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const employer = callerOf((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const other = callerOf((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const worker = callerOf(await insertWorker(h.deps.db, { at: LICHENG }), "WORKER");
    // Shanghai times: Mon, Tue, Wed 10:00–18:00 (8 h each); Tue 19:00–23:00 with another employer; Thu 20:00–22:00;
    // Fri 10:00–12:00; next Mon 10:00–18:00.
    const mon = await engaged(employer, worker, "2026-11-30T02:00:00Z", 8);
    const tue = await engaged(employer, worker, "2026-12-01T02:00:00Z", 8);
    const elsewhere = await engaged(other, worker, "2026-12-01T11:00:00Z", 4);
    const wed = await engaged(employer, worker, "2026-12-02T02:00:00Z", 8);
    const thu = await engaged(employer, worker, "2026-12-03T12:00:00Z", 2);
    const fri = await engaged(employer, worker, "2026-12-04T02:00:00Z", 2);
    const nextMon = await engaged(employer, worker, "2026-12-07T02:00:00Z", 8);
    await h.services.ledger.topUpWallet(employer, { amountFen: 50_000, idempotencyKey: `topup-${tue.taskId}` });
    await h.services.ledger.fundTaskEscrow(employer, { taskId: tue.taskId, amountFen: 20_000, idempotencyKey: `fund-${tue.taskId}` });

    await work(mon);
    await h.services.attendance.answerHours(employer, { engagementId: mon.engagementId, approve: true }); // the employer approves
    await work(tue);
    await h.services.settlement.submitSettlement(employer, { engagementId: tue.engagementId }); // approved with the submission
    await work(elsewhere);
    await h.services.attendance.answerHours(other, { engagementId: elsewhere.engagementId, approve: true });
    await work(wed);
    h.clock.set("2026-12-03T10:30:00Z"); // Thu 18:30: the 24-hour rule approves Wednesday
    await h.deliverDueEvents();
    // 24 h with the employer (exactly the limit) and 4 h with another: no flag.
    expect(await h.deps.db.select().from(partTimeWeekFlags)).toHaveLength(0);

    await work(thu);
    await h.services.attendance.answerHours(employer, { engagementId: thu.engagementId, approve: true });
    await h.deliverDueEvents();
    const flags = await h.deps.db.select().from(partTimeWeekFlags);
    expect(flags).toMatchObject([{ workerId: worker.actor!.userId, employerId: employer.actor!.userId, weekStart: "2026-11-30", minutes: 26 * 60, venueId }]);
    expect(await notes(employer.actor!.userId)).toBe(1);
    expect(await notes(staff.userId)).toBe(1);
    expect(await notes(other.actor!.userId)).toBe(0);

    await work(fri);
    await h.services.attendance.answerHours(employer, { engagementId: fri.engagementId, approve: true });
    await h.deliverDueEvents();
    expect(await h.deps.db.select().from(partTimeWeekFlags)).toHaveLength(1); // once per worker, employer and week
    expect(await notes(employer.actor!.userId)).toBe(1);

    await work(nextMon);
    await h.services.attendance.answerHours(employer, { engagementId: nextMon.engagementId, approve: true });
    await h.deliverDueEvents();
    expect(await h.deps.db.select().from(partTimeWeekFlags)).toHaveLength(1); // a new week starts from zero

    // The employer and the staff see it where they see the engagement's settlement.
    expect(await h.services.attendance.partTimeFlagOf(thu.engagementId)).toMatchObject({ weekStart: "2026-11-30", minutes: 26 * 60 });
    expect(await h.services.attendance.partTimeFlagOf(mon.engagementId)).toMatchObject({ weekStart: "2026-11-30" });
    expect(await h.services.attendance.partTimeFlagOf(nextMon.engagementId)).toBeNull();
    expect(await h.services.attendance.partTimeFlagOf(elsewhere.engagementId)).toBeNull();
  }, 180_000);
});
