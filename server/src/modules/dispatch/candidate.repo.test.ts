import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skills, users, workerProfiles, workerSkills } from "../../db/schema/index.js";
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
    // 150 dispatchable holders 400-1145 m away who walk only 5 minutes (~290 m), so none is within their own
    // reach (the index holds them; the rules drop them); then 3 eligible ones further out, then one beyond any reach.
    await insertWorkers(
      h.deps.db,
      Array.from({ length: 150 }, (_, i) => ({ at: north(LICHENG, 400 + i * 5), travelMode: "WALK" as const, travelMinutes: 5, skills: [["STONE_WORK", 3]] as [string, number][] })),
    );
    const eligible = await insertWorkers(h.deps.db, [3000, 2000, 4000].map((m) => ({ at: north(LICHENG, m), skills: [["STONE_WORK", 2]] as [string, number][] })));
    await insertWorkers(h.deps.db, [{ at: north(LICHENG, 60_000), travelMode: "CAR", skills: [["STONE_WORK", 3]] }]);
    const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: "STONE_WORK", headcount: 1 }));
    const rows = await listCandidates(h.deps.db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 });
    expect(rows.map((r) => r.workerId)).toEqual([eligible[1], eligible[0], eligible[2]]);
    const two = await listCandidates(h.deps.db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 2 });
    expect(two.map((r) => r.workerId)).toEqual([eligible[1], eligible[0]]);
    // As a wave asks (naming the skill: the prepared statement of that skill's index), the same rows; a caller
    // naming the wrong skill still gets the task's own holders.
    for (const skillCode of ["STONE_WORK", "PAINTER"]) {
      const waved = await listCandidates(h.deps.db, { taskId: task.id, skillCode, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 });
      expect(waved).toEqual(rows);
      const short = await listCandidates(h.deps.db, { taskId: task.id, skillCode, now: h.clock.now(), maxOutstandingOffers: 3, limit: 2 });
      expect(short).toEqual(two);
    }
    const higher = await listCandidates(h.deps.db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5, workerId: eligible[2] });
    expect(higher.map((r) => r.workerId)).toEqual([eligible[2]]);
    // No such task: nothing, whether asked in one statement (a wave) or for one worker.
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await listCandidates(h.deps.db, { taskId: unknown, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 })).toEqual([]);
    expect(await listCandidates(h.deps.db, { taskId: unknown, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5, workerId: eligible[0] })).toEqual([]);
  });

  it("follows a worker's changes to home, travel, availability, verification, account status and ranking fields (copied into worker_skills by triggers)", async () => {
    const db = h.deps.db;
    const [worker] = await insertWorkers(db, [{ at: north(LICHENG, 1000), travelMode: "WALK", travelMinutes: 30, skills: [["CARPENTER", 2]] }]);
    const id = worker!;
    // The task is 10 km north: out of a 30-minute walk (~1.7 km) from 1 km north.
    const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: "CARPENTER", headcount: 1, ...north(LICHENG, 10_000) }));
    const found = async () => (await listCandidates(db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 })).map((r) => r.workerId);
    const one = async () => (await listCandidates(db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5, workerId: id })).map((r) => r.workerId);
    expect(await found()).toEqual([]);

    // Moves next door to the task: in reach (the copied home point moved with the profile).
    await db.update(workerProfiles).set({ homeLat: north(LICHENG, 9_500).lat, homeLng: LICHENG.lng }).where(eq(workerProfiles.userId, id));
    const [moved] = await listCandidates(db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 });
    expect(moved?.workerId).toBe(id);
    expect(moved?.distanceMeters).toBeCloseTo(500, -1);

    // Moves back, then takes a car for 60 minutes: in reach again through the copied mode and minutes.
    await db.update(workerProfiles).set({ homeLat: north(LICHENG, 1000).lat }).where(eq(workerProfiles.userId, id));
    expect(await found()).toEqual([]);
    await db.update(workerProfiles).set({ travelMode: "CAR", travelMinutes: 60 }).where(eq(workerProfiles.userId, id));
    const [driving] = await listCandidates(db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 });
    expect(driving).toMatchObject({ workerId: id, travelMode: "CAR" });

    // Not available, then available again; the one-worker check (grab, proxy accept) agrees with the wave.
    await db.update(workerProfiles).set({ available: false }).where(eq(workerProfiles.userId, id));
    expect([await found(), await one()]).toEqual([[], []]);
    await db.update(workerProfiles).set({ available: true }).where(eq(workerProfiles.userId, id));
    expect([await found(), await one()]).toEqual([[id], [id]]);

    // Account disabled, then restored.
    await db.update(users).set({ status: "DISABLED" }).where(eq(users.id, id));
    expect([await found(), await one()]).toEqual([[], []]);
    await db.update(users).set({ status: "ACTIVE" }).where(eq(users.id, id));
    expect(await found()).toEqual([id]);

    // Verification withdrawn, then given.
    await db.update(workerProfiles).set({ verifiedAt: null }).where(eq(workerProfiles.userId, id));
    expect(await found()).toEqual([]);
    await db.update(workerProfiles).set({ verifiedAt: h.clock.now() }).where(eq(workerProfiles.userId, id));
    expect(await found()).toEqual([id]);

    // What ranking reads follows the profile too (a completed job, a rating, a certification, a corrected birth date).
    await db
      .update(workerProfiles)
      .set({ completedCount: 7, noShowCount: 1, lateWithdrawalCount: 2, ratingSum: 14, ratingCount: 3, hardToEmploy: true, zeroEmploymentFamily: true, gender: "FEMALE", birthDate: "1970-05-06" })
      .where(eq(workerProfiles.userId, id));
    const [ranked] = await listCandidates(db, { taskId: task.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 });
    expect(ranked).toMatchObject({
      workerId: id, completedCount: 7, noShowCount: 1, lateWithdrawalCount: 2, ratingSum: 14, ratingCount: 3,
      hardToEmploy: true, zeroEmploymentFamily: true, gender: "FEMALE", birthDate: "1970-05-06",
    });

    // A skill added later carries the worker's current home, travel and standing from the start.
    const later = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: "PAINTER", headcount: 1, ...north(LICHENG, 10_000) }));
    await db.insert(workerSkills).values({ workerId: id, skillCode: "PAINTER", level: 3 });
    const [copied] = await db.select().from(workerSkills).where(and(eq(workerSkills.workerId, id), eq(workerSkills.skillCode, "PAINTER")));
    expect(copied).toMatchObject({ workerId: id, travelMode: "CAR", travelMinutes: 60, dispatchable: true, completedCount: 7, ratingSum: 14, birthDate: "1970-05-06" });
    expect((await listCandidates(db, { taskId: later.id, now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 })).map((r) => r.workerId)).toEqual([id]);
  });

  it("scans the task's own skill index (one partial GiST index per skill), and a new skill gets its index when it is added", async () => {
    const db = h.deps.db;
    const [near] = await insertWorkers(db, [{ at: north(LICHENG, 800), skills: [["ELECTRICIAN", 2]] }]);
    const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: "ELECTRICIAN", headcount: 1 }));
    // Index scans this backend counted and has not flushed yet (pg_stat_get_xact_numscans), before and after the
    // wave on the same connection: a full wave (limit 1) is one scan of ELECTRICIAN's index and none of another skill's.
    const scans = await db.transaction(async (tx) => {
      const count = async () =>
        (await tx.execute(sql`select pg_stat_get_xact_numscans('worker_skills_dispatch_electrician_idx'::regclass)::int as electrician,
                                     pg_stat_get_xact_numscans('worker_skills_dispatch_painter_idx'::regclass)::int as painter`))[0] as { electrician: number; painter: number };
      const before = await count();
      const rows = await listCandidates(tx, { taskId: task.id, skillCode: "ELECTRICIAN", now: h.clock.now(), maxOutstandingOffers: 3, limit: 1 });
      expect(rows.map((r) => r.workerId)).toEqual([near]);
      const after = await count();
      return { electrician: after.electrician - before.electrician, painter: after.painter - before.painter };
    });
    expect(scans).toEqual({ electrician: 1, painter: 0 });

    const indexFor = async (code: string) =>
      (await db.execute(sql`select indexdef from pg_indexes where tablename = 'worker_skills' and indexname = ${`worker_skills_dispatch_${code.toLowerCase()}_idx`}`))[0]?.indexdef;
    expect(await indexFor("DRONE_PILOT")).toBeUndefined();
    await db.insert(skills).values({ code: "DRONE_PILOT", name: "无人机飞手" });
    expect(await indexFor("DRONE_PILOT")).toMatch(/USING gist \(home_earth\) INCLUDE \(worker_id, level,.*WHERE \(dispatchable AND \(skill_code = 'DRONE_PILOT'::text\)\)/);
    const [pilot] = await insertWorkers(db, [{ at: north(LICHENG, 1200), skills: [["DRONE_PILOT", 3]] }]);
    const flight = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: "DRONE_PILOT", headcount: 1 }));
    expect((await listCandidates(db, { taskId: flight.id, skillCode: "DRONE_PILOT", now: h.clock.now(), maxOutstandingOffers: 3, limit: 5 })).map((r) => r.workerId)).toEqual([pilot]);

    // A code that could not name an index is refused, and no skill row is left behind.
    await expect(db.insert(skills).values({ code: "x'; drop table tasks; --", name: "坏代码" })).rejects.toMatchObject({ cause: { code: "23514" } });
    expect(await db.select().from(skills).where(eq(skills.code, "x'; drop table tasks; --"))).toEqual([]);
  });
});
