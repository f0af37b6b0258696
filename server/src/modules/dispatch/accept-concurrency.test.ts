// DESIGN §3: never more engagements than headcount, under any concurrency.
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engagements, tasks } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { insertEmployer, insertRecognizedVenue, insertWorkers, north, taskCommand, LICHENG } from "./dispatch.fixtures.js";

const H = 3_600_000;
const TASKS = 100;
const PER_TASK = 10;

describe("accept under concurrency", () => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await createServiceHarness({ env: { DATABASE_POOL_MAX: "20" } });
    await insertRecognizedVenue(h.deps.db);
  });
  afterAll(() => h?.close());

  it("1,000 concurrent accepts over 100 tasks of headcount 3 end with exactly 3 engagements each", async () => {
    const user = await insertEmployer(h.deps.db);
    const employer: Caller = { actor: { userId: user.id, role: "EMPLOYER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } };
    const now = h.clock.now();
    const posted: { id: string }[] = [];
    for (let i = 0; i < TASKS; i++) {
      const at = north(LICHENG, i * 150);
      posted.push(await h.services.dispatch.postTask(employer, taskCommand(now, { ...at, headcount: 3, startsAt: new Date(now.getTime() + 30 * H), endsAt: new Date(now.getTime() + 34 * H) })));
    }
    const workers = await insertWorkers(h.deps.db, posted.flatMap((_, i) => Array.from({ length: PER_TASK }, () => ({ at: north(LICHENG, i * 150) }))));
    const attempts = workers.map((workerId, k) => {
      const caller: Caller = { actor: { userId: workerId, role: "WORKER", venueId: null, regionCode: null }, meta: { requestId: `c${k}`, ip: null, userAgent: null } };
      return h.services.dispatch.takeTask(caller, posted[Math.floor(k / PER_TASK)]!.id).then(
        () => "ok",
        (err: unknown) => (err instanceof AppError ? `${err.code}: ${err.message}` : `unexpected: ${String(err)}`),
      );
    });
    const outcomes = await Promise.all(attempts);
    const tally = outcomes.reduce<Record<string, number>>((m, o) => ({ ...m, [o]: (m[o] ?? 0) + 1 }), {});
    expect(tally).toEqual({ ok: 300, "CONFLICT: 岗位已满员或已关闭": 700 });

    const ids = posted.map((t) => t.id);
    const perTask = await h.deps.db
      .select({ taskId: engagements.taskId, n: count() })
      .from(engagements)
      .where(and(inArray(engagements.taskId, ids), eq(engagements.status, "ACTIVE")))
      .groupBy(engagements.taskId);
    expect(perTask).toHaveLength(TASKS);
    expect(perTask.every((r) => r.n === 3)).toBe(true);
    const rows = await h.deps.db.select({ status: tasks.status, filled: tasks.filledCount }).from(tasks).where(inArray(tasks.id, ids));
    expect(rows.every((r) => r.status === "FILLED" && r.filled === 3)).toBe(true);
  }, 120_000);
});
