// Subsidy applications past review in a real browser on a settable API clock: objections filed and decided during
// the public notice (公示异议), the payment recorded (拨付), and the 附件3/4/6/7 exports opened with exceljs.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATERIALS } from "@qz/shared/subsidy/application";
import { insertUser, insertVenue } from "../../server/src/testing/factories.js";
import { PHONES, shot, signIn } from "./harness.js";
import { ExcelJS, startClockConsole, type ClockConsole } from "./clock-console.js";

describe("console: objections, payment and the 附件 exports", () => {
  let c: ClockConsole;
  let county: { userId: string; role: "COUNTY_OFFICER"; regionCode: string; venueId: null };
  const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => c.t.database.db.execute<T>(query);
  const meta = { requestId: "e2e-subsidy-payment", ip: "127.0.0.1", userAgent: "vitest" };
  beforeAll(async () => {
    c = await startClockConsole();
    const [row] = await q<{ id: string; region_code: string }>(sql`select id, region_code from users where phone = ${PHONES.county}`);
    county = { userId: row!.id, role: "COUNTY_OFFICER", regionCode: row!.region_code, venueId: null };
  });
  afterAll(() => c?.close());

  /** A new station of the officer's county applies for the one-time grant; the officer reviews and publishes it. */
  async function onNotice(name: string) {
    const venue = await insertVenue(c.t.database.db, { status: "RECOGNIZED", recognizedAt: new Date(), regionCode: county.regionCode, name });
    const staff = await insertUser(c.t.database.db, "VENUE_STAFF", { venueId: venue.id, regionCode: county.regionCode });
    const asStaff = { actor: { userId: staff.id, role: "VENUE_STAFF" as const, venueId: venue.id, regionCode: county.regionCode }, meta };
    const asCounty = { actor: county, meta };
    const app = await c.services.subsidy.createOneTimeApplication(asStaff, { materials: MATERIALS.ONE_TIME.map((m) => m.key) });
    await c.services.subsidy.submit(asStaff, app.id);
    await c.services.subsidy.startReview(asCounty, app.id);
    await c.services.subsidy.publish(asCounty, app.id);
    return { venue, app };
  }

  /** Clicks an export, follows the download from its signed link and returns the rows of its sheet (values from column 1). */
  async function download(page: Page, testId: string, sheet: string, name: RegExp) {
    const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-test="${testId}"]`).click()]);
    expect(file.suggestedFilename()).toMatch(name);
    // Downloaded from the signed link the export mutation returned (streamed by the API), not built in the page.
    expect(new URL(file.url()).pathname).toMatch(/^\/exports\/annex[34567]$/);
    expect(new URL(file.url()).searchParams.get("token")).toMatch(/^[0-9a-f-]{36}\.\d+\.[\w-]{43}$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(sheet)!;
    return Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
  }

  it("an objection is filed during the notice and upheld: the application goes back to review", async () => {
    const { app } = await onNotice("鲤城区江南零工驿站");
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    await page.goto(`/subsidy/${app.id}`);
    await expect.poll(() => page.locator('[data-test="application-status"]').innerText()).toBe("公示中");
    await page.locator('[data-test="file-objection"]').click();
    await page.locator(".el-message-box textarea").fill("短");
    await page.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await page.locator(".el-message-box").getByText("异议内容须为 5–1000 字").waitFor();
    await page.locator(".el-message-box textarea").fill("该驿站实际未开展服务，场地长期关闭");
    await page.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.locator('[data-test="objections"]').innerText()).toContain("待核查");
    expect(await page.locator('[data-test="objections"]').innerText()).toContain("场地长期关闭");
    await page.locator('[data-test="objection-uphold"]').click();
    await page.locator(".el-message-box input").fill("经现场核实异议属实");
    await page.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.locator('[data-test="application-status"]').innerText()).toBe("审核中");
    expect(await page.locator('[data-test="objections"]').innerText()).toContain("异议成立");
    expect(await page.locator('[data-test="file-objection"]').count(), "no objections once the notice is over").toBe(0);
    await shot(page, "subsidy-objection-upheld");
    const [row] = await q<{ status: string; n: number }>(
      sql`select a.status, (select count(*)::int from subsidy_objections o where o.application_id = a.id and o.status = 'UPHELD') as n from subsidy_applications a where a.id = ${app.id}`,
    );
    expect(row).toEqual({ status: "UNDER_REVIEW", n: 1 });
  });

  it("a dismissed objection lets the notice run out; the officer records the payment and exports 附件3/4/6", { timeout: 240_000 }, async () => {
    const { venue, app } = await onNotice("鲤城区金龙零工驿站");
    const page = await c.newPage();
    await signIn(page, PHONES.city);
    await page.goto(`/subsidy/${app.id}`);
    // The city bureau records an objection it received by letter; only the county officer decides it.
    await page.locator('[data-test="file-objection"]').click();
    await page.locator(".el-message-box textarea").fill("听说该驿站服务时间不足");
    await page.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.locator('[data-test="objections"]').innerText()).toContain("待核查");
    expect(await page.locator('[data-test="objection-dismiss"]').count()).toBe(0);

    const officer = await c.newPage();
    await signIn(officer, PHONES.county);
    await officer.goto(`/subsidy/${app.id}`);
    await officer.locator('[data-test="objection-dismiss"]').click();
    await officer.locator(".el-message-box input").fill("经核查服务时间符合要求");
    await officer.locator(".el-message-box").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => officer.locator('[data-test="objections"]').innerText()).toContain("异议不成立");
    expect(await officer.locator('[data-test="application-status"]').innerText()).toBe("公示中");

    const [a] = await q<{ notice_ends_on: string; amount_fen: string }>(sql`select notice_ends_on::text, amount_fen from subsidy_applications where id = ${app.id}`);
    c.clock.set(`${a!.notice_ends_on}T23:59:00+08:00`);
    c.clock.advance(2 * 60_000);
    // The first test's notice event is due too (cancelled when its objection was upheld): delivered as a no-op.
    expect(await c.deliverDue("subsidy.notice-ended")).toBeGreaterThanOrEqual(1);

    const pay = await c.newPage();
    await signIn(pay, PHONES.county);
    await pay.goto(`/subsidy/${app.id}`);
    await expect.poll(() => pay.locator('[data-test="application-status"]').innerText()).toBe("已批准");
    await pay.locator('input[data-test="voucher-no"], [data-test="voucher-no"] input').fill("QZ-2026-0001");
    await pay.locator('[data-test="record-payment"]').click();
    await expect.poll(() => pay.locator('[data-test="application-status"]').innerText()).toBe("已拨付");
    const yuan = (Number(a!.amount_fen) / 100).toFixed(2);
    expect(await pay.locator('[data-test="paid"]').innerText()).toContain(`¥${yuan}`);
    expect(await pay.locator('[data-test="paid"]').innerText()).toContain("QZ-2026-0001");
    expect(await pay.locator('[data-test="payment-form"]').count()).toBe(0);
    await shot(pay, "subsidy-paid");
    const [paid] = await q<{ status: string; paid_fen: string; voucher_no: string }>(sql`select status, paid_fen, voucher_no from subsidy_applications where id = ${app.id}`);
    expect(paid).toEqual({ status: "PAID", paid_fen: a!.amount_fen, voucher_no: "QZ-2026-0001" });

    const annex3 = await download(pay, "export-annex3", "附件3", /^附件3_.+\.xlsx$/);
    expect(annex3[1]).toEqual(["项目", "内容"]);
    expect(annex3).toContainEqual(["场所名称", venue.name]);
    expect(annex3).toContainEqual(["认定状态", "已认定"]);
    const annex4 = await download(pay, "export-annex4", "附件4", /^附件4_.+\.xlsx$/);
    expect(annex4).toContainEqual(["场所名称", venue.name]);
    expect(annex4).toContainEqual(["申请状态", "已拨付"]);
    expect(annex4).toContainEqual(["拨付凭证号", "QZ-2026-0001"]);
    expect(annex4).toContainEqual(["拨付金额（元）", Number(yuan)]);
    const annex6 = await download(pay, "export-annex6", "附件6", /^附件6_.+\.xlsx$/);
    const view = await c.services.performance.venueYear({ actor: county, meta }, venue.id, app.year);
    expect(annex6[1]![0]).toBe("项目编号");
    expect(annex6.slice(2, 2 + view.items.length).map((r) => r[0])).toEqual(view.items.map((i) => i.id));
    expect(annex6.find((r) => r[1] === "合计")![5]).toBe(view.score);
  });

  it("a county officer exports the year's summary (附件7): one row for the county with its placements", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    await page.locator('[data-test="menu-/subsidy"]').click();
    await page.locator('[data-test="subsidy-table"]').waitFor();
    const year = Number(await page.locator('[data-test="summary-year"] input').inputValue());
    const rows = await download(page, "export-annex7", "附件7", new RegExp(`^附件7_.+${year}.*\\.xlsx$`));
    expect(rows[1]![0]).toBe("县(市、区)");
    const body = rows.slice(2);
    expect(body.map((r) => r[0]), "a county officer's summary has only their county").toEqual(["鲤城区"]);
    const [expected] = await c.services.performance.regionSummary({ actor: county, meta }, year, county.regionCode);
    expect(body[0]![3]).toBe(Number(expected!.placements));
    expect(body[0]![1]).toBe(Number(expected!.markets));
    await shot(page, "subsidy-annex7");
  });
});
