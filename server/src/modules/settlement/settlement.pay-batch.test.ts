// 批量代发 (issue 7): the batch payer pays each settlement exactly once, alone, twice at once or alongside
// single payouts, and a refusal inside a batch stays with its own settlement.
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerTransfers, outbox, placements } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertRecognizedVenue, workedShift, type Engaged } from "../contract/contract.fixtures.js";
import { escrowOf, wallet } from "../ledger/ledger.service.js";
import { MockPayoutProvider } from "./settlement.payout.js";
import { createSettlementService } from "./settlement.service.js";

describe("batch payouts (批量代发)", () => {
  let h: ServiceHarness;
  let n = 0;
  const system = { actor: null, system: true, meta: { requestId: "test-batch", ip: null, userAgent: null } };

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0", DATABASE_POOL_MAX: "20" } });
    await insertRecognizedVenue(h.deps.db);
  });
  afterAll(() => h?.close());

  /**
   * A SUBMITTED settlement of 9,375 fen (225 minutes at 25 CNY/h) with 20,000 fen in escrow. Confirmed only
   * right before paying (confirmAll): setting up the next engagement delivers due events, and
   * settlement.confirmed would pay it through the process's own provider.
   */
  async function submitted(svc: ReturnType<typeof createSettlementService>) {
    const e = await workedShift(h, { at: "2026-11-27T02:00:00Z", task: { lat: 24.9 + ++n * 0.004 } });
    const s = await svc.submitSettlement(e.employer, { engagementId: e.engagementId });
    return { e, id: s.id };
  }
  async function confirmAll(svc: ReturnType<typeof createSettlementService>, items: { e: Engaged; id: string }[]) {
    for (const x of items) await svc.confirmSettlement(x.e.worker, x.id);
  }

  const placementCount = async (engagementIds: string[]) => (await h.deps.db.select({ n: count() }).from(placements).where(inArray(placements.engagementId, engagementIds)))[0]!.n;

  it("pays a batch once, even sent twice at once and alongside single payouts of the same settlements", async () => {
    const bank = new MockPayoutProvider();
    const svc = createSettlementService(h.deps, { contracts: h.services.contracts, attendance: h.services.attendance, ledger: h.services.ledger, payouts: bank });
    const items: { e: Engaged; id: string }[] = [];
    for (let i = 0; i < 4; i++) items.push(await submitted(svc));
    await confirmAll(svc, items);
    const ids = items.map((x) => x.id);
    const [a, b] = await Promise.all([svc.paySettlements(system, ids), svc.paySettlements(system, [...ids].reverse()), svc.paySettlement(system, ids[0]!), svc.paySettlement(system, ids[3]!)]);
    for (const outcomes of [a, b]) {
      expect([...outcomes.values()].map((o) => (o.ok ? o.settlement.status : String(o.error)))).toEqual(["PAID", "PAID", "PAID", "PAID"]);
    }
    for (const x of items) {
      expect(bank.paidFor(x.id)).toBe(9375);
      expect(await h.services.ledger.escrowBalance(x.e.taskId)).toBe(20_000 - 9375);
      expect((await h.services.ledger.myWallet(x.e.worker)).balanceFen).toBe(0);
      expect((await h.services.contracts.getContract(x.e.worker, x.e.contractId)).status).toBe("COMPLETED");
    }
    expect(await placementCount(items.map((x) => x.e.engagementId))).toBe(4);
    const events = await h.deps.db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.name, "placement.recorded"));
    const mine = events.filter((ev) => items.some((x) => (ev.payload as { engagementId: string }).engagementId === x.e.engagementId));
    expect(mine).toHaveLength(4);
    // Paying again moves nothing and never reaches the bank.
    const calls = bank.calls;
    const transfers = (await h.deps.db.select({ n: count() }).from(ledgerTransfers))[0]!.n;
    const again = await svc.paySettlements(system, ids);
    expect([...again.values()].every((o) => o.ok && o.settlement.status === "PAID")).toBe(true);
    expect(bank.calls).toBe(calls);
    expect((await h.deps.db.select({ n: count() }).from(ledgerTransfers))[0]!.n).toBe(transfers);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  }, 120_000);

  it("a refusal, a decline and a timeout inside a batch stay with their settlement; the rest are paid", async () => {
    const bank = new MockPayoutProvider();
    const svc = createSettlementService(h.deps, { contracts: h.services.contracts, attendance: h.services.attendance, ledger: h.services.ledger, payouts: bank });
    const ok = await submitted(svc);
    const short = await submitted(svc);
    const flaky = await submitted(svc);
    const other = await submitted(svc);
    await confirmAll(svc, [ok, short, flaky, other]);
    // The employer's escrow no longer covers the wage (moved out after confirmation): the ledger refuses it.
    await h.services.ledger.transfer({ key: `drain-${short.id}`, kind: "REFUND_ESCROW", from: escrowOf(short.e.taskId), to: wallet("EMPLOYER_WALLET", short.e.employer.actor!.userId), amountFen: 20_000 });
    const unknown = "00000000-0000-4000-8000-00000000beef";
    const first = await svc.paySettlements(system, [ok.id, short.id, unknown]);
    expect(first.get(ok.id)).toMatchObject({ ok: true, settlement: { status: "PAID" } });
    const refusal = first.get(short.id);
    expect(refusal?.ok === false && refusal.error instanceof AppError && refusal.error.reasons[0]?.code).toBe("INSUFFICIENT_FUNDS");
    const missing = first.get(unknown);
    expect(missing?.ok === false && missing.error instanceof AppError && missing.error.code).toBe("NOT_FOUND");
    expect(bank.paidFor(short.id)).toBe(0);
    expect((await svc.getSettlement(short.e.worker, short.id)).payoutStatus).toBe("NONE");
    // The bank declines one and loses the answer of another: the first's money is back in the wallet, the
    // second stays PENDING; the next batch pays both once.
    const sorted = [flaky.id, other.id].sort();
    bank.script.push("fail", "timeout");
    const second = await svc.paySettlements(system, sorted);
    expect(second.get(sorted[0]!)).toMatchObject({ ok: true, settlement: { status: "CONFIRMED", payoutStatus: "FAILED" } });
    expect(second.get(sorted[1]!)?.ok).toBe(false);
    const timedOut = [flaky, other].find((x) => x.id === sorted[1])!;
    expect((await svc.getSettlement(timedOut.e.worker, timedOut.id)).payoutStatus).toBe("PENDING");
    const third = await svc.paySettlements(system, sorted);
    expect([...third.values()].map((o) => o.ok && o.settlement.status)).toEqual(["PAID", "PAID"]);
    expect(bank.paidFor(flaky.id)).toBe(9375);
    expect(bank.paidFor(other.id)).toBe(9375);
    expect(await placementCount([ok.e.engagementId, flaky.e.engagementId, other.e.engagementId, short.e.engagementId])).toBe(3);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  }, 120_000);

  it("the payout job pays the settlements waiting with its own; their own jobs then move nothing", async () => {
    const bank = new MockPayoutProvider();
    const svc = createSettlementService(h.deps, { contracts: h.services.contracts, attendance: h.services.attendance, ledger: h.services.ledger, payouts: bank });
    const items: { e: Engaged; id: string }[] = [];
    for (let i = 0; i < 3; i++) items.push(await submitted(svc));
    await confirmAll(svc, items);
    const own = await svc.payDue(system, items[0]!.id);
    expect(own.status).toBe("PAID");
    for (const x of items) {
      expect((await svc.getSettlement(x.e.worker, x.id)).status).toBe("PAID");
      expect(bank.paidFor(x.id)).toBe(9375);
    }
    const calls = bank.calls;
    const transfers = (await h.deps.db.select({ n: count() }).from(ledgerTransfers))[0]!.n;
    const again = await Promise.all([svc.payDue(system, items[1]!.id), svc.payDue(system, items[2]!.id)]);
    expect(again.map((s) => s.status)).toEqual(["PAID", "PAID"]);
    expect(bank.calls).toBe(calls);
    expect((await h.deps.db.select({ n: count() }).from(ledgerTransfers))[0]!.n).toBe(transfers);
    expect(await placementCount(items.map((x) => x.e.engagementId))).toBe(3);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  }, 120_000);
});
