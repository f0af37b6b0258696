import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { listCandidates } from "./candidate.repo.js";
import { insertEmployer, insertRecognizedVenue, insertWorkers, north, taskCommand, LICHENG } from "./dispatch.fixtures.js";

const as = (userId: string): Caller => ({ actor: { userId, role: "EMPLOYER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } });

describe("candidate query: the KNN stream, bounded and widened", () => {
  let h: ServiceHarness;
  let employer: Caller;

  beforeAll(async () => {
    h = await createServiceHarness();
    await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
    employer = as((await insertEmployer(h.deps.db)).id);
  });
  afterAll(() => h?.close());

  it("finds eligible workers behind more ineligible nearer holders of the skill than the first bound, nearest first, and stops at the widest reach", async () => {
    // 150 unverified holders within 1 km, then 3 eligible ones further out, then one beyond any reach.
    await insertWorkers(h.deps.db, Array.from({ length: 150 }, (_, i) => ({ at: north(LICHENG, 100 + i * 5), verified: false, skills: [["STONE_WORK", 3]] as [string, number][] })));
    const eligible = await insertWorkers(h.deps.db, [3000, 2000, 4000].map((m) => ({ at: north(LICHENG, m), skills: [["STONE_WORK", 2]] as [string, number][] })));
    await insertWorkers(h.deps.db, [{ at: north(LICHENG, 60_000), travelMode: "CAR", skills: [["STONE_WORK", 3]] }]);
    const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: "STONE_WORK", headcount: 1 }));
    const rows = await listCandidates(h.deps.db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 });
    expect(rows.map((r) => r.workerId)).toEqual([eligible[1], eligible[0], eligible[2]]);
    const two = await listCandidates(h.deps.db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 2 });
    expect(two.map((r) => r.workerId)).toEqual([eligible[1], eligible[0]]);
    const higher = await listCandidates(h.deps.db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5, workerId: eligible[2] });
    expect(higher.map((r) => r.workerId)).toEqual([eligible[2]]);
    // No such task: nothing, whether asked in one statement (a wave) or for one worker.
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await listCandidates(h.deps.db, { taskId: unknown, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 })).toEqual([]);
    expect(await listCandidates(h.deps.db, { taskId: unknown, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5, workerId: eligible[0] })).toEqual([]);
  });
});
