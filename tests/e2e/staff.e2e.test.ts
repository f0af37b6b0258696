// Venue staff in a real browser: walk-in registration, a task's offers with "why this offer", pages by role.
import { sql } from "drizzle-orm";
import { maskName, shanghaiDate } from "@qz/shared";
import { monthStart } from "../../server/src/modules/report/trend.service.js";
import { residentId } from "../../server/src/testing/factories.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlInPage, PHONES, shot, signIn, startConsole, type Console } from "./harness.js";

describe("console: venue staff", () => {
  let c: Console;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c?.close());

  it("staff register a walk-in worker; the form refuses what the server would refuse first", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    await page.locator('[data-test="my-venue"]').waitFor();
    // The projected star and score from the performance module (issue 9).
    await page.locator('[data-test="venue-performance"]').waitFor();
    expect(await page.locator('[data-test="venue-performance"]').innerText()).toContain("预计补助");
    // Placements over time: this venue's counted placements of the last twelve months, not the county's.
    await page.locator('[data-test="placements-chart"] canvas').waitFor();
    const from = monthStart(shanghaiDate(new Date()), 11);
    const [placed] = await c.t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from performance_placements pp join users u on u.venue_id = pp.venue_id where u.phone = ${PHONES.staff} and pp.counted and pp.paid_on >= ${from}::date`,
    );
    expect(placed!.n, "the demo venue has placements").toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-test="placements-total"]').innerText()).toBe(`近12个月共 ${placed!.n} 人`);
    await shot(page, "staff-dashboard");
    // The score gauge at a laptop's size (the console's shell is for desktops; phones have /m/).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300); // autoresize redraws the canvas after the resize
    await shot(page, "staff-dashboard-1280");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('[data-test="menu-/workers/walk-in"]').click();
    await page.locator('input[data-test="walk-in-name"], [data-test="walk-in-name"] input').fill("李大伯");
    await page.locator('input[data-test="walk-in-id"], [data-test="walk-in-id"] input').fill("350502197001011230");
    await page.locator('input[data-test="walk-in-phone"], [data-test="walk-in-phone"] input').fill("1381234");
    await page.locator('input[data-test="walk-in-password"], [data-test="walk-in-password"] input').fill("short");
    await page.locator('[data-test="walk-in-submit"]').click();
    // Checked in the browser with the shared rules: nothing reached the server.
    await page.getByText("手机号码格式不正确").waitFor();
    await page.getByText("密码长度须为 8–128 位").waitFor();
    await shot(page, "walk-in-refused");

    const id = residentId("19700101", 123, "MALE");
    await page.locator('input[data-test="walk-in-id"], [data-test="walk-in-id"] input').fill(id);
    await page.locator('[data-test="walk-in-id-preview"]').waitFor();
    expect(await page.locator('[data-test="walk-in-id-preview"]').innerText()).toContain("1970-01-01");
    await page.locator('input[data-test="walk-in-phone"], [data-test="walk-in-phone"] input').fill("13812345670");
    await page.locator('input[data-test="walk-in-password"], [data-test="walk-in-password"] input').fill("Walkin#2026");
    await page.locator('[data-test="walk-in-skill-0"]').click();
    await page.locator(".el-select-dropdown__item").filter({ hasText: "搬运装卸" }).first().click();
    await page.locator('[data-test="walk-in-submit"]').click();
    await page.locator('[data-test="walk-in-success"]').waitFor();
    const text = await page.locator('[data-test="walk-in-success"]').innerText();
    expect(text).toContain("李大伯");
    expect(text).toContain(`${id.slice(0, 6)}********${id.slice(14)}`);
    await shot(page, "walk-in-registered");
    const [row] = await c.t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from worker_profiles where real_name = '李大伯' and registered_by is not null`);
    expect(row!.n).toBe(1);
  });

  it("staff open a task's offers and see why each worker was offered it", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    await page.locator('[data-test="menu-/tasks"]').click();
    await page.locator('[data-test="task-table"]').waitFor();
    await shot(page, "task-list");
    await page.locator('[data-test="task-table"] a').first().click();
    await page.locator('[data-test="offer-table"]').first().waitFor();
    // Each offer names its worker, masked (张**), never the full name.
    const taskId = page.url().split("/tasks/")[1]!.split(/[?#]/)[0]!;
    const names = await c.t.database.db.execute<{ real_name: string }>(
      sql`select p.real_name from offers o join worker_profiles p on p.user_id = o.worker_id where o.task_id = ${taskId}`,
    );
    const shown = await page.locator('[data-test="offer-worker"]').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(names.map((n) => maskName(n.real_name)).sort());
    expect(shown.every((n) => n.includes("*"))).toBe(true);
    await expect.poll(() => page.locator('[data-test="offer-why-inline"]').first().innerText()).not.toBe("");
    await page.locator('[data-test="offer-table"] .el-table__expand-icon').first().click();
    await page.locator('[data-test="offer-why"]').first().waitFor();
    expect(await page.locator('[data-test="offer-why"]').first().innerText()).toContain("为何派给TA");
    expect(await page.locator('[data-test="fill-rate"]').innerText()).toContain("满员率");
    await shot(page, "task-offers-why");
  });

  it("staff cannot open officers' pages: the router guard and the server both refuse", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    expect(await page.locator('[data-test="menu-/venues"]').count()).toBe(0);
    await page.goto("/venues");
    await page.locator('[data-test="forbidden"]').waitFor();
    const res = await gqlInPage(page, `{ venueCoverage { city { markets } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await page.goto("/queues");
    await page.locator('[data-test="forbidden"]').waitFor();
    const q = await gqlInPage(page, `mutation { openQueueDashboard { url } }`);
    expect(q.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
