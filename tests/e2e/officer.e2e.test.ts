// County and city officers in a real browser: coverage on the dashboard, recognising a venue, pages by role.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "@qz/shared";
import { monthStart } from "../../server/src/modules/report/trend.service.js";
import { insertVenue } from "../../server/src/testing/factories.js";
import { gqlInPage, PHONES, shot, signIn, startConsole, type Console } from "./harness.js";

describe("console: officers", () => {
  let c: Console;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c?.close());

  it("a county officer logs in, sees coverage against the targets, and recognises a pending venue", async () => {
    const venue = await insertVenue(c.t.database.db, { status: "PENDING_RECOGNITION", regionCode: "350502", name: "鲤城区开元零工驿站", type: "STATION" });
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    await page.locator('[data-test="coverage-regions"]').waitFor();
    await expect.poll(() => page.locator('[data-test="coverage-regions"]').innerText()).toContain("/ 目标 13");
    expect(await page.locator('[data-test="coverage-markets"]').innerText()).toContain("目标 30");
    expect(await page.locator('[data-test="coverage-stations"]').innerText()).toContain("目标 100");
    expect(await page.locator('[data-test="who"]').innerText()).toContain("鲤城区");
    await page.locator('[data-test="coverage-chart"] canvas').waitFor();
    // Placements over time: the county's counted placements of the last twelve months (Shanghai months), drawn.
    await page.locator('[data-test="placements-chart"] canvas').waitFor();
    const from = monthStart(shanghaiDate(new Date()), 11);
    const [placed] = await c.t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from performance_placements pp join venues v on v.id = pp.venue_id where pp.counted and v.region_code = '350502' and pp.paid_on >= ${from}::date`,
    );
    expect(placed!.n, "the demo data has placements in the county").toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-test="placements-total"]').innerText()).toBe(`近12个月共 ${placed!.n} 人`);
    await shot(page, "county-dashboard");

    await page.locator('[data-test="menu-/venues"]').click();
    await page.locator('[data-test="venue-table"]').waitFor();
    await page.locator('input[data-test="venue-keyword"], [data-test="venue-keyword"] input').fill("开元");
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "鲤城区开元零工驿站" }).click();
    await expect.poll(() => page.locator('[data-test="venue-status"]').innerText()).toBe("待认定");
    await shot(page, "venue-detail-pending");
    await page.locator('[data-test="venue-recognize"]').click();
    await page.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.locator('[data-test="venue-status"]').innerText()).toBe("已认定");
    await shot(page, "venue-detail-recognised");
    // In English the status is a label too, never the raw code.
    await page.locator('[data-test="toggle-locale"]').click();
    await expect.poll(() => page.locator('[data-test="venue-status"]').innerText()).toBe("Recognised");
    await page.locator('[data-test="toggle-locale"]').click();
    await expect.poll(() => page.locator('[data-test="venue-status"]').innerText()).toBe("已认定");
    const [row] = await c.t.database.db.execute<{ status: string }>(sql`select status from venues where id = ${venue.id}`);
    expect(row!.status).toBe("RECOGNIZED");

    // 开放时间: the form checks the shared rule as it is typed; the saved line is the canonical one.
    expect(await page.locator('[data-test="venue-opening-hours-text"]').innerText()).toContain("未填写");
    await page.locator('[data-test="venue-opening-hours-edit"]').click();
    const hours = page.locator('input[data-test="venue-opening-hours-input"], [data-test="venue-opening-hours-input"] input');
    await hours.fill("周一至周五 18:00-08:00");
    await expect.poll(() => page.locator('[data-test="venue-opening-hours-error"]').innerText()).toContain("开始时间应早于结束时间");
    expect(await page.locator('[data-test="venue-opening-hours-save"]').isDisabled()).toBe(true);
    await hours.fill("周一至周五 8：30～12：00, 14：30-17：30");
    await page.locator('[data-test="venue-opening-hours-save"]').click();
    await expect.poll(() => page.locator('[data-test="venue-opening-hours-text"]').innerText()).toBe("周一至周五 08:30–12:00，14:30–17:30");
    const [saved] = await c.t.database.db.execute<{ opening_hours: string }>(sql`select opening_hours from venues where id = ${venue.id}`);
    expect(saved!.opening_hours).toBe("周一至周五 08:30–12:00，14:30–17:30");
    await shot(page, "venue-detail-opening-hours");
  });

  it("a county officer sees a venue's staff on its detail page and finds its workers by name", async () => {
    const [staff] = await c.t.database.db.execute<{ venue_id: string; display_name: string; phone: string }>(sql`select venue_id, display_name, phone from users where phone = ${PHONES.staff}`);
    const [worker] = await c.t.database.db.execute<{ real_name: string }>(
      sql`select real_name from worker_profiles where home_venue_id = ${staff!.venue_id} order by created_at limit 1`,
    );
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    await page.goto(`/venues/${staff!.venue_id}`);
    await page.locator('[data-test="venue-staff"]').waitFor();
    await expect.poll(() => page.locator('[data-test="venue-staff"]').innerText()).toContain(staff!.display_name);
    const table = await page.locator('[data-test="venue-staff"]').innerText();
    expect(table, "phones masked").toContain(`${PHONES.staff.slice(0, 3)}****${PHONES.staff.slice(7)}`);
    expect(table).not.toContain(PHONES.staff);
    await shot(page, "venue-detail-staff");

    await page.locator('[data-test="venue-workers-link"]').click();
    await page.locator('[data-test="worker-table"]').waitFor();
    await page.locator('input[data-test="worker-search"], [data-test="worker-search"] input').fill(worker!.real_name.slice(1));
    await page.locator('[data-test="worker-search-submit"]').click();
    await expect.poll(async () => (await page.locator('[data-test="worker-table"] .el-table__body tr td:first-child').allInnerTexts()).every((n) => n.includes(worker!.real_name.slice(1)))).toBe(true);
    expect(await page.locator('[data-test="worker-table"]').innerText()).toContain(worker!.real_name);
    const total = Number((await page.locator(".el-pagination__total").innerText()).replace(/\D/g, ""));
    const [expected] = await c.t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from worker_profiles where home_venue_id = ${staff!.venue_id} and real_name like ${`%${worker!.real_name.slice(1)}%`}`,
    );
    expect(total).toBe(expected!.n);
    await shot(page, "worker-search");
  });

  it("a county officer cannot open the city officers' pages: the router says so and the server refuses", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    expect(await page.locator('[data-test="menu-/reference/minimum-wage"]').count()).toBe(0);
    await page.goto("/reference/minimum-wage");
    await page.locator('[data-test="forbidden"]').waitFor();
    await shot(page, "county-forbidden");
    const res = await gqlInPage(page, `mutation { setMinimumWage(input: { regionCode: "350502", effectiveFrom: "2030-01-01", monthlyFen: 300000, hourlyFen: 3000, source: "测试" }) { effectiveFrom } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a city officer sees every area's venues, the minimum wages and the queue dashboard", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.city);
    await page.locator('[data-test="coverage-regions"]').waitFor();
    await page.locator('[data-test="menu-/venues"]').click();
    await page.locator('[data-test="venue-table"]').waitFor();
    expect(await page.locator(".el-pagination__total").innerText()).toMatch(/\d+/);
    await shot(page, "venue-list");
    await page.locator('[data-test="menu-/reference/minimum-wage"]').click();
    await page.locator('[data-test="wage-table"]').waitFor();
    expect(await page.locator('[data-test="wage-table"]').innerText()).toContain("¥");
    await shot(page, "minimum-wage");
    await page.locator('[data-test="menu-/queues"]').click();
    await page.locator('[data-test="open-queues"]').click();
    const frame = page.frameLocator('[data-test="queues-frame"]');
    await frame.getByText("dispatch").first().waitFor({ timeout: 20_000 });
    await shot(page, "queues");
  });

  it("a worker who signs in is sent to the phone pages", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.worker);
    await page.locator('[data-test="phone-only"]').waitFor();
    expect(await page.locator('[data-test="phone-only"]').innerText()).toContain("手机");
  });
});
