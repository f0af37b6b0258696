// The employer's and the public phone pages (/m/) at 390×844 with touch: the demo employer posts a task (refused below the
// area's hourly minimum wage with the figure), funds escrow, watches the seat fill live, signs, approves the
// hours, submits the pay and rates the worker, then sees the complaints against them. The worker's side and the
// job the BullMQ worker would run (drafting the contract) are done through the API and the services.
// An anonymous visitor finds the nearest venue and an open task, with no personal data on the page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../server/src/access/actor.js";
import { JOB_HANDLERS } from "../../server/src/jobs/handlers.js";
import { jobIdFor } from "../../server/src/jobs/events.js";
import { runJob } from "../../server/src/jobs/job-runner.js";
import { createServices } from "../../server/src/services.js";
import { smsOutbox } from "../../server/src/testing/factories.js";
import { PHONES, SCREENSHOTS, shot } from "./harness.js";
import { noHorizontalScroll, phoneLogIn, startPhoneLab, writeQrVideo, type PhoneLab } from "./phone.js";

const SYSTEM: Caller = { actor: null, system: true, meta: { requestId: "e2e", ip: null, userAgent: null } };
const MIN = 60_000;
/** A Shanghai calendar day this many days from now, "YYYY-MM-DD". */
const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

let lab: PhoneLab;
/** The engagement the first test settles: its worker rates the employer and complains in the last one. */
let settledEngagementId = "";
beforeAll(async () => {
  lab = await startPhoneLab();
});
afterAll(async () => lab?.close());

