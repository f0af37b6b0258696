// Complaints, the placement roster and subsidy applications in a real browser against an API on a settable clock.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATERIALS } from "@qz/shared/subsidy/application";
import { insertUser, insertVenue } from "../../server/src/testing/factories.js";
import { PHONES, shot, signIn } from "./harness.js";
import { ExcelJS, startClockConsole, type ClockConsole } from "./clock-console.js";

describe("console: complaints, roster and subsidies", () => {
  let c: ClockConsole;
  let demoMarketId: string;
  const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => c.t.database.db.execute<T>(query);
  beforeAll(async () => {
    c = await startClockConsole();
    const [staff] = await q<{ venue_id: string }>(sql`select venue_id from users where phone = ${PHONES.staff}`);
    demoMarketId = staff!.venue_id;
  });
  afterAll(() => c?.close());

  it("venue staff handle a complaint with its SLA countdown shown: accept, start, resolve", async () => {
    const [open] = await q<{ id: string }>(sql`select id from complaints where venue_id = ${demoMarketId} and status = 'SUBMITTED' order by created_at limit 1`);
    expect(open, "the demo data has a complaint waiting to be accepted").toBeTruthy();
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    await page.locator('[data-test="menu-/complaints"]').click();
    await page.locator('[data-test="complaint-table"]').waitFor();
    await expect.poll(() => page.locator('[data-test="sla-countdown"]').first().innerText()).toMatch(/(受理|办结|自动办结)剩余 .*\d{2}:\d{2}:\d{2}/);
    await shot(page, "complaint-queue");

    await page.goto(`/complaints/${open!.id}`);
    await expect.poll(() => page.locator('[data-test="complaint-status"]').innerText()).toBe("待受理");
    const first = await page.locator('[data-test="complaint-sla"] [data-test="sla-countdown"]').innerText();
    expect(first).toMatch(/\d{2}:\d{2}:\d{2}/);
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-test="complaint-sla"] [data-test="sla-countdown"]').innerText(), "the countdown ticks").not.toBe(first);
    await page.locator('[data-test="complaint-ACCEPT"]').click();
    await expect.poll(() => page.locator('[data-test="complaint-status"]').innerText()).toBe("已受理");
    await page.locator('[data-test="complaint-START"]').click();
    await expect.poll(() => page.locator('[data-test="complaint-status"]').innerText()).toBe("处理中");
    await page.locator('[data-test="complaint-RESOLVE"]').click();
    await page.locator(".el-message-box input").fill("已与用工方协调并补发工资");
    await page.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.locator('[data-test="complaint-status"]').innerText()).toBe("已提出处理结果");
    expect(await page.locator('[data-test="complaint-history"]').innerText()).toContain("已与用工方协调");
    await shot(page, "complaint-detail");
    const [row] = await q<{ status: string; resolution: string }>(sql`select status, resolution from complaints where id = ${open!.id}`);
    expect(row).toMatchObject({ status: "RESOLVED", resolution: "已与用工方协调并补发工资" });
  });

  it("venue staff export the placement roster (附件5); the .xlsx opens with exceljs and lists the year's placements", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    await page.locator('[data-test="menu-/subsidy"]').click();
    await page.locator('[data-test="roster-export"]').waitFor();
    const year = Number(await page.locator('[data-test="roster-year"] input').inputValue());
    const expected = await c.services.performance.rosterRows(demoMarketId, year);
    expect(expected.length, "the demo market has placements this assessment year").toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-test="export-roster"]').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^附件5_岗位推荐成功花名册_.+_${year}\\.xlsx$`));
    expect(new URL(download.url()).pathname, "downloaded from the signed link, streamed by the API").toBe("/exports/annex5");
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("附件5")!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(2)).toEqual(["序号", "姓名", "性别", "身份证号", "联系电话", "用工单位", "推荐成功日期", "重点群体", "派单方式"]);
    expect(ws.rowCount - 2).toBe(expected.length);
    expect(values(3).slice(0, 2)).toEqual([1, expected[0]!.workerName]);
    expect(String(values(3)[3])).toContain("********");
    await shot(page, "subsidy-list-roster");
  });

  it("a county officer reviews an application, puts it on public notice and it is approved once the notice ends (settable clock)", async () => {
    // A newly recognised station applies for the one-time grant with every material (services, as its staff).
    const venue = await insertVenue(c.t.database.db, { status: "RECOGNIZED", recognizedAt: new Date(), regionCode: "350502", name: "鲤城区浮桥零工驿站" });
    const staff = await insertUser(c.t.database.db, "VENUE_STAFF", { venueId: venue.id, regionCode: "350502" });
    const caller = { actor: { userId: staff.id, role: "VENUE_STAFF" as const, venueId: venue.id, regionCode: "350502" }, meta: { requestId: "e2e-subsidy", ip: "127.0.0.1", userAgent: "vitest" } };
    const app = await c.services.subsidy.createOneTimeApplication(caller, { materials: MATERIALS.ONE_TIME.map((m) => m.key) });
    await c.services.subsidy.submit(caller, app.id);

    const page = await c.newPage();
    await signIn(page, PHONES.county);
    await page.locator('[data-test="menu-/subsidy"]').click();
    await page.locator('[data-test="subsidy-table"]').waitFor();
    await page.getByRole("link", { name: "鲤城区浮桥零工驿站" }).click();
    await expect.poll(() => page.locator('[data-test="application-status"]').innerText()).toBe("已提交");
    expect(await page.locator('[data-test="materials"] label.el-checkbox.is-checked').count()).toBe(MATERIALS.ONE_TIME.length);
    await page.locator('[data-test="review-start"]').click();
    await expect.poll(() => page.locator('[data-test="application-status"]').innerText()).toBe("审核中");
    await page.locator('[data-test="review-publish"]').click();
    await page.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.locator('[data-test="application-status"]').innerText()).toBe("公示中");
    const [row] = await q<{ notice_ends_on: string }>(sql`select notice_ends_on::text from subsidy_applications where id = ${app.id}`);
    expect(await page.locator('[data-test="notice-period"]').innerText()).toContain(row!.notice_ends_on);
    await shot(page, "subsidy-public-notice");

    // Nothing is due before the notice ends; the day after its last day (Asia/Shanghai) the approval runs.
    expect(await c.deliverDue("subsidy.notice-ended")).toBe(0);
    c.clock.set(`${row!.notice_ends_on}T23:59:00+08:00`);
    expect(await c.deliverDue("subsidy.notice-ended")).toBe(0);
    c.clock.advance(2 * 60_000);
    expect(await c.deliverDue("subsidy.notice-ended")).toBe(1);

    // Weeks later by the API's clock: a fresh sign-in sees the approval.
    const later = await c.newPage();
    await signIn(later, PHONES.county);
    await later.goto(`/subsidy/${app.id}`);
    await expect.poll(() => later.locator('[data-test="application-status"]').innerText()).toBe("已批准");
    await later.locator('[data-test="payment-form"]').waitFor();
    await shot(later, "subsidy-approved");
    const [approved] = await q<{ status: string }>(sql`select status from subsidy_applications where id = ${app.id}`);
    expect(approved!.status).toBe("APPROVED");
  });
});
