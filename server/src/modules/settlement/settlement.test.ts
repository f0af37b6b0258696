// 工资结算 and payouts (issue 7): the money reaches the worker exactly once whatever the bank, the clock or
// the process does; one placement per engagement; disputes and the 24-hour rule.
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, placements } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { engagedWorker, insertRecognizedVenue, signBoth, type Engaged } from "../contract/contract.fixtures.js";
import { MockPayoutProvider } from "./settlement.payout.js";
import { createSettlementService } from "./settlement.service.js";

const H = 3_600_000;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? `${err.code}${err.reasons[0] ? `:${err.reasons[0].code}` : ""}` : `error: ${String(err)}`),
  );

describe("settlement and payouts", () => {
  let h: ServiceHarness;
  let n = 0;
  const system = { actor: null, system: true, meta: { requestId: "test-system", ip: null, userAgent: null } };

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0", DATABASE_POOL_MAX: "20" } });
    await insertRecognizedVenue(h.deps.db);
  });
  afterAll(() => h?.close());

  /** An engagement with a signed contract, escrow funded, checked in and out (225 minutes at 25 CNY/h = 9,375 fen). */
  async function worked(pay: { payRateFen?: number; payUnit?: "HOUR" | "PIECE"; escrowFen?: number } = {}): Promise<Engaged> {
    h.clock.set("2026-11-27T02:00:00Z");
    const e = await engagedWorker(h, { task: { lat: 24.9 + ++n * 0.004, payRateFen: pay.payRateFen ?? 2500, payUnit: pay.payUnit ?? "HOUR" } });
    await signBoth(h, e);
    const task = await h.services.dispatch.getTask(e.employer, e.taskId);
    await h.services.ledger.topUpWallet(e.employer, { amountFen: 50_000, idempotencyKey: `topup-${e.taskId}` });
    await h.services.ledger.fundTaskEscrow(e.employer, { taskId: e.taskId, amountFen: pay.escrowFen ?? 20_000, idempotencyKey: `fund-${e.taskId}` });
    h.clock.set(new Date(task.startsAt.getTime() - 10 * 60_000));
    await h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, lat: task.lat, lng: task.lng });
    h.clock.set(new Date(task.startsAt.getTime() + 230 * 60_000));
    await h.services.attendance.checkOut(e.worker, { engagementId: e.engagementId, lat: task.lat, lng: task.lng });
    return e;
  }

  async function confirmed(settlements = h.services.settlement) {
    const e = await worked();
    const s = await settlements.submitSettlement(e.employer, { engagementId: e.engagementId });
    await settlements.confirmSettlement(e.worker, s.id);
    return { e, id: s.id };
  }

  const placementsOf = async (engagementId: string) => (await h.deps.db.select({ n: count() }).from(placements).where(eq(placements.engagementId, engagementId)))[0]!.n;
  const placementEvents = async (engagementId: string) =>
    (await h.deps.db.select({ n: count() }).from(outbox).where(and(eq(outbox.name, "placement.recorded"), sql`${outbox.payload}->>'engagementId' = ${engagementId}`)))[0]!.n;

  it("end to end: submit, confirm, paid through the jobs; escrow → wallet → bank; one placement with its roster; contract COMPLETED", async () => {
    const e = await worked();
    const s = await h.services.settlement.submitSettlement(e.employer, { engagementId: e.engagementId });
    expect(s).toMatchObject({ status: "SUBMITTED", minutes: 225, wageFen: 9375, totalFen: 9375 });
    expect(await codeOf(h.services.settlement.submitSettlement(e.employer, { engagementId: e.engagementId }))).toBe("CONFLICT:SETTLEMENT_EXISTS");
    await h.services.settlement.confirmSettlement(e.worker, s.id);
    await h.deliverDueEvents();
    const paid = await h.services.settlement.getSettlement(e.worker, s.id);
    expect(paid).toMatchObject({ status: "PAID", payoutStatus: "SETTLED", payoutAttempt: 1 });
    expect(await h.services.ledger.escrowBalance(e.taskId)).toBe(20_000 - 9375);
    expect((await h.services.ledger.myWallet(e.worker)).balanceFen).toBe(0);
    const placement = await h.services.settlement.placementOf(e.engagementId);
    expect(placement).toMatchObject({ venueId: e.venueId, wageFen: 9375, gender: "男", idNumberMasked: "3505**********0011", priorityGroup: false, source: "GRAB" });
    expect(placement!.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
    expect(await placementEvents(e.engagementId)).toBe(1);
    expect((await h.services.contracts.getContract(e.worker, e.contractId)).status).toBe("COMPLETED");
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  });

  it("refuses pay below the hourly minimum, missing escrow and someone else's engagement; nothing is written", async () => {
    // Piece rates pass posting; at settlement 10 pieces at 1 CNY for 225 minutes fall below 20.50 CNY an hour.
    const cheap = await worked({ payRateFen: 100, payUnit: "PIECE" });
    expect(await codeOf(h.services.settlement.submitSettlement(cheap.employer, { engagementId: cheap.engagementId, pieces: 10 }))).toBe("BAD_USER_INPUT:PAY_BELOW_MINIMUM_WAGE");
    expect(await codeOf(h.services.settlement.submitSettlement(cheap.employer, { engagementId: cheap.engagementId, pieces: -3 }))).toBe("BAD_USER_INPUT:PIECES_INVALID");
    expect(await h.services.settlement.settlementOfEngagement(cheap.employer, cheap.engagementId)).toBeNull();
    const short = await worked({ escrowFen: 100 });
    expect(await codeOf(h.services.settlement.submitSettlement(short.employer, { engagementId: short.engagementId }))).toBe("PRECONDITION_FAILED:ESCROW_INSUFFICIENT");
    expect(await codeOf(h.services.settlement.submitSettlement(cheap.employer, { engagementId: short.engagementId }))).toBe("NOT_FOUND");
    expect(await codeOf(h.services.settlement.submitSettlement(short.worker, { engagementId: short.engagementId }))).toBe("FORBIDDEN");
    expect(await h.services.settlement.settlementOfEngagement(short.employer, short.engagementId)).toBeNull();
  });

  it("a dispute emits settlement.disputed for the complaints side; an unanswered settlement confirms itself after 24 h", async () => {
    const a = await worked();
    const s = await h.services.settlement.submitSettlement(a.employer, { engagementId: a.engagementId });
    expect(await codeOf(h.services.settlement.disputeSettlement(a.worker, s.id, " "))).toBe("BAD_USER_INPUT:TEXT_REQUIRED");
    const d = await h.services.settlement.disputeSettlement(a.worker, s.id, "少算了半小时");
    expect(d.status).toBe("DISPUTED");
    const [ev] = await h.deps.db.select().from(outbox).where(and(eq(outbox.name, "settlement.disputed"), sql`${outbox.payload}->>'settlementId' = ${s.id}`));
    expect(ev!.payload).toEqual({ settlementId: s.id, engagementId: a.engagementId, workerId: a.worker.actor!.userId, employerId: a.employer.actor!.userId, venueId: a.venueId });
    const b = await worked();
    const t = await h.services.settlement.submitSettlement(b.employer, { engagementId: b.engagementId });
    h.clock.advance(23 * H);
    await h.deliverDueEvents();
    expect((await h.services.settlement.getSettlement(b.employer, t.id)).status).toBe("SUBMITTED");
    h.clock.advance(2 * H);
    await h.deliverDueEvents();
    expect(await h.services.settlement.getSettlement(b.employer, t.id)).toMatchObject({ status: "PAID", autoConfirmed: true });
  });

  it("the bank failing, timing out or answering twice never pays twice", async () => {
    const bank = new MockPayoutProvider();
    const svc = createSettlementService(h.deps, { contracts: h.services.contracts, attendance: h.services.attendance, ledger: h.services.ledger, payouts: bank });
    // Declined: the money returns to the worker's wallet; the next attempt (a new request id) pays.
    const failed = await confirmed(svc);
    bank.script.push("fail");
    expect(await svc.paySettlement(system, failed.id)).toMatchObject({ status: "CONFIRMED", payoutStatus: "FAILED" });
    expect((await h.services.ledger.myWallet(failed.e.worker)).balanceFen).toBe(9375);
    expect(await svc.paySettlement(system, failed.id)).toMatchObject({ status: "PAID", payoutAttempt: 2 });
    expect(bank.paidFor(failed.id)).toBe(9375);
    expect((await h.services.ledger.myWallet(failed.e.worker)).balanceFen).toBe(0);
    // Timed out after paying: the retry asks with the same id and the bank answers with the first payment.
    const timeout = await confirmed(svc);
    bank.script.push("timeout");
    expect(await codeOf(svc.paySettlement(system, timeout.id))).toBe("error: Error: payout provider did not answer in time");
    expect((await svc.getSettlement(timeout.e.worker, timeout.id)).payoutStatus).toBe("PENDING");
    expect(await svc.paySettlement(system, timeout.id)).toMatchObject({ status: "PAID", payoutAttempt: 1 });
    expect(bank.paidFor(timeout.id)).toBe(9375);
    // Answering twice: later calls find it PAID and never reach the bank again.
    const calls = bank.calls;
    expect((await svc.paySettlement(system, timeout.id)).status).toBe("PAID");
    expect(bank.calls).toBe(calls);
    expect(await placementsOf(timeout.e.engagementId)).toBe(1);
    expect(await placementEvents(timeout.e.engagementId)).toBe(1);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  });

  it("concurrent pay calls pay once", async () => {
    const bank = new MockPayoutProvider();
    const svc = createSettlementService(h.deps, { contracts: h.services.contracts, attendance: h.services.attendance, ledger: h.services.ledger, payouts: bank });
    const { e, id } = await confirmed(svc);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => svc.paySettlement(system, id).then((s) => s.status)));
    expect(outcomes.every((o) => o === "PAID")).toBe(true);
    expect(bank.paidFor(id)).toBe(9375);
    expect(await placementsOf(e.engagementId)).toBe(1);
    expect(await placementEvents(e.engagementId)).toBe(1);
    expect(await h.services.ledger.escrowBalance(e.taskId)).toBe(20_000 - 9375);
  }, 60_000);

  it("a worker killed right after the bank call resumes on retry without a second payment", async () => {
    const bank = new MockPayoutProvider();
    let crash = true;
    const svc = createSettlementService(h.deps, {
      contracts: h.services.contracts,
      attendance: h.services.attendance,
      ledger: h.services.ledger,
      payouts: bank,
      afterBankCall: () => {
        if (crash) {
          crash = false;
          throw new Error("worker process killed");
        }
      },
    });
    const { e, id } = await confirmed(svc);
    expect(await codeOf(svc.paySettlement(system, id))).toBe("error: Error: worker process killed");
    expect(bank.paidFor(id)).toBe(9375);
    expect((await svc.getSettlement(e.worker, id)).status).toBe("CONFIRMED");
    expect(await svc.paySettlement(system, id)).toMatchObject({ status: "PAID", payoutAttempt: 1 });
    expect(bank.paidFor(id)).toBe(9375);
    expect(await placementsOf(e.engagementId)).toBe(1);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  });
});
