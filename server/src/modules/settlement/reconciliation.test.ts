// 支付对账 (issue 7 §4): a day's payouts against the provider's statement. A clean day reports nothing; lines
// planted in the mock statement (amount, status, a missing and an unknown line) are each reported, stored once
// per day (a re-run replaces it and notifies nobody twice), told to the city's officers and the venue's staff,
// and read by staff and officers in their scope only. The nightly job reconciles the day before.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, payoutReconciliations } from "../../db/schema/index.js";
import { fireSchedule } from "../../jobs/schedules.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertRecognizedVenue, paidShift, workedShift } from "../contract/contract.fixtures.js";
import { payoutRequestId } from "./settlement.pay.js";
import { MockPayoutProvider } from "./settlement.payout.js";
import { createReconciliationService } from "./reconciliation.service.js";
import { createSettlementService } from "./settlement.service.js";

describe("payout reconciliation (支付对账)", () => {
  let h: ServiceHarness;
  let venueId: string;
  let n = 0;
  const system = { actor: null, system: true, meta: { requestId: "test-reconcile", ip: null, userAgent: null } };
  const EVENT = "00000000-0000-4000-8000-00000000e001";

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    venueId = (await insertRecognizedVenue(h.deps.db)).id;
  });
  afterAll(() => h?.close());

  /** `count` shifts worked from `at` (paid the next Shanghai day, 9,375 fen each) and paid through `bank`. */
  async function paidThrough(bank: MockPayoutProvider, at: string, count: number) {
    const svc = createSettlementService(h.deps, { contracts: h.services.contracts, attendance: h.services.attendance, ledger: h.services.ledger, payouts: bank });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const e = await workedShift(h, { at, task: { lat: 24.9 + ++n * 0.004 } });
      const s = await svc.submitSettlement(e.employer, { engagementId: e.engagementId });
      await svc.confirmSettlement(e.worker, s.id);
      // Paid here, before the next shift's set-up delivers settlement.confirmed to the process's own provider.
      expect((await svc.paySettlement(system, s.id)).status).toBe("PAID");
      ids.push(s.id);
    }
    return ids;
  }

  const notesOf = async (userId: string) => h.deps.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "PAYOUT_RECONCILIATION")));

  it("a clean day reports zero differences; planted lines are each reported, once, to the officers and the venue, in scope", async () => {
    const bank = new MockPayoutProvider(() => h.clock.now());
    const recon = createReconciliationService(h.deps, { payouts: bank, notifications: h.services.notifications });
    const city = await h.callerAs("CITY_OFFICER");
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const otherVenue = await insertRecognizedVenue(h.deps.db, { regionCode: "350503", lat: 24.95, lng: 118.65 });
    const otherStaff = await h.callerAs("VENUE_STAFF", { venueId: otherVenue.id, regionCode: "350503" });
    const otherCounty = await h.callerAs("COUNTY_OFFICER", { regionCode: "350503" });

    await paidThrough(bank, "2026-11-27T02:00:00Z", 2); // paid Sat 28 Nov 13:50 Shanghai
    const clean = await recon.reconcileDay("2026-11-28", EVENT);
    expect(clean.run).toMatchObject({ day: "2026-11-28", status: "CLEAN", platformCount: 2, platformFen: 18_750, providerCount: 2, providerFen: 18_750, differenceCount: 0 });
    expect(clean.differences).toEqual([]);
    expect(await notesOf(city.userId)).toHaveLength(0);

    const [amount, missing, returned, fine] = await paidThrough(bank, "2026-11-29T02:00:00Z", 4); // paid Mon 30 Nov
    bank.plant(payoutRequestId(amount!, 1), { amountFen: 9_376 });
    bank.plant(payoutRequestId(missing!, 1), null);
    bank.plant(payoutRequestId(returned!, 1), { status: "RETURNED" });
    const stranger = "ffffffff-0000-4000-8000-000000000001:1";
    bank.plant(stranger, { amountFen: 5_000 });
    const found = await recon.reconcileDay("2026-11-30", EVENT);
    expect(found.run).toMatchObject({ status: "DIFFERENCES", platformCount: 4, platformFen: 37_500, differenceCount: 4 });
    const byRequest = new Map(found.differences.map((d) => [d.requestId, d]));
    expect(byRequest.get(payoutRequestId(amount!, 1))).toMatchObject({ kind: "AMOUNT_MISMATCH", platformFen: 9_375, providerFen: 9_376, settlementId: amount, venueId });
    expect(byRequest.get(payoutRequestId(missing!, 1))).toMatchObject({ kind: "MISSING_AT_PROVIDER", platformFen: 9_375, providerFen: null });
    expect(byRequest.get(payoutRequestId(returned!, 1))).toMatchObject({ kind: "STATUS_MISMATCH", platformStatus: "PAID", providerStatus: "RETURNED" });
    expect(byRequest.get(stranger)).toMatchObject({ kind: "UNKNOWN_TO_PLATFORM", settlementId: null, venueId: null, providerFen: 5_000 });
    expect(byRequest.has(payoutRequestId(fine!, 1))).toBe(false);
    expect(await notesOf(city.userId)).toHaveLength(1);
    expect(await notesOf(staff.userId)).toHaveLength(1);
    expect(await notesOf(otherStaff.userId)).toHaveLength(0);

    // Re-running the day (and both at once) keeps one run with the same differences and tells nobody again.
    await Promise.all([recon.reconcileDay("2026-11-30", EVENT), recon.reconcileDay("2026-11-30", EVENT)]);
    const runs = await h.deps.db.select().from(payoutReconciliations).where(eq(payoutReconciliations.day, "2026-11-30"));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.id).toBe(found.run.id);
    expect(await notesOf(city.userId)).toHaveLength(1);
    // The clean day stayed clean.
    expect((await recon.reconcileDay("2026-11-28", EVENT)).run.status).toBe("CLEAN");

    // Readers in scope: the city sees all four; the venue's staff the three of its venue; others none.
    const page = { limit: 10, offset: 0 };
    const dayOf = async (caller: Parameters<typeof recon.payoutReconciliations>[0]) => (await recon.payoutReconciliations(caller, page)).items.find((r) => r.day === "2026-11-30")!;
    expect(await dayOf(city)).toMatchObject({ status: "DIFFERENCES", differenceCount: 4 });
    expect(await dayOf(staff)).toMatchObject({ status: "DIFFERENCES", differenceCount: 3 });
    expect(await dayOf(otherStaff)).toMatchObject({ status: "CLEAN", differenceCount: 0, differences: [] });
    expect(await dayOf(otherCounty)).toMatchObject({ differenceCount: 0 });
    const worker = await h.callerAs("WORKER");
    await expect(recon.payoutReconciliations(worker, page)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recon.reconcileDay("2026-13-01", EVENT)).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  }, 180_000);

  it("the nightly job reconciles the day before against the process's provider", async () => {
    await paidShift(h, { at: "2026-12-02T02:00:00Z", task: { lat: 24.9 + ++n * 0.004 } }); // paid Thu 3 Dec through the jobs
    h.clock.set("2026-12-03T18:00:00Z"); // 02:00 Fri 4 Dec Shanghai, the nightly slot
    await fireSchedule(h.deps, "schedule.nightly");
    const ran = await h.deliverDueEvents();
    expect(ran.filter((r) => r.consumer === "settlement.reconcile-payouts").map((r) => r.outcome)).toEqual(["done"]);
    const [run] = await h.deps.db.select().from(payoutReconciliations).where(eq(payoutReconciliations.day, "2026-12-03"));
    expect(run).toMatchObject({ status: "CLEAN", platformCount: 1, providerCount: 1, differenceCount: 0 });
  }, 120_000);
});
