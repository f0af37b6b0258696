// Assessment (考核) and contracts (合同) in a real browser: a county officer enters the on-site items and a veto,
// venue staff their self-assessment (附件6 自评); a contract is looked up by id and verified by its hash; the
// payouts page shows each day's reconciliation against the bank's statement (支付对账) with its differences.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONES, shot, signIn, startConsole, type Console } from "./harness.js";

describe("console: assessment and contracts", () => {
  let c: Console;
  let market: { id: string; name: string };
  const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => c.t.database.db.execute<T>(query);
  const input = (testId: string) => `input[data-test="${testId}"], [data-test="${testId}"] input`;
  beforeAll(async () => {
    c = await startConsole();
    const [row] = await q<{ id: string; name: string }>(sql`select v.id, v.name from users u join venues v on v.id = u.venue_id where u.phone = ${PHONES.staff}`);
    market = row!;
  });
  afterAll(() => c?.close());

  it("a county officer enters the on-site items and a veto for a venue of the county; the page and the database keep them", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.county);
    await page.locator('[data-test="menu-/assessment"]').click();
    await page.locator('[data-test="assessment-venue"]').click();
    await page.locator(input("assessment-venue")).fill(market.name.slice(0, 4));
    await page.locator(".el-select-dropdown__item").filter({ hasText: market.name }).first().click();
    await page.locator('[data-test="assessment-items"]').waitFor();
    const ids = await page.locator('[data-test="assessment-items"] .el-table__body tr td:first-child').allInnerTexts();
    expect(ids.map((s) => s.trim()), "only the on-site items are the officer's").toEqual(["C1", "C2", "D1", "D3"]);
    await page.locator('[data-test="score-C1"] input').fill("3.5");
    await page.locator('[data-test="score-C1"] input').blur();
    await page.locator('[data-test="assessment-vetoes"] label').filter({ hasText: "就业歧视" }).click();
    await page.locator('[data-test="assessment-save"]').click();
    await page.locator(".el-message--success").waitFor();
    await expect.poll(() => page.locator('[data-test="assessment-summary"]').innerText()).toContain("上次录入");
    await shot(page, "assessment-onsite");

    const [row] = await q<{ scores: Record<string, number>; vetoes: string[]; entered_by: string }>(
      sql`select scores, vetoes, entered_by from venue_assessments where venue_id = ${market.id} and kind = 'ONSITE' and year = extract(year from now())::int`,
    );
    expect(row!.scores.C1, "tenths of a point").toBe(35);
    expect(row!.vetoes).toEqual(["DISCRIMINATION"]);

    // A fresh sign-in loads what was saved into the form.
    const again = await c.newPage();
    await signIn(again, PHONES.county);
    await again.goto("/assessment");
    await again.locator('[data-test="assessment-venue"]').click();
    await again.locator(input("assessment-venue")).fill(market.name.slice(0, 4));
    await again.locator(".el-select-dropdown__item").filter({ hasText: market.name }).first().click();
    await again.locator('[data-test="score-C1"] input').waitFor();
    await expect.poll(() => again.locator('[data-test="score-C1"] input').inputValue(), { message: "the saved points come back" }).toBe("3.5");
    expect(await again.locator('[data-test="assessment-vetoes"] label.is-checked').innerText()).toContain("就业歧视");
  });

  it("venue staff submit their self-assessment item by item", async () => {
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    await page.locator('[data-test="menu-/assessment"]').click();
    await page.locator('[data-test="assessment-items"]').waitFor();
    expect(await page.locator('[data-test="assessment-venue"]').count(), "staff assess only their own venue").toBe(0);
    const ids = (await page.locator('[data-test="assessment-items"] .el-table__body tr td:first-child').allInnerTexts()).map((s) => s.trim());
    expect(ids.length, "every rubric item, not only the on-site ones").toBeGreaterThan(4);
    expect(ids).toContain("A1");
    await page.locator('[data-test="score-C2"] input').fill("2");
    await page.locator('[data-test="score-C2"] input').blur();
    await page.locator(".el-textarea textarea").fill("自评服务台账齐全");
    await page.locator('[data-test="assessment-save"]').click();
    await page.locator(".el-message--success").waitFor();
    await expect.poll(() => page.locator('[data-test="assessment-summary"]').innerText()).toContain("上次录入");
    await shot(page, "assessment-self");
    const [row] = await q<{ scores: Record<string, number>; notes: string }>(
      sql`select scores, notes from venue_assessments where venue_id = ${market.id} and kind = 'SELF' and year = extract(year from now())::int`,
    );
    expect(row!.scores.C2).toBe(20);
    expect(row!.notes).toBe("自评服务台账齐全");
    expect(Object.keys(row!.scores).length).toBe(ids.length);
  });

  it("staff look a contract up by its id and verify it by its hash; a tampered hash is not found", async () => {
    const [k] = await q<{ id: string; terms_hash: string; status: string }>(
      sql`select c.id, c.terms_hash, c.status from contracts c join tasks t on t.id = c.task_id where t.venue_id = ${market.id} and c.status = 'SIGNED' order by c.created_at limit 1`,
    );
    expect(k, "the demo data has a signed contract at the demo market").toBeTruthy();
    const page = await c.newPage();
    await signIn(page, PHONES.staff);
    await page.locator('[data-test="menu-/contracts"]').click();
    await page.locator(input("contract-term")).fill("not-a-contract");
    await page.locator('[data-test="contract-search"]').click();
    await page.getByText("请输入合同编号（UUID）或 64 位哈希").waitFor();

    await page.locator(input("contract-term")).fill(k!.id);
    await page.locator('[data-test="contract-search"]').click();
    await page.locator('[data-test="contract"]').waitFor();
    expect(await page.locator('[data-test="contract"]').innerText()).toContain(k!.terms_hash);
    expect(await page.locator('[data-test="contract"]').innerText()).toContain("已签署");
    await page.locator('[data-test="contract-verification"]').waitFor();
    expect(await page.locator('[data-test="contract-verification"]').innerText()).toContain("合同有效");
    await page.locator('[data-test="settlement"], [data-test="no-settlement"]').first().waitFor();
    await shot(page, "contract-lookup");

    // By hash alone (what a worker or a court would hold): parties masked, every signature checked.
    await page.locator(input("contract-term")).fill(k!.terms_hash);
    await page.locator('[data-test="contract-search"]').click();
    await expect.poll(() => page.url()).toContain(`hash=${k!.terms_hash}`);
    expect(await page.locator('[data-test="contract"]').count()).toBe(0);
    await page.locator('[data-test="contract-verification"]').waitFor();
    const parties = await page.locator('[data-test="contract-parties"]').innerText();
    expect(parties).toMatch(/\*{4,}/);
    expect(await page.locator('[data-test="contract-signatures"] .el-tag').allInnerTexts()).toEqual(["✓", "✓"]);
    await shot(page, "contract-verify");

    const forged = `${k!.terms_hash.slice(0, 63)}${k!.terms_hash.endsWith("0") ? "1" : "0"}`;
    await page.locator(input("contract-term")).fill(forged);
    await page.locator('[data-test="contract-search"]').click();
    await page.locator('[data-test="contract-not-found"]').waitFor();
  });

  it("the payouts page shows each day's reconciliation: the city sees the clean day and the planted difference; the market's staff see it too", async () => {
    const runs = await q<{ day: string; status: string }>(sql`select day::text, status from payout_reconciliations order by day desc`);
    expect(runs.map((r) => r.status), "the demo reconciles two payout days, the later with a planted difference").toEqual(["DIFFERENCES", "CLEAN"]);
    for (const [phone, name] of [[PHONES.city, "payouts-city"], [PHONES.staff, "payouts-staff"]] as const) {
      const page = await c.newPage();
      await signIn(page, phone);
      await page.locator('[data-test="menu-/payouts"]').click();
      await page.locator('[data-test="reconciliations"] .el-table__body tr').first().waitFor();
      const rows = page.locator('[data-test="reconciliations"] > .el-table__inner-wrapper > .el-table__body-wrapper tr.el-table__row');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toContain(runs[0]!.day);
      expect(await rows.nth(0).locator('[data-test="reconciliation-status"]').innerText()).toBe("有差异");
      expect(await rows.nth(1).locator('[data-test="reconciliation-status"]').innerText()).toBe("一致");
      await rows.nth(0).locator(".el-table__expand-icon").click();
      const diff = page.locator('[data-test="differences"] .el-table__body tr');
      await diff.first().waitFor();
      expect(await diff.count()).toBe(1);
      const text = await diff.first().innerText();
      expect(text).toContain("金额不一致");
      expect(text).toMatch(/:1/); // the request id: settlement id and attempt
      await shot(page, name);
    }
  });
});
