// The phone pages (/m/) in Chromium at a phone's size with touch and geolocation: the demo worker takes an
// offer, signs, checks in (refused outside the fence first) and out, confirms pay and sees the wallet.
// The API's clock is moved to the job's start and end; the employer's side and the jobs the BullMQ worker
// would run (drafting the contract, paying out) are done here through the API and the services.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../server/src/access/actor.js";
import { createServices } from "../../server/src/services.js";
import { smsOutbox } from "../../server/src/testing/factories.js";
import { PHONES, shot } from "./harness.js";
import { noHorizontalScroll, phoneLogIn, startPhoneLab, type PhoneLab } from "./phone.js";

const SYSTEM: Caller = { actor: null, system: true, meta: { requestId: "e2e", ip: null, userAgent: null } };
const MIN = 60_000;

describe("phone pages: a worker's day", () => {
  let lab: PhoneLab;
  beforeAll(async () => {
    lab = await startPhoneLab();
  });
  afterAll(async () => lab?.close());
  const phone = (...args: Parameters<PhoneLab["phone"]>) => lab.phone(...args);

  /** Signs the demo worker in and waits until the home page has loaded its offers or jobs without an error. */
  async function logIn(page: Page) {
    await phoneLogIn(page, PHONES.worker);
    await page.locator('[data-test="offer-card"], [data-test="job-card"], [data-test="home-error"]').first().waitFor();
    const failed = page.locator('[data-test="home-error"]');
    expect(await failed.count(), (await failed.allInnerTexts()).join()).toBe(0);
  }

  /** The employer's side over the API: sign with a texted code, approve the hours, fund escrow, submit pay. */
  const asEmployer = <T>(query: string, variables: Record<string, unknown> = {}) => lab.as<T>(PHONES.employer, query, variables);

  // First: the journey below moves the API's clock days ahead.
  it("large-text mode scales the page at 360×640 without horizontal scrolling, and is remembered", async () => {
    const { context, page } = await phone({ width: 360, height: 640 });
    await logIn(page);
    await page.locator('[data-test="offer-card"], [data-test="job-card"]').first().waitFor();
    const title = page.locator('[data-test="hello"]');
    const before = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const buttonBefore = (await page.locator('[data-test="call-venue"] button').boundingBox())!.height;
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-home-360");
    await page.locator('[data-test="large-text"]').tap();
    await expect.poll(() => title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(before * 1.2);
    expect((await page.locator('[data-test="call-venue"] button').boundingBox())!.height).toBeGreaterThan(buttonBefore);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-home-large-text");
    await page.reload();
    await title.waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains("qz-large"))).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);
    await context.close();
  });
  it("takes an offer, signs, checks in (refused outside the fence) and out, confirms pay and sees the wallet", async () => {
    // The demo offer overlaps the demo worker's seeded signed job (DOUBLE_BOOKING): move the offered task to day 5.
    await lab.t.database.db.execute(sql`update tasks set starts_at = date_trunc('hour', now()) + interval '5 days', ends_at = date_trunc('hour', now()) + interval '5 days 4 hours'
      where id in (select o.task_id from offers o join users u on u.id = o.worker_id where u.phone = ${PHONES.worker} and o.status = 'OFFERED')`);
    const { context, page } = await phone();
    await logIn(page);
    expect(await page.locator('[data-test="call-venue"]').innerText()).toMatch(/打电话给我的驿站 \S+/);
    const offer = page.locator('[data-test="offer-card"]').first();
    await offer.waitFor();
    expect(await offer.locator('[data-test="offer-countdown"]').innerText()).toMatch(/还剩/);
    await offer.locator('[data-test="offer-why-toggle"]').tap();
    expect(await offer.locator('[data-test="offer-why"]').innerText()).toMatch(/%/);
    expect(await page.locator('[data-test="nearby-card"]').count()).toBeGreaterThanOrEqual(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-home");

    await offer.locator('[data-test="offer-accept"]').tap();
    await page.waitForURL(/\/m\/job\//);
    const engagementId = page.url().split("/job/")[1]!;
    const [e] = await lab.t.database.db.execute<{ starts_at: string; ends_at: string; lat: number; lng: number }>(
      sql`select e.starts_at, e.ends_at, t.lat, t.lng from engagements e join tasks t on t.id = e.task_id where e.id = ${engagementId}`,
    );
    expect(e).toBeDefined();
    // 合同生成中: before the contract is drafted the page waits for it, with no error and no check-in button.
    await page.locator('[data-test="contract-drafting"]').waitFor();
    expect(await page.locator('[data-test="contract-pending"]').innerText()).toContain("合同生成中");
    expect(await page.locator('[data-test="job-error"]').count()).toBe(0);
    expect(await page.locator('[data-test="check-in"]').count()).toBe(0);
    await shot(page, "mobile-contract-drafting");

    // 到岗确认: the job starts on day 5, so the deadline is still ahead and the button is shown.
    expect(await page.locator('[data-test="reconfirm-by"]').innerText()).not.toBe("—");
    await page.locator('[data-test="reconfirm-submit"]').tap();
    await page.locator('[data-test="reconfirm-done"]').waitFor();
    expect(await page.locator('[data-test="reconfirm-done"]').innerText()).toBe("已确认");
    const [confirmed] = await lab.t.database.db.execute<{ confirmed_at: string | null }>(sql`select confirmed_at from engagements where id = ${engagementId}`);
    expect(confirmed!.confirmed_at).not.toBeNull();
    expect(await noHorizontalScroll(page)).toBe(true);

    // engagement.created → contract.draft is the BullMQ worker's job; run it as the worker would.
    const services = createServices(lab.t.api.deps);
    // 零工保: nothing recorded until engagement.created's insurance job has run (here, as the worker would).
    expect(await page.locator('[data-test="insurance-status"]').innerText()).toBe("未记录");
    const contract = (await services.contracts.draftForEngagement(SYSTEM, engagementId))!;
    // The page notices the drafted contract by itself (no reload).
    await page.locator('[data-test="contract"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-test="job-error"]').count()).toBe(0);
    await services.insurance.recordTaken(randomUUID(), engagementId);
    await page.reload();
    await page.locator('[data-test="contract"]').waitFor();
    expect(await page.locator('[data-test="insurance-status"]').innerText()).toBe("已接单，待结算");
    expect(await page.locator('[data-test="insurance-policy"]').innerText()).not.toBe("暂无");
    expect(await page.locator('[data-test="contract-status"]').innerText()).toBe("待签署");
    await page.locator('[data-test="sign-submit"]').tap();
    expect(await page.locator('[data-test="job-error"]').innerText()).toContain("请先勾选");
    await page.locator('[data-test="sign-agree"]').tap();
    await page.locator('[data-test="sign-send-code"]').tap();
    await page.locator('[data-test="job-notice"]').waitFor();
    const code = smsOutbox(lab.t).lastCodeFor(PHONES.worker)!;
    await page.locator('[data-test="sign-code"] input').fill(code);
    await page.locator('[data-test="sign-submit"]').tap();
    await expect.poll(() => page.locator('[data-test="contract-status"]').innerText()).toBe("一方已签");
    await shot(page, "mobile-contract-signed");

    await asEmployer(`mutation($id: UUID!) { requestContractSigningCode(contractId: $id) { expiresAt } }`, { id: contract.id });
    await asEmployer(`mutation($i: SignContractInput!) { signContract(input: $i) { status } }`, {
      i: { contractId: contract.id, smsCode: smsOutbox(lab.t).lastCodeFor(PHONES.employer), termsHash: contract.termsHash, confirmIntent: true },
    });

    // Ten minutes before the start, 3 km from the workplace: refused with the distance and the rule.
    lab.offset = new Date(e!.starts_at).getTime() - 10 * MIN - Date.now();
    await context.setGeolocation({ latitude: e!.lat + 0.027, longitude: e!.lng });
    await page.reload();
    await expect.poll(() => page.locator('[data-test="contract-status"]').innerText()).toBe("双方已签");
    await page.locator('[data-test="check-in"]').tap();
    await page.locator('[data-test="job-error"]').waitFor();
    expect(await page.locator('[data-test="job-error"]').innerText()).toMatch(/您距离工作地点约 \d+ 米，须在 500 米内签到签退/);
    await shot(page, "mobile-check-in-refused");

    await context.setGeolocation({ latitude: e!.lat + 0.0005, longitude: e!.lng });
    await page.locator('[data-test="check-in"]').tap();
    await page.locator('[data-test="check-out"]').waitFor();
    expect(await page.locator('[data-test="check-in-at"]').innerText()).not.toBe("—");

    // 扫码签退 by typing (the camera is in mobile-employer.e2e): the employer's task page shows the rotating QR
    // and its 8-character short code; the worker types it in on the job page, in lower case.
    lab.offset = new Date(e!.ends_at).getTime() + 5 * MIN - Date.now();
    const [task] = await lab.t.database.db.execute<{ id: string; pay_rate_fen: number }>(sql`select t.id, t.pay_rate_fen from tasks t join engagements e on e.task_id = t.id where e.id = ${engagementId}`);
    const boss = await phone({ width: 360, height: 640 });
    await phoneLogIn(boss.page, PHONES.employer);
    await boss.page.locator('[data-test="employer-home"]').waitFor();
    await boss.page.goto(`/m/e/task/${task!.id}`);
    const shown = (await boss.page.locator('[data-test="check-in-code"]').innerText()).trim();
    expect(shown).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await boss.page.locator('[data-test="check-in-code-qr"]').getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    expect(await noHorizontalScroll(boss.page)).toBe(true);
    await shot(boss.page, "mobile-employer-check-in-code");
    await boss.context.close();

    await page.locator('[data-test="code-open"]').tap();
    expect(await page.locator('[data-test="code-form"]').innerText()).toContain("8位签到码");
    await page.locator('[data-test="code-submit"]').tap();
    expect(await page.locator('[data-test="job-error"]').innerText()).toContain("请先输入");
    await page.locator('[data-test="code-input"] input').fill("AAAA-AAAA");
    await page.locator('[data-test="code-submit"]').tap();
    await expect.poll(() => page.locator('[data-test="job-error"]').innerText()).toContain("签到码不对");
    await page.locator('[data-test="code-input"] input').fill(shown.toLowerCase());
    await page.locator('[data-test="code-submit"]').tap();
    await expect.poll(() => page.locator('[data-test="minutes"]').innerText()).toMatch(/小时/);
    expect(await page.locator('[data-test="job-notice"]').innerText()).toBe("签退成功");

    // The employer approves the hours, funds escrow and submits the pay.
    await asEmployer(`mutation($i: AnswerHoursInput!) { answerHours(input: $i) { status } }`, { i: { engagementId, approve: true } });
    const amountFen = Number(task!.pay_rate_fen) * 5;
    await asEmployer(`mutation($i: TopUpWalletInput!) { topUpWallet(input: $i) { id } }`, { i: { amountFen, idempotencyKey: `e2e-top-up-${engagementId}` } });
    await asEmployer(`mutation($i: FundTaskEscrowInput!) { fundTaskEscrow(input: $i) { id } }`, { i: { taskId: task!.id, amountFen, idempotencyKey: `e2e-fund-${engagementId}` } });
    await asEmployer(`mutation($i: SubmitSettlementInput!) { submitSettlement(input: $i) { id } }`, { i: { engagementId } });

    await page.reload();
    await expect.poll(() => page.locator('[data-test="settlement-status"]').innerText()).toBe("待您确认");
    expect(await page.locator('[data-test="settlement-total"]').innerText()).toMatch(/应发 ¥\d/);
    await shot(page, "mobile-settlement");
    await page.locator('[data-test="settlement-confirm"]').tap();
    await expect.poll(() => page.locator('[data-test="settlement-status"]').innerText()).toBe("已确认，正在打款");

    // settlement.confirmed → the payout job: escrow → wallet → bank card through the mock bank.
    const [s] = await lab.t.database.db.execute<{ id: string }>(sql`select id from settlements where engagement_id = ${engagementId}`);
    const paid = await services.settlement.paySettlement(SYSTEM, s!.id);
    expect(paid.status).toBe("PAID");
    await page.reload();
    await expect.poll(() => page.locator('[data-test="settlement-status"]').innerText()).toBe("已发到银行卡");
    await page.locator('[data-test="go-wallet"]').tap();
    await page.locator('[data-test="wallet-entry"]').first().waitFor();
    expect(await page.locator('[data-test="wallet"]').innerText()).toContain("工资到账");
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, "mobile-wallet");
    await context.close();
  });

});
