// 评分对账 in a real browser: the city officer sees the demo's two nightly reconcile runs (the earlier consistent,
// the later having fixed the planted drift) and opens the later one to the drift by venue name, metric, stored and
// recounted value; county officers have no such page and the API refuses them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlInPage, PHONES, shot, signIn, startConsole, type Console } from "./harness.js";

type Drift = { venueId: string; year: number; field: string; stored: number; actual: number };

describe("console: score reconcile (评分对账)", () => {
  let c: Console;
  let runs: { started_at: Date; venue_years: number; drifted: number; details: Drift[] }[];
  let names: Map<string, string>;
  beforeAll(async () => {
    c = await startConsole();
    runs = await c.t.database.db.execute(sql`select started_at, venue_years, drifted, details from performance_reconcile_runs order by started_at desc`);
    const venues = await c.t.database.db.execute<{ id: string; name: string }>(sql`select id, name from venues`);
    names = new Map(venues.map((v) => [v.id, v.name]));
  });
  afterAll(() => c?.close());

  it("the city officer sees both runs, newest first, and the later one's drift by venue name and metric", async () => {
    expect(runs.map((r) => r.drifted), "the demo: a clean night, then a night that fixed the planted drift").toEqual([2, 0]);
    const page = await c.newPage();
    await signIn(page, PHONES.city);
    await page.locator('[data-test="menu-/score-reconcile"]').click();
    await page.locator('[data-test="reconcile-runs"] .el-table__body tr').first().waitFor();
    // The runs' own rows (an opened run's drift table nests rows of its own).
    const rows = page.locator('[data-test="reconcile-runs"] tr.el-table__row').filter({ has: page.locator('[data-test="reconcile-status"]') });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).locator('[data-test="reconcile-status"]').innerText()).toBe("已修正漂移");
    expect(await rows.nth(1).locator('[data-test="reconcile-status"]').innerText()).toBe("一致");
    // Time in Asia/Shanghai (the nightly 02:00), venue-years checked and drifted.
    const first = await rows.nth(0).innerText();
    expect(first).toContain("02:00");
    expect(first).toContain(String(runs[0]!.venue_years));

    await rows.nth(0).locator(".el-table__expand-icon").click();
    const drifts = page.locator('[data-test="drifts"] .el-table__body tr');
    await drifts.first().waitFor();
    expect(await drifts.count()).toBe(runs[0]!.details.length);
    const shown = (await drifts.allInnerTexts()).map((t) => t.split(/\s*\t\s*|\n/).map((s) => s.trim()).filter(Boolean));
    const expected = runs[0]!.details.map((d) => [names.get(d.venueId)!, String(d.year), { placements: "岗位推荐成功人数", services: "服务人次" }[d.field] ?? d.field, String(d.stored), String(d.actual)]);
    expect(shown.sort()).toEqual(expected.sort());
    expect(shown.flat()).toContain("鲤城区江南零工市场");
    const text = (await drifts.allInnerTexts()).join("\n");
    for (const d of runs[0]!.details) expect(text, "names, not ids").not.toContain(d.venueId);
    await shot(page, "score-reconcile-city");

    // The consistent run opens to "no drift".
    await rows.nth(1).locator(".el-table__expand-icon").click();
    await page.getByText("本次无漂移").waitFor();
  });

  it("county officers have no 评分对账 page, and the API refuses them", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    expect(await page.locator('[data-test="menu-/score-reconcile"]').count()).toBe(0);
    await page.goto("/score-reconcile");
    await page.locator('[data-test="forbidden"]').waitFor();
    const res = await gqlInPage(page, "{ performanceReconcileRuns(limit: 5) { id drifts { venueName } } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