describe("phone pages: an employer posts a task and settles it", () => {
  it("posts (refused below the minimum wage), funds escrow, sees the seat fill live, signs, approves hours, pays and rates", async () => {
    const { t } = lab;
    // The workplace is at the demo worker's home, so the worker can take it from nearby tasks.
    const [home] = await t.database.db.execute<{ lat: number; lng: number }>(sql`select p.home_lat as lat, p.home_lng as lng from worker_profiles p join users u on u.id = p.user_id where u.phone = ${PHONES.worker}`);
    const { context, page } = await lab.phone({ width: 390, height: 844 }, { latitude: home!.lat, longitude: home!.lng });
    await phoneLogIn(page, PHONES.employer);
    await page.locator('[data-test="employer-home"]').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.locator('[data-test="go-post"]').tap();

    await page.locator('[data-test="post-title"] input').fill("鞋厂仓库卸货");
    await page.locator('[data-test="post-skill"]').selectOption("PORTER");
    await page.locator('[data-test="post-region"]').selectOption("350502");
    await page.locator('[data-test="post-address"] input').fill("鲤城区江南街道鸿盛鞋业仓库");
    await page.locator('[data-test="post-locate"]').tap();
    await expect.poll(() => page.locator('[data-test="post-place"]').innerText()).toContain("我当前的位置");
    await page.locator('[data-test="post-day"] input').fill(shanghaiDay(7));
    await page.locator('[data-test="post-start"] input').fill("09:00");
    await page.locator('[data-test="post-end"] input').fill("12:00");
    await expect.poll(() => page.locator('[data-test="post-minimum"]').innerText()).toBe("本区最低小时工资 ¥20.50");

    // Below the minimum: the figure shows as it is typed, and the post is refused without reaching the server.
    const before = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from tasks where title = '鞋厂仓库卸货'`);
    await page.locator('[data-test="post-pay"] input').fill("15");
    await expect.poll(() => page.locator('[data-test="post-pay"]').innerText()).toContain("低于当地最低工资标准 20.50 元");
    await page.locator('[data-test="post-submit"]').tap();
    expect(await page.locator('[data-test="post-error"]').innerText()).toContain("低于当地最低工资标准 20.50 元");
    expect((await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from tasks where title = '鞋厂仓库卸货'`))[0]!.n).toBe(before[0]!.n);

    await page.locator('[data-test="post-pay"] input').fill("25");
    await page.locator('[data-test="post-pay-ok"]').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-employer-post");
    await page.locator('[data-test="post-submit"]').tap();
    await page.waitForURL(/\/m\/e\/task\//);
    const taskId = page.url().split("/e/task/")[1]!;
    const [task] = await t.database.db.execute<{ pay_rate_fen: number; pay_unit: string; headcount: number }>(sql`select pay_rate_fen::int as pay_rate_fen, pay_unit, headcount from tasks where id = ${taskId}`);
    expect(task).toEqual({ pay_rate_fen: 2500, pay_unit: "HOUR", headcount: 1 });

    // 托管: three hours at ¥25 for one worker.
    await expect.poll(() => page.locator('[data-test="escrow-fund"]').innerText()).toContain("¥75.00");
    await page.locator('[data-test="escrow-fund"]').tap();
    await page.locator('[data-test="escrow-full"]').waitFor();
    expect(await page.locator('[data-test="escrow-balance"]').innerText()).toBe("¥75.00");
    expect(await page.locator('[data-test="task-filled"]').innerText()).toBe("0");

    // The worker takes the task: the seat fills on the employer's page without a reload (the 30 s poll is slower).
    expect(await page.locator('[data-test="task-live"]').innerText()).toContain("实时");
    // Wait until the API listens on this task's channel (the page's subscription reached it), then take.
    const channel = `TASK_UPDATED:${taskId}`;
    await expect.poll(async () => ((await t.api.deps.redis.pubsub("NUMSUB", channel)) as [string, number])[1]).toBeGreaterThan(0);
    const { takeTask } = await lab.as<{ takeTask: { id: string } }>(PHONES.worker, `mutation($id: UUID!) { takeTask(taskId: $id) { id } }`, { id: taskId });
    await expect.poll(() => page.locator('[data-test="task-filled"]').innerText(), { timeout: 10_000 }).toBe("1");
    expect(await page.locator('[data-test="task-status"]').innerText()).toBe("已招满");
    expect(await page.locator('[data-test="call-venue-float"]').isVisible()).toBe(true);
    await shot(page, "mobile-employer-task");
    const engagementId = takeTask.id;
    settledEngagementId = engagementId;

    // engagement.created → contract.draft is the BullMQ worker's job; the worker signs over the API.
    const services = createServices(t.api.deps);
    const contract = (await services.contracts.draftForEngagement(SYSTEM, engagementId))!;
    await lab.as(PHONES.worker, `mutation($id: UUID!) { requestContractSigningCode(contractId: $id) { expiresAt } }`, { id: contract.id });
    await lab.as(PHONES.worker, `mutation($i: SignContractInput!) { signContract(input: $i) { status } }`, {
      i: { contractId: contract.id, smsCode: smsOutbox(t).lastCodeFor(PHONES.worker), termsHash: contract.termsHash, confirmIntent: true },
    });

    await page.locator('[data-test="open-engagement"]').tap();
    await page.waitForURL(/\/m\/e\/job\//);
    await expect.poll(() => page.locator('[data-test="contract-status"]').innerText()).toBe("一方已签");
    await page.locator('[data-test="sign-agree"]').tap();
    await page.locator('[data-test="sign-send-code"]').tap();
    await page.locator('[data-test="engagement-notice"]').waitFor();
    await page.locator('[data-test="sign-code"] input').fill(smsOutbox(t).lastCodeFor(PHONES.employer)!);
    await page.locator('[data-test="sign-submit"]').tap();
    await expect.poll(() => page.locator('[data-test="contract-status"]').innerText()).toBe("双方已签");
    expect(await page.locator('[data-test="hours-none"]').count()).toBe(1);

    // The worker checks in and out at the workplace on the API's moved clock.
    const [e] = await t.database.db.execute<{ starts_at: string; ends_at: string }>(sql`select starts_at, ends_at from engagements where id = ${engagementId}`);
    // 扫码签到 with the phone's camera: Chromium's fake camera films the employer's QR (a Y4M made here from the
    // code the employer's page shows); qr-scanner reads it and the page checks in, no location and no typing.
    lab.offset = new Date(e!.starts_at).getTime() - 5 * MIN - Date.now();
    const video = join(mkdtempSync(join(tmpdir(), "qz-camera-")), "camera.y4m");
    writeQrVideo(video, null);
    const worker = await lab.cameraPhone(video);
    await phoneLogIn(worker.page, PHONES.worker);
    await worker.page.goto(`/m/job/${engagementId}`);
    await worker.page.locator('[data-test="code-scan"]').waitFor();
    const { checkInCode } = await lab.as<{ checkInCode: { code: string } }>(PHONES.employer, `query($t: UUID!) { checkInCode(taskId: $t) { code } }`, { t: taskId });
    writeQrVideo(video, checkInCode.code);
    await worker.page.locator('[data-test="code-scan"]').tap();
    await worker.page.locator('[data-test="code-camera"] video').waitFor();
    await expect.poll(() => worker.page.locator('[data-test="check-in-at"]').innerText(), { timeout: 30_000 }).not.toBe("—");
    expect(await worker.page.locator('[data-test="job-notice"]').innerText()).toBe("签到成功");
    const [scanned] = await t.database.db.execute<{ check_in_method: string }>(sql`select check_in_method from attendance_records where engagement_id = ${engagementId}`);
    expect(scanned!.check_in_method).toBe("QR");
    await shot(worker.page, "mobile-worker-scanned-check-in");
    await worker.context.close();
    lab.offset = new Date(e!.ends_at).getTime() + 5 * MIN - Date.now();
    await lab.as(PHONES.worker, `mutation($i: CheckInInput!) { checkOut(input: $i) { id } }`, { i: { engagementId, lat: home!.lat, lng: home!.lng } });

    await page.reload();
    await expect.poll(() => page.locator('[data-test="hours-status"]').innerText()).toBe("待您确认工时");
    await page.locator('[data-test="hours-approve"]').tap();
    await expect.poll(() => page.locator('[data-test="hours-status"]').innerText()).toBe("工时已确认");
    await page.locator('[data-test="pay-submit"]').tap();
    await expect.poll(() => page.locator('[data-test="pay-status"]').innerText()).toBe("已提交，待工人确认");
    expect(await page.locator('[data-test="pay-total"]').innerText()).toBe("应发 ¥75.00");

    await page.locator('[data-test="rate-tag-PUNCTUAL"]').tap();
    await page.locator('[data-test="rate-submit"]').tap();
    await page.locator('[data-test="rated"]').waitFor();
    const [rating] = await t.database.db.execute<{ stars: number; tags: string[] }>(sql`select stars, tags from ratings where engagement_id = ${engagementId}`);
    expect(rating).toEqual({ stars: 5, tags: ["PUNCTUAL"] });
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-employer-settled");

    // Complaints against this employer (the demo's wage-arrears cases), in the tab bar.
    await page.locator('[data-test="tab-complaints"]').tap();
    await page.locator('[data-test="complaint-against"]').first().waitFor();
    expect(await page.locator('[data-test="complaint-against"]').count()).toBeGreaterThan(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-employer-complaints");
    await context.close();
  });

  it("the posting form fits 360×640 in large-text mode, and the call-my-venue button stays in view", async () => {
    lab.offset = 0;
    const { context, page } = await lab.phone({ width: 360, height: 640 });
    await phoneLogIn(page, PHONES.employer);
    await page.locator('[data-test="employer-task-card"]').first().waitFor();
    await page.locator('[data-test="large-text"]').tap();
    await page.locator('[data-test="open-task"]').first().tap();
    await page.locator('[data-test="escrow"]').waitFor();
    const call = page.locator('[data-test="call-venue-float"]');
    await call.waitFor();
    const box = (await call.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    expect(await call.getAttribute("href")).toMatch(/^tel:\S+/);
    await page.locator('[data-test="tab-post"]').tap();
    await page.locator('[data-test="post-pay"]').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-employer-post-large-360");
    await context.close();
  });
});

describe("phone pages without a login", () => {
  it("an anonymous visitor finds the nearest venue and an open task, with no personal data on the page", async () => {
    lab.offset = 0;
    const { t } = lab;
    const [market] = await t.database.db.execute<{ id: string; name: string; address: string; contact_phone: string; lat: number; lng: number }>(
      sql`select id, name, address, contact_phone, lat, lng from venues where region_code = '350502' and type = 'MARKET' and status = 'RECOGNIZED' and contact_phone is not null order by name limit 1`,
    );
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    await lab.as(PHONES.employer, `mutation($i: PostTaskInput!) { postTask(input: $i) { id } }`, {
      i: { title: "展会搭建临时工", skillCode: "EVENT_STAFF", regionCode: "350502", address: "鲤城区某某路99号鸿盛展厅", lat: market!.lat + 0.002, lng: market!.lng, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(), headcount: 3, payRateFen: 3000, payUnit: "HOUR" },
    });
    // A visitor standing at the market's door, on a small phone.
    const { context, page } = await lab.phone({ width: 360, height: 640 }, { latitude: market!.lat, longitude: market!.lng });
    await page.goto("/m/login");
    await page.locator('[data-test="go-find"]').tap();
    await page.waitForURL(/\/m\/find/);
    const nearest = page.locator('[data-test="venue-card"]').first();
    await nearest.waitFor();
    expect(await nearest.innerText()).toContain(market!.name);
    expect(await nearest.locator('[data-test="venue-address"]').innerText()).toContain(market!.address);
    expect(await nearest.locator('[data-test="venue-call"]').getAttribute("href")).toBe(`tel:${market!.contact_phone}`);
    expect(await nearest.innerText()).toMatch(/服务：求职登记/);
    // 开放时间: the seeded line, then what the venue's officer sets (the finder reads it on the next search).
    expect(await nearest.locator('[data-test="venue-hours"]').innerText()).toMatch(/^开放时间：周[一二三四五六日]至周[一二三四五六日] \d{2}:\d{2}–\d{2}:\d{2}/);
    await lab.as(PHONES.county, `mutation($i: UpdateVenueOpeningHoursInput!) { updateVenueOpeningHours(input: $i) { id } }`, { i: { venueId: market!.id, openingHours: "周一至周日 07:30–12:00，14:00–18:30" } });
    await page.reload();
    await expect.poll(() => page.locator('[data-test="venue-card"]').first().locator('[data-test="venue-hours"]').innerText()).toBe("开放时间：周一至周日 07:30–12:00，14:00–18:30");
    const task = page.locator('[data-test="open-task"]', { hasText: "展会搭建临时工" });
    await task.waitFor();
    expect(await task.innerText()).toMatch(/¥30\.00\/小时[\s\S]*还差 3 人/);
    // Nothing personal: no employer, no workplace address, no names or phone numbers of people.
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/鸿盛|某某路|陈志明|1[3-9]\d{9}/);
    expect(await page.locator('[data-test="task-register"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-test="venue-register"]').count()).toBeGreaterThan(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-public-finder");
    // What a visitor sees first (for the README): the nearest venue's card with its hours.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}mobile-public-finder-top.png` });
    await page.locator('[data-test="large-text"]').tap();
    expect(await noHorizontalScroll(page)).toBe(true);
    await task.locator('[data-test="task-register"]').tap();
    await page.waitForURL(/\/m\/register/);
    await context.close();
  });
});

describe("phone pages: the worker rates the employer and complains with a photo", () => {
  it("after the pay arrives, rates the employer and files a complaint with a photo whose status shows", async () => {
    expect(settledEngagementId).not.toBe("");
    const { t } = lab;
    const engagementId = settledEngagementId;
    const [e] = await t.database.db.execute<{ ends_at: string }>(sql`select ends_at from engagements where id = ${engagementId}`);
    lab.offset = new Date(e!.ends_at).getTime() + 60 * MIN - Date.now();
    const [s] = await t.database.db.execute<{ id: string }>(sql`select id from settlements where engagement_id = ${engagementId}`);
    await lab.as(PHONES.worker, `mutation($id: UUID!) { confirmSettlement(id: $id) { status } }`, { id: s!.id });
    expect((await createServices(t.api.deps).settlement.paySettlement(SYSTEM, s!.id)).status).toBe("PAID");

    const { context, page } = await lab.phone();
    await phoneLogIn(page, PHONES.worker);
    await page.goto(`/m/job/${engagementId}`);
    await page.locator('[data-test="rate"]').waitFor();
    await page.locator('[data-test="rate-tag-PAID_ON_TIME"]').tap();
    await page.locator('[data-test="rate-tag-PAY_DELAYED"]').tap();
    await page.locator('[data-test="rate-submit"]').tap();
    await page.locator('[data-test="rated"]').waitFor();
    const ratings = await t.database.db.execute<{ side: string; tags: string[] }>(sql`select side, tags from ratings where engagement_id = ${engagementId} order by side`);
    expect(ratings.find((r) => r.side === "WORKER_RATES_EMPLOYER")?.tags).toEqual(["PAID_ON_TIME", "PAY_DELAYED"]);

    await page.locator('[data-test="complain-job"]').tap();
    await page.locator('[data-test="complaint-new"]').waitFor();
    await page.locator('[data-test="complaint-category"]').selectOption("CONTRACT_BREACH");
    await page.locator('[data-test="complaint-submit"]').tap();
    expect(await page.locator('[data-test="complaint-error"]').innerText()).toContain("投诉标题");
    await page.locator('[data-test="complaint-title"] input').fill("现场活比说好的重");
    await page.locator('[data-test="complaint-description"] textarea').fill("说好搬鞋材，实际搬的是石材，没有加钱。");
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    await page.locator('[data-test="complaint-photos"] input[type="file"]').setInputFiles({ name: "现场.png", mimeType: "image/png", buffer: png });
    await page.locator('[data-test="complaint-photos"] .van-uploader__preview').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-worker-complaint");
    await page.locator('[data-test="complaint-submit"]').tap();
    await page.waitForURL(/\/m\/complaints$/);
    const mine = page.locator('[data-test="complaint-mine"]', { hasText: "现场活比说好的重" });
    await mine.waitFor();
    expect(await mine.locator('[data-test="complaint-status"]').innerText()).toBe("已提交，待受理");
    expect(await mine.locator('[data-test="complaint-evidence"]').innerText()).toBe("照片/附件 1 个");
    const [row] = await t.database.db.execute<{ respondent_kind: string; files: number }>(
      sql`select c.respondent_kind, (select count(*)::int from complaint_evidence ev where ev.complaint_id = c.id) as files from complaints c where c.engagement_id = ${engagementId} and c.title = '现场活比说好的重'`,
    );
    expect(row).toEqual({ respondent_kind: "EMPLOYER", files: 1 });
    await shot(page, "mobile-worker-complaints");
    await context.close();
  });
});

describe("phone pages: a complaint's progress, live", () => {
  it("the worker's complaint page shows the venue accepting and resolving it without a reload, then the worker closes it", async () => {
    lab.offset = 0;
    const { t } = lab;
    // The demo worker's seeded complaint, waiting at the demo market (the demo staff's venue).
    const [row] = await t.database.db.execute<{ id: string }>(
      sql`select c.id from complaints c join users u on u.id = c.complainant_id where u.phone = ${PHONES.worker} and c.status = 'SUBMITTED' and c.title = '实际工作时间超过约定'`,
    );
    const id = row!.id;
    /** Staff handle it over the API; the notify job the BullMQ worker would run then publishes the live update. */
    const handle = async (action: string, note?: string) => {
      await lab.as(PHONES.staff, `mutation($id: UUID!, $a: ComplaintHandlerAction!, $n: String) { handleComplaint(id: $id, action: $a, note: $n) { status } }`, { id, a: action, n: note ?? null });
      const events = await t.database.db.execute<{ id: string; payload: Record<string, unknown> }>(
        sql`select id, payload from outbox where name = 'complaint.status-changed' and payload->>'complaintId' = ${id} and payload->>'action' = ${action}`,
      );
      for (const e of events) {
        await runJob(t.api.deps, JOB_HANDLERS, { id: jobIdFor(e.id, "notify.complaint-status-changed"), name: "notify.complaint-status-changed", data: e.payload });
      }
    };

    const { context, page } = await lab.phone();
    await phoneLogIn(page, PHONES.worker);
    await page.locator('[data-test="tab-complaints"]').tap();
    const card = page.locator('[data-test="complaint-mine"]', { hasText: "实际工作时间超过约定" });
    await card.locator('[data-test="complaint-open"]').tap();
    await page.waitForURL(new RegExp(`/m/complaints/${id}$`));
    const status = page.locator('[data-test="complaint-detail-status"]');
    expect(await status.innerText()).toBe("已提交，待受理");
    expect(await page.locator('[data-test="complaint-deadline"]').innerText()).toMatch(/受理期限：/);
    expect(await page.locator('[data-test="complaint-live"]').innerText()).toContain("实时");
    // Wait until the API listens on this complaint's channel (the page's subscription reached it).
    await expect.poll(async () => ((await t.api.deps.redis.pubsub("NUMSUB", `COMPLAINT_UPDATED:${id}`)) as [string, number])[1]).toBeGreaterThan(0);

    await handle("ACCEPT");
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe("已受理");
    expect(await page.locator('[data-test="complaint-deadline"]').innerText()).toMatch(/处理期限：/);
    expect(await page.locator('[data-test="complaint-step"]').first().innerText()).toContain("驿站已受理");

    await handle("RESOLVE", "已与用工方核实，超时2小时按约定时薪补发52元。");
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe("已处理，待确认");
    expect(await page.locator('[data-test="complaint-resolution"]').innerText()).toContain("补发52元");
    expect(await page.locator('[data-test="complaint-step-note"]').first().innerText()).toContain("补发52元");
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-complaint-live");

    await page.locator('[data-test="complaint-close"]').tap();
    await expect.poll(() => status.innerText()).toBe("已办结");
    const [closed] = await t.database.db.execute<{ status: string; outcome_stars: number }>(sql`select status, outcome_stars from complaints where id = ${id}`);
    expect(closed).toEqual({ status: "CLOSED", outcome_stars: 5 });
    await context.close();
  });
});
