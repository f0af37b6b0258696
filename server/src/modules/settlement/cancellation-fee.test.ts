// 取消补偿 (issue 7 §3): a late cancellation pays each seat holder 4 hours' pay from the task's escrow (the
// shortfall from the employer's wallet), once however often and however concurrently it is processed; with
// neither enough escrow nor wallet money it is refused with a typed error, nothing moves and an arrears alert goes out.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerTransfers, notifications, placements, settlements } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { callerOf, engagedWorker, insertRecognizedVenue, signBoth, type Engaged } from "../contract/contract.fixtures.js";
import { insertWorker } from "../dispatch/dispatch.fixtures.js";
import { wallet } from "../ledger/ledger.service.js";
import type { MockPayoutProvider } from "./settlement.payout.js";

const H = 3_600_000;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? `${err.code}${err.reasons[0] ? `:${err.reasons[0].code}` : ""}` : `error: ${String(err)}`),
  );

describe("late-cancellation fee (取消补偿)", () => {
  let h: ServiceHarness;
  let venueId: string;
  let n = 0;

  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-11-27T02:00:00Z", env: { SMS_RESEND_SECONDS: "0", DATABASE_POOL_MAX: "20" } });
    venueId = (await insertRecognizedVenue(h.deps.db)).id;
  });
  afterAll(() => h?.close());

  /** A two-seat task starting in 24 h: the first seat's contract signed, the second only drafted. */
  async function twoSeats(): Promise<{ first: Engaged; second: Engaged["worker"] & { engagementId: string } }> {
    h.clock.set("2026-11-27T02:00:00Z");
    const first = await engagedWorker(h, { task: { lat: 24.9 + ++n * 0.004, headcount: 2 } });
    await signBoth(h, first);
    const task = await h.services.dispatch.getTask(first.employer, first.taskId);
    const worker = callerOf(await insertWorker(h.deps.db, { at: { lat: task.lat, lng: task.lng } }), "WORKER");
    const engagement = await h.services.dispatch.takeTask(worker, task.id);
    await h.deliverDueEvents();
    return { first, second: { ...worker, engagementId: engagement.id } };
  }

  const feesOf = (taskId: string) => h.deps.db.select().from(settlements).where(eq(settlements.taskId, taskId));
  const transfersOf = async (taskId: string) => (await h.deps.db.select({ n: count() }).from(ledgerTransfers).where(sql`${ledgerTransfers.refs}->>'taskId' = ${taskId}`))[0]!.n;

  it("pays each seat 4 hours (10,000 fen at 25 CNY/h) once, though processed twice at once and again by its job; the escrow's shortfall comes from the wallet; no placement", async () => {
    const { first, second } = await twoSeats();
    await h.services.ledger.topUpWallet(first.employer, { amountFen: 50_000, idempotencyKey: `topup-${first.taskId}` });
    await h.services.ledger.fundTaskEscrow(first.employer, { taskId: first.taskId, amountFen: 5_000, idempotencyKey: `fund-${first.taskId}` });
    h.clock.set(new Date(h.clock.now().getTime() + 3 * H)); // 21 h before the start: late
    const cancelled = await h.services.dispatch.cancelTask(first.employer, first.taskId, "客户取消订单");
    expect(cancelled.lateCancellation).toBe(true);
    // Not yet anyone's business but the task's employer and the staff in scope.
    const stranger = callerOf((await h.callerAs("EMPLOYER")).userId, "EMPLOYER");
    expect(await codeOf(h.services.cancellationFees.chargeCancellationFeesFor(stranger, first.taskId))).toMatch(/^(NOT_FOUND|FORBIDDEN)/);

    const [a, b] = await Promise.all([h.services.cancellationFees.chargeCancellationFees({ actor: null, system: true, meta: { requestId: "a", ip: null, userAgent: null } }, first.taskId), h.services.cancellationFees.chargeCancellationFeesFor(first.employer, first.taskId)]);
    expect(a.map((s) => s.id).sort()).toEqual(b.map((s) => s.id).sort());
    const ran = await h.deliverDueEvents(); // task.cancelled → the fee job finds them; settlement.confirmed → paid
    expect(ran.filter((r) => r.consumer === "settlement.charge-cancellation-fees").map((r) => r.outcome)).toEqual(["done"]);

    const fees = await feesOf(first.taskId);
    expect(fees).toHaveLength(2);
    expect(new Set(fees.map((f) => f.engagementId))).toEqual(new Set([first.engagementId, second.engagementId]));
    for (const f of fees) expect(f).toMatchObject({ wageFen: 0, minutes: 0, cancellationFeeFen: 10_000, totalFen: 10_000, status: "PAID", payoutStatus: "SETTLED" });
    const bank = h.services.settlement.payouts as MockPayoutProvider;
    for (const f of fees) expect(bank.paidFor(f.id)).toBe(10_000);
    expect(await h.services.ledger.escrowBalance(first.taskId)).toBe(0);
    expect(await h.services.ledger.balanceOf(wallet("EMPLOYER_WALLET", first.employer.actor!.userId))).toBe(50_000 - 5_000 - 15_000);
    expect((await h.deps.db.select({ n: count() }).from(placements).where(inArray(placements.engagementId, [first.engagementId, second.engagementId])))[0]!.n).toBe(0);
    expect((await h.services.contracts.getContract(first.worker, first.contractId)).status).not.toBe("COMPLETED");
    // The worker sees the fee on the engagement's settlement.
    expect(await h.services.settlement.settlementOfEngagement(first.worker, first.engagementId)).toMatchObject({ cancellationFeeFen: 10_000, status: "PAID" });
    // Again: nothing new, nothing moved.
    const before = await transfersOf(first.taskId);
    expect(await h.services.cancellationFees.chargeCancellationFeesFor(first.employer, first.taskId)).toHaveLength(2);
    expect(await transfersOf(first.taskId)).toBe(before);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  }, 120_000);

  it("neither escrow nor wallet covers it: a typed refusal that changes nothing, an arrears alert to the employer and the venue; after a top-up the employer pays it", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const { first } = await twoSeats();
    h.clock.set(new Date(h.clock.now().getTime() + 3 * H));
    await h.services.dispatch.cancelTask(first.employer, first.taskId, "天气原因取消");
    const ran = await h.deliverDueEvents();
    expect(ran.filter((r) => r.consumer === "settlement.charge-cancellation-fees").map((r) => r.outcome)).toEqual(["done"]);
    expect(await feesOf(first.taskId)).toHaveLength(0);
    expect(await transfersOf(first.taskId)).toBe(0);
    const alerts = (userId: string) => h.deps.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "CANCELLATION_FEE_UNPAID")));
    expect(await alerts(first.employer.actor!.userId)).toHaveLength(1);
    expect(await alerts(staff.userId)).toHaveLength(1);
    expect(await codeOf(h.services.cancellationFees.chargeCancellationFeesFor(staff, first.taskId))).toBe("PRECONDITION_FAILED:CANCELLATION_FEE_UNFUNDED");

    await h.services.ledger.topUpWallet(first.employer, { amountFen: 20_000, idempotencyKey: `topup-late-${first.taskId}` });
    const fees = await h.services.cancellationFees.chargeCancellationFeesFor(first.employer, first.taskId);
    expect(fees.map((f) => f.totalFen)).toEqual([10_000, 10_000]);
    await h.deliverDueEvents();
    expect((await feesOf(first.taskId)).map((f) => f.status)).toEqual(["PAID", "PAID"]);
    expect(await h.services.ledger.balanceOf(wallet("EMPLOYER_WALLET", first.employer.actor!.userId))).toBe(0);
  }, 120_000);

  it("a task cancelled in time owes no fee", async () => {
    h.clock.set("2026-11-27T02:00:00Z");
    const e = await engagedWorker(h, { task: { lat: 24.9 + ++n * 0.004, startsAt: new Date("2026-11-29T02:00:00Z"), endsAt: new Date("2026-11-29T06:00:00Z") } });
    await h.services.dispatch.cancelTask(e.employer, e.taskId, "计划有变取消");
    expect(await codeOf(h.services.cancellationFees.chargeCancellationFeesFor(e.employer, e.taskId))).toBe("PRECONDITION_FAILED:NOT_LATE_CANCELLED");
    await h.deliverDueEvents();
    expect(await feesOf(e.taskId)).toHaveLength(0);
  }, 60_000);
});
