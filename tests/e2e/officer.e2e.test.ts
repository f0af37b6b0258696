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
    // A standard with fen (¥24.50 an hour) saves: the browser's own number check must not block a decimal.
    await page.locator('[data-test="wage-add"]').click();
    await page.locator('[data-test="wage-effective"] input').fill("2031-01-01");
    await page.locator('[data-test="wage-effective"] input').press("Enter");
    await page.locator('[data-test="wage-monthly"] input').fill("2300.50");
    await page.locator('[data-test="wage-hourly"] input').fill("24.50");
    await page.locator('[data-test="wage-source"] input').fill("闽政〔2031〕测试");
    await page.locator('[data-test="wage-save"]').click();
    await expect.poll(() => page.locator('[data-test="wage-table"]').innerText()).toContain("24.50");
    await page.locator('[data-test="menu-/queues"]').click();
    await page.locator('[data-test="open-queues"]').click();
    const frame = page.frameLocator('[data-test="queues-frame"]');
    await frame.getByText("dispatch").first().waitFor({ timeout: 20_000 });
    await shot(page, "queues");
  });

  it("a county officer finds an employer of the county with its reliability and tasks, reads the policy and sets the budget", async () => {
    const db = c.t.database.db;
    const [employer] = await db.execute<{ user_id: string; name: string; n: number }>(
      sql`select e.user_id, e.name, (select count(*)::int from tasks t where t.employer_id = e.user_id and t.region_code = '350502') as n
          from employer_profiles e where e.region_code = '350502' order by n desc, e.name limit 1`,
    );
    const [foreign] = await db.execute<{ name: string }>(
      sql`select e.name from employer_profiles e where e.region_code <> '350502' and not exists (select 1 from tasks t where t.employer_id = e.user_id and t.region_code = '350502') limit 1`,
    );
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    await page.locator('[data-test="menu-/employers"]').click();
    await page.locator('[data-test="employer-table"]').waitFor();
    const [inScope] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from employer_profiles e where e.region_code = '350502' or exists (select 1 from tasks t where t.employer_id = e.user_id and t.region_code = '350502')`,
    );
    await expect.poll(async () => Number((await page.locator(".el-pagination__total").innerText()).replace(/\D/g, ""))).toBe(inScope!.n);
    await shot(page, "employers");
    const search = page.locator('input[data-test="employer-search"], [data-test="employer-search"] input');
    if (foreign) {
      await search.fill(foreign.name);
      await page.locator('[data-test="employer-search-submit"]').click();
      await expect.poll(async () => (await page.locator(".el-pagination__total").innerText()).replace(/\D/g, ""), { message: "another county's employer is not found" }).toBe("0");
    }
    await search.fill(employer!.name);
    await page.locator('[data-test="employer-search-submit"]').click();
    await page.locator('[data-test="employer-table"] .el-table__body tr').filter({ hasText: employer!.name }).first().click();
    await page.locator('[data-test="employer-reliability"]').waitFor();
    expect(await page.locator('[data-test="employer-profile"]').innerText(), "credit code masked").toMatch(/\*{4}/);
    await expect.poll(() => page.locator('[data-test="employer-tasks"] .el-table__body tr').count()).toBe(Math.min(5, employer!.n));
    await page.waitForTimeout(400); // the drawer's slide-in
    await shot(page, "employer-profile");

    // 补助政策: read-only for county officers; the figures of the year in force.
    await page.goto("/reference/subsidy-policy");
    await page.locator('[data-test="policy-summary"]').waitFor();
    expect(await page.locator('[data-test="policy-read-only"]').count()).toBe(1);
    expect(await page.locator('[data-test="policy-new"]').count()).toBe(0);
    expect(await page.locator('[data-test="policy-notice-days"]').innerText()).toBe("5");
    expect(await page.locator('[data-test="policy-tiers"]').innerText()).toContain("90.0");
    await shot(page, "subsidy-policy-read-only");
    const refused = await gqlInPage(page, `mutation($p: String!) { setSubsidyPolicy(effectiveFromYear: 2031, policy: $p) { version } }`, { p: "{}" });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    // 县级补助预算: the county's own (the region is locked); a negative figure cannot be entered; the set figure is stored in fen.
    const year = new Date().getFullYear();
    await page.locator('[data-test="menu-/reference/budgets"]').click();
    await page.locator('[data-test="budget-figures"]').waitFor();
    expect(await page.locator('[data-test="budget-region"] input').isDisabled()).toBe(true);
    const input = page.locator('[data-test="budget-input"] input');
    await input.fill("-5");
    await input.press("Tab");
    await input.fill("1234567.89");
    await input.press("Tab");
    await page.locator('[data-test="budget-save"]').click();
    await expect.poll(() => page.locator('[data-test="budget-amount"]').innerText()).toBe("¥1234567.89");
    const [row] = await db.execute<{ amount_fen: number }>(sql`select amount_fen::int from county_subsidy_budgets where region_code = '350502' and year = ${year}`);
    expect(row!.amount_fen).toBe(123_456_789);
    await shot(page, "county-budget");
    const other = await gqlInPage(page, `query { countySubsidyBudget(regionCode: "350583", year: ${year}) { amountFen } }`);
    expect(other.errors?.[0]?.extensions?.code, "another county's budget").toBe("FORBIDDEN");
  });

  it("a city officer enters a new subsidy policy version, checked as it is typed with the server's rule", async () => {
    const next = new Date().getFullYear() + 1;
    const page = await c.newPage();
    await signIn(page, PHONES.city);
    await page.locator('[data-test="menu-/reference/subsidy-policy"]').click();
    await page.locator('[data-test="policy-summary"]').waitFor();
    await page.locator('[data-test="policy-new"]').click();
    const num = (sel: string) => page.locator(`[data-test="${sel}"] input`);
    await page.locator('input[data-test="policy-version"]').fill(`${next}-e2e`);
    await page.locator('input[data-test="policy-source"]').fill("泉人社规〔2030〕1号");
    await num("policy-from-year").fill(String(next));
    await num("policy-from-year").press("Tab");
    await num("tier-score-1").fill("95");
    await num("tier-score-1").press("Tab");
    await expect.poll(() => page.locator('[data-test="policy-problems"]').innerText()).toContain("补助档次应按分数线从高到低排列");
    expect(await page.locator('[data-test="policy-save"]').isDisabled()).toBe(true);
    await shot(page, "subsidy-policy-form");
    await num("tier-score-1").fill("82");
    await num("tier-score-1").press("Tab");
    await num("policy-form-notice").fill("7");
    await num("policy-form-notice").press("Tab");
    await expect.poll(() => page.locator('[data-test="policy-problems"]').count()).toBe(0);
    await page.locator('[data-test="policy-save"]').click();
    await expect.poll(() => page.locator('[data-test="policy-notice-days"]').innerText()).toBe("7");
    expect(await page.locator('[data-test="policy-tiers"]').innerText()).toContain("82.0");
    expect(await page.locator('[data-test="policy-summary"]').innerText()).toContain(`${next}-e2e`);
    await shot(page, "subsidy-policy");
    const saved = await gqlInPage(page, `query($y: Int!) { subsidyPolicy(year: $y) { version policyJson } }`, { y: next });
    const data = saved.data as { subsidyPolicy: { version: string; policyJson: string } };
    expect(data.subsidyPolicy.version).toBe(`${next}-e2e`);
    expect(JSON.parse(data.subsidyPolicy.policyJson)).toMatchObject({ noticeWorkingDays: 7, tiers: [{ minScoreTenths: 900 }, { minScoreTenths: 820 }, { minScoreTenths: 700 }] });
  });

  it("venue staff see the employers their venue brokered for, but not the budgets page", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    expect(await page.locator('[data-test="menu-/reference/budgets"]').count()).toBe(0);
    await page.goto("/reference/budgets");
    await page.locator('[data-test="forbidden"]').waitFor();
    await page.goto("/employers");
    await page.locator('[data-test="employer-table"]').waitFor();
    const [staff] = await c.t.database.db.execute<{ n: number }>(
      sql`select count(distinct t.employer_id)::int as n from tasks t join users u on u.venue_id = t.venue_id where u.phone = ${PHONES.staff}`,
    );
    await expect.poll(async () => Number((await page.locator(".el-pagination__total").innerText()).replace(/\D/g, ""))).toBe(staff!.n);
  });

  it("a worker who signs in is sent to the phone pages", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.worker);
    await page.locator('[data-test="phone-only"]').waitFor();
    expect(await page.locator('[data-test="phone-only"]').innerText()).toContain("手机");
  });
});
