// The demo data's performance side: the reconcile finds no drift, the worker's recompute gives the demo market
// a projected star with a next-star hint, and the officers' ranking shows the two-years-below-70 flag.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../scripts/seed.js";
import { JOB_HANDLERS } from "../../server/src/jobs/handlers.js";
import { createServiceHarness, type ServiceHarness } from "../../server/src/testing/service-harness.js";
import type { Caller } from "../../server/src/access/actor.js";

describe("demo performance data", () => {
  let h: ServiceHarness;
  const as = async (phone: string): Promise<Caller> => {
    const [u] = await h.deps.db.execute<{ id: string; role: string; venue_id: string | null; region_code: string | null }>(sql`select id, role, venue_id, region_code from users where phone = ${phone}`);
    return { actor: { userId: u!.id, role: u!.role as never, venueId: u!.venue_id, regionCode: u!.region_code }, meta: { requestId: "seed-test", ip: null, userAgent: null } };
  };
  beforeAll(async () => {
    h = await createServiceHarness({ start: new Date() });
    await seedDemoData(h.deps.db, h.deps.pii, { config: h.env.config, log: () => {} });
    await h.deliverDueEvents({ ...JOB_HANDLERS, "housekeeping.purge-expired": async () => {} });
  });
  afterAll(() => h?.close());

  it("the demo's two nightly reconcile runs (评分对账): the earlier clean, the later fixed the planted drift", async () => {
    const city = await as("13900000001");
    const runs = await h.services.performance.listReconcileRuns(city, 10);
    expect(runs.map((r) => r.drifted)).toEqual([2, 0]);
    expect(runs[0]!.startedAt.getTime() - runs[1]!.startedAt.getTime()).toBe(86_400_000);
    expect(runs[0]!.startedAt.toLocaleTimeString("en-GB", { timeZone: "Asia/Shanghai" })).toBe("02:00:00");
    const [market] = await h.deps.db.execute<{ id: string }>(sql`select id from venues where name = '鲤城区江南零工市场'`);
    const placements = runs[0]!.drifts.find((d) => d.venueId === market!.id)!;
    expect(placements).toMatchObject({ field: "placements", fieldLabel: "岗位推荐成功人数" });
    expect(placements.actual - placements.stored).toBe(2);
    expect(runs[0]!.drifts.find((d) => d.venueId !== market!.id)).toMatchObject({ field: "services", fieldLabel: "服务人次" });
  });

  it("the nightly reconcile finds no drift in the seeded counters", async () => {
    const run = await h.deps.db.transaction((tx) => h.services.performance.reconcile(tx, null));
    expect(run.venueYears).toBeGreaterThan(30);
    expect(run.details).toEqual([]);
    expect(run.drifted).toBe(0);
  });

  it("the demo market (鲤城区江南零工市场) shows a projected star, its grant and what the next star takes", async () => {
    const staff = await as("13900000003");
    const view = await h.services.performance.venueYear(staff, null, null);
    expect(view.venueName).toBe("鲤城区江南零工市场");
    expect(view.star).toBeGreaterThanOrEqual(3);
    expect(view.grantFen).toBeGreaterThan(0);
    expect(view.items.find((i) => i.id === "A1")!.actual).toBeGreaterThan(200);
    expect(view.nextStar.message).toMatch(/^距[45]星级还差 \d+\.\d 分/);
    expect(view.nextStar.missing).toBeGreaterThan(0);
    // Items that alone would close the gap are named; when none can (B2 and D2 now score, so the demo market sits
    // higher), the message says several must rise together.
    if (view.nextStar.hints.length) expect(view.nextStar.hints.every((h) => h.needed > 0)).toBe(true);
    else expect(view.nextStar.message).toContain("需多项共同提升");
  });

  it("the city ranking lists every seeded venue-year, best first, and flags venues below 70 two years running", async () => {
    const city = await as("13900000001");
    const page = await h.services.performance.ranking(city, { limit: 100, offset: 0 });
    expect(page.total).toBeGreaterThan(30);
    const scores = page.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page.items.filter((i) => i.belowThresholdTwoYears).length).toBeGreaterThanOrEqual(1);
  });
});
