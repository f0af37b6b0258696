// Grab mode's filters on the prepared nearbyTasks statements (one per filter shape and column set): each filter
// adds its condition, and calls with different filter shapes in a row do not leak into each other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { callerAs, insertEmployer, insertRecognizedVenue, insertWorker, north, taskCommand, LICHENG } from "./dispatch.fixtures.js";

const H = 3_600_000;
const as = callerAs;

describe("nearbyTasks filters", () => {
  let h: ServiceHarness;

  beforeAll(async () => {
    h = await createServiceHarness();
    await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
  });
  afterAll(() => h?.close());

  it("skill, start date (Asia/Shanghai) and minimum pay narrow the list; without them every task in reach comes back, nearest first", async () => {
    const employer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const worker = as(await insertWorker(h.deps.db, { at: LICHENG, skills: [["COOK", 3], ["WAITER", 3]] }), "WORKER");
    const now = h.clock.now();
    // Day 3 and day 4 at 09:00 Shanghai (01:00 UTC), well ahead of the clock.
    const dayAt = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + n, 1));
    const post = (skillCode: string, day: number, payRateFen: number, metres: number) =>
      h.services.dispatch.postTask(employer, taskCommand(now, { skillCode, startsAt: dayAt(day), endsAt: new Date(dayAt(day).getTime() + 4 * H), payRateFen, ...north(LICHENG, metres) }));
    const cookCheap = await post("COOK", 3, 2500, 500);
    const cookDear = await post("COOK", 4, 4000, 1500);
    const waiter = await post("WAITER", 3, 3000, 1000);
    await post("PORTER", 3, 5000, 200); // a skill the worker lacks: never listed

    const ids = async (filter: Parameters<typeof h.services.dispatch.nearbyTasks>[1]) => (await h.services.dispatch.nearbyTasks(worker, filter, 10, null)).items.map((i) => i.task.id);
    const date = (n: number) => dayAt(n).toISOString().slice(0, 10);
    expect(await ids({})).toEqual([cookCheap.id, waiter.id, cookDear.id]);
    expect(await ids({ skillCode: "COOK" })).toEqual([cookCheap.id, cookDear.id]);
    expect(await ids({ date: date(3) })).toEqual([cookCheap.id, waiter.id]);
    expect(await ids({ minPayFen: 3000 })).toEqual([waiter.id, cookDear.id]);
    expect(await ids({ skillCode: "COOK", date: date(4), minPayFen: 3000 })).toEqual([cookDear.id]);
    expect(await ids({ skillCode: "COOK", date: date(3), minPayFen: 3000 })).toEqual([]);
    expect(await ids({})).toEqual([cookCheap.id, waiter.id, cookDear.id]);
  });

  it("a page read for a few task fields answers them as the full read does, and keeps what access checks need", async () => {
    const employer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const worker = as(await insertWorker(h.deps.db, { at: LICHENG, skills: [["CLEANING", 2]] }), "WORKER");
    const now = h.clock.now();
    await h.services.dispatch.postTask(employer, taskCommand(now, { skillCode: "CLEANING", ...north(LICHENG, 300) }));
    const full = await h.services.dispatch.nearbyTasks(worker, { skillCode: "CLEANING" }, 10, null);
    const narrow = await h.services.dispatch.nearbyTasks(worker, { skillCode: "CLEANING" }, 10, null, new Set(["title", "payRateFen"]));
    expect(full.items.length).toBeGreaterThan(0);
    expect(narrow.items.map((i) => ({ ...i, task: { ...i.task } }))).toEqual(
      full.items.map(({ task: { id, employerId, venueId, regionCode, status, postedBy, title, payRateFen }, ...rest }) => ({ ...rest, task: { id, employerId, venueId, regionCode, status, postedBy, title, payRateFen } })),
    );
    expect(full.items[0]!.task.description).toBeTruthy();
  });
});
