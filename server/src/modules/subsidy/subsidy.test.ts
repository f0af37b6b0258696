import { MATERIALS } from "@qz/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outbox, subsidyApplications } from "../../db/schema/index.js";
import { insertVenue } from "../../testing/factories.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";

const ALL_ONE_TIME = MATERIALS.ONE_TIME.map((m) => m.key);

describe("subsidy applications: materials, review, public notice, objections, budget, payment, use of funds", () => {
  let h: ServiceHarness;
  let n = 0;
  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-09-30T02:00:00Z" }); // Wednesday, the day before the National Day holiday
  });
  afterAll(() => h?.close());

  /** A recognised market in its own county with staff and the county officer, and a budget. */
  async function setup(regionCode: string, budgetFen = 10_000_000) {
    const venue = await insertVenue(h.deps.db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2026-01-10T02:00:00Z"), regionCode, name: `测试零工市场${++n}` });
    const staff = await h.callerAs("VENUE_STAFF", { venueId: venue.id, regionCode });
    const officer = await h.callerAs("COUNTY_OFFICER", { regionCode });
    await h.services.subsidy.setBudget(officer, regionCode, 2026, budgetFen);
    return { venue, staff, officer };
  }
  /** Through submission and review into the public notice. */
  async function toNotice(s: Awaited<ReturnType<typeof setup>>) {
    const app = await h.services.subsidy.createOneTimeApplication(s.staff, { materials: ALL_ONE_TIME });
    await h.services.subsidy.submit(s.staff, app.id);
    await h.services.subsidy.startReview(s.officer, app.id);
    return h.services.subsidy.publish(s.officer, app.id);
  }

  it("one-time subsidy: the plan's amount, once per venue; submission needs every material, each missing one named", async () => {
    const s = await setup("350502");
    const app = await h.services.subsidy.createOneTimeApplication(s.staff, { materials: ["FORM_3", "FORM_4"], note: "首次申报" });
    expect(app).toMatchObject({ kind: "ONE_TIME", status: "DRAFT", amountFen: 6_000_000, year: 2026 });
    await expect(h.services.subsidy.createOneTimeApplication(s.staff, { materials: [] })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", reasons: [{ code: "ONE_TIME_ALREADY_CLAIMED" }] });
    await expect(h.services.subsidy.submit(s.staff, app.id)).rejects.toMatchObject({ reasons: [{ code: "MATERIAL_MISSING" }, { code: "MATERIAL_MISSING" }, { code: "MATERIAL_MISSING" }] });
    await expect(h.services.subsidy.updateMaterials(s.staff, app.id, ["FORM_5"])).rejects.toMatchObject({ reasons: [{ code: "MATERIAL_UNKNOWN" }] });
    await h.services.subsidy.updateMaterials(s.staff, app.id, ALL_ONE_TIME);
    expect((await h.services.subsidy.submit(s.staff, app.id)).status).toBe("SUBMITTED");
    await expect(h.services.subsidy.startReview(s.staff, app.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await h.callerAs("COUNTY_OFFICER", { regionCode: "350582" });
    await expect(h.services.subsidy.startReview(other, app.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await h.services.subsidy.startReview(s.officer, app.id);
    await expect(h.services.subsidy.returnApplication(s.officer, app.id, " ")).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const returned = await h.services.subsidy.returnApplication(s.officer, app.id, "租赁合同复印件不清晰");
    expect(returned).toMatchObject({ status: "RETURNED", statusReason: "租赁合同复印件不清晰" });
    expect((await h.services.subsidy.submit(s.staff, app.id)).status).toBe("SUBMITTED");
    const pending = await insertVenue(h.deps.db, { regionCode: "350502" });
    const pendingStaff = await h.callerAs("VENUE_STAFF", { venueId: pending.id, regionCode: "350502" });
    await expect(h.services.subsidy.createOneTimeApplication(pendingStaff, { materials: [] })).rejects.toMatchObject({ reasons: [{ code: "VENUE_NOT_RECOGNISED" }] });
  });

  it("a public notice across the National Day holiday runs 5 working days (8–13 Oct, the make-up Saturday included) and approves at its end", async () => {
    const s = await setup("350503");
    const inNotice = await toNotice(s);
    expect(inNotice).toMatchObject({ status: "PUBLIC_NOTICE", noticeStartsOn: "2026-10-08", noticeEndsOn: "2026-10-13" });
    const [event] = await h.deps.db.select().from(outbox).where(eq(outbox.id, inNotice.noticeEventId!));
    expect(event!.runAt).toEqual(new Date("2026-10-13T16:00:00Z"));
    h.clock.set("2026-10-13T15:59:00Z");
    await h.deliverDueEvents();
    expect((await h.services.subsidy.getApplication(s.officer, inNotice.id)).status).toBe("PUBLIC_NOTICE");
    h.clock.set("2026-10-13T16:00:00Z");
    await h.deliverDueEvents();
    const approved = await h.services.subsidy.getApplication(s.officer, inNotice.id);
    expect(approved.status).toBe("APPROVED");
    h.clock.set("2026-09-30T02:00:00Z");
  });

  it("any logged-in user may object during the notice; an upheld objection blocks approval, a dismissed one lets it through", async () => {
    const s = await setup("350504");
    const a = await toNotice(s);
    const worker = await h.callerAs("WORKER");
    expect((await h.services.subsidy.listApplications(worker, { limit: 10, offset: 0 })).items.map((i) => i.application.id)).toContain(a.id);
    const objection = await h.services.subsidy.fileObjection(worker, a.id, "该市场实际未开放，数据不实");
    await h.services.subsidy.decideObjection(s.officer, objection.id, true, "经核查属实");
    const blocked = await h.services.subsidy.getApplication(s.officer, a.id);
    expect(blocked).toMatchObject({ status: "UNDER_REVIEW", noticeEventId: null });
    expect(blocked.statusReason).toContain("公示异议成立");
    h.clock.set("2026-10-14T02:00:00Z");
    await h.deliverDueEvents();
    expect((await h.services.subsidy.getApplication(s.officer, a.id)).status).toBe("UNDER_REVIEW");
    await expect(h.services.subsidy.fileObjection(worker, a.id, "再次提出异议内容")).rejects.toMatchObject({ reasons: [{ code: "NOT_IN_NOTICE" }] });
    h.clock.set("2026-09-30T02:00:00Z");

    const s2 = await setup("350505");
    const b = await toNotice(s2);
    const o2 = await h.services.subsidy.fileObjection(worker, b.id, "怀疑服务人次虚报");
    h.clock.set("2026-10-14T02:00:00Z");
    await h.deliverDueEvents();
    // An objection still open at the end holds approval until it is decided.
    expect((await h.services.subsidy.getApplication(s2.officer, b.id)).status).toBe("PUBLIC_NOTICE");
    await h.services.subsidy.decideObjection(s2.officer, o2.id, false, "核查台账，数据属实");
    expect((await h.services.subsidy.getApplication(s2.officer, b.id)).status).toBe("APPROVED");
    h.clock.set("2026-09-30T02:00:00Z");
  });

  it("grants draw on the county's yearly budget: publishing beyond it is refused; the budget cannot drop below what is committed", async () => {
    const s = await setup("350521", 8_000_000);
    const first = await toNotice(s);
    expect(first.status).toBe("PUBLIC_NOTICE");
    const second = await insertVenue(h.deps.db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2026-01-10T02:00:00Z"), regionCode: "350521" });
    const staff2 = await h.callerAs("VENUE_STAFF", { venueId: second.id, regionCode: "350521" });
    const app2 = await h.services.subsidy.createOneTimeApplication(staff2, { materials: ALL_ONE_TIME });
    await h.services.subsidy.submit(staff2, app2.id);
    await h.services.subsidy.startReview(s.officer, app2.id);
    await expect(h.services.subsidy.publish(s.officer, app2.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", reasons: [{ code: "BUDGET_EXCEEDED" }] });
    expect((await h.services.subsidy.getApplication(s.officer, app2.id)).status).toBe("UNDER_REVIEW");
    await expect(h.services.subsidy.setBudget(s.officer, "350521", 2026, 5_000_000)).rejects.toMatchObject({ reasons: [{ code: "BUDGET_BELOW_COMMITTED" }] });
    await h.services.subsidy.setBudget(s.officer, "350521", 2026, 12_000_000);
    expect((await h.services.subsidy.publish(s.officer, app2.id)).status).toBe("PUBLIC_NOTICE");
    expect(await h.services.subsidy.budget(s.officer, "350521", 2026)).toMatchObject({ amountFen: 12_000_000, committedFen: 12_000_000 });
  });

  it("payment with amount, date and voucher; then the venue's spending: forbidden categories and overspending refused with the rule; the county report", async () => {
    const s = await setup("350524");
    const a = await toNotice(s);
    h.clock.set("2026-10-14T02:00:00Z");
    await h.deliverDueEvents();
    await expect(h.services.subsidy.recordFundUse(s.staff, a.id, { category: "TRAINING", amountFen: 100, spentOn: "2026-10-14", voucherNo: "记-001" })).rejects.toMatchObject({ reasons: [{ code: "GRANT_NOT_PAID" }] });
    await expect(h.services.subsidy.recordPayment(s.officer, a.id, { paidFen: 6_000_001, paidOn: "2026-10-14", voucherNo: "拨-2026-01" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const paid = await h.services.subsidy.recordPayment(s.officer, a.id, { paidFen: 6_000_000, paidOn: "2026-10-14", voucherNo: "拨-2026-01" });
    expect(paid).toMatchObject({ status: "PAID", paidFen: 6_000_000, paidOn: "2026-10-14", voucherNo: "拨-2026-01" });
    const fixed = await h.services.subsidy.recordFundUse(s.staff, a.id, { category: "FIXED_ASSETS", amountFen: 100_000, spentOn: "2026-10-14", voucherNo: "记-002" }).catch((e: { code: string; reasons: { code: string; message: string }[] }) => e);
    expect(fixed).toMatchObject({ code: "PRECONDITION_FAILED", reasons: [{ code: "FUND_CATEGORY_FORBIDDEN", message: "补助资金不得用于固定资产购置（泉人社规〔2023〕5号 二(四)）" }] });
    const use = await h.services.subsidy.recordFundUse(s.staff, a.id, { category: "ONLINE_PLATFORM", amountFen: 4_000_000, spentOn: "2026-10-14", voucherNo: "记-003", attachment: "发票20261014.pdf" });
    expect(use.balanceFen).toBe(2_000_000);
    await expect(h.services.subsidy.recordFundUse(s.staff, a.id, { category: "TRAINING", amountFen: 2_000_001, spentOn: "2026-10-14", voucherNo: "记-004" })).rejects.toMatchObject({ reasons: [{ code: "FUND_OVER_BALANCE" }] });
    await h.services.subsidy.recordFundUse(s.staff, a.id, { category: "TRAINING", amountFen: 500_000, spentOn: "2026-10-14", voucherNo: "记-005" });
    const funds = await h.services.subsidy.fundUses(s.officer, a.id);
    expect(funds).toMatchObject({ spentFen: 4_500_000, balanceFen: 1_500_000 });
    const report = await h.services.subsidy.fundReport(s.officer);
    expect(report).toEqual([expect.objectContaining({ applicationId: a.id, paidFen: 6_000_000, spentFen: 4_500_000, balanceFen: 1_500_000, byCategory: expect.arrayContaining([{ category: "ONLINE_PLATFORM", amountFen: 4_000_000 }, { category: "TRAINING", amountFen: 500_000 }]) })]);
    const actions = (await h.deps.db.select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["subsidy.create-application", "subsidy.transition", "subsidy.record-payment"]));
    // The database itself refuses a forbidden category, whatever the caller.
    await expect(h.deps.db.execute(`insert into subsidy_fund_uses (application_id, venue_id, category, amount_fen, spent_on, voucher_no, recorded_by) select id, venue_id, 'INFRASTRUCTURE', 1, '2026-10-14', 'x', created_by from subsidy_applications where id = '${a.id}'`)).rejects.toThrow();
    expect((await h.deps.db.select().from(subsidyApplications).where(eq(subsidyApplications.id, a.id)))[0]!.status).toBe("PAID");
    h.clock.set("2026-09-30T02:00:00Z");
  });
});
