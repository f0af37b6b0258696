// Wage arrears (欠薪) meet the ledger: staff pay an engaged worker's wage from the task's escrow on a
// WAGE_ARREARS complaint (once, however often or concurrently asked), and a settlement reaching PAID resolves
// the standing wage-arrears complaint of its engagement.
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, complaintEvents, labourInspectionReferrals, ledgerTransfers, placements } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { batchJobIdFor } from "../../jobs/events.js";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import { runJobBatch } from "../../jobs/job-runner.js";
import { insertVenue } from "../../testing/factories.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { engagedWorker, insertRecognizedVenue, signBoth, workedShift, type Engaged } from "../contract/contract.fixtures.js";
import { taskCommand } from "../dispatch/dispatch.fixtures.js";

const H = 3_600_000;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? `${err.code}${err.reasons[0] ? `:${err.reasons[0].code}` : ""}` : `error: ${String(err)}`),
  );

describe("wage-arrears complaints and the ledger", () => {
  let h: ServiceHarness;
  let venueId: string;
  let n = 0;

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0", DATABASE_POOL_MAX: "20" } });
    venueId = (await insertRecognizedVenue(h.deps.db)).id;
  });
  afterAll(() => h?.close());

  /** Signed, escrow 20,000 fen funded, checked in and out (225 minutes at 25 CNY/h = 9,375 fen). */
  const worked = (): Promise<Engaged> => workedShift(h, { at: "2027-01-07T02:00:00Z" /* Thursday */, task: { lat: 24.9 + ++n * 0.004 } });

  const wageTransfers = async (engagementId: string) =>
    (await h.deps.db.select({ n: count() }).from(ledgerTransfers).where(and(eq(ledgerTransfers.kind, "PAY_WAGE"), sql`${ledgerTransfers.refs}->>'engagementId' = ${engagementId}`)))[0]!.n;
  const placementsOf = async (engagementId: string) => (await h.deps.db.select({ n: count() }).from(placements).where(eq(placements.engagementId, engagementId)))[0]!.n;

  it("staff pay a disputed settlement's wage from escrow once (repeated and 6 concurrent calls), the complaint resolves as WAGES_PAID and the employer may post again; others are refused and nothing moves", async () => {
    const e = await worked();
    const s = await h.services.settlement.submitSettlement(e.employer, { engagementId: e.engagementId });
    await h.services.settlement.disputeSettlement(e.worker, s.id, "少算了加班时间");
    await h.deliverDueEvents(); // settlement.disputed → the WAGE_ARREARS complaint
    const [complaint] = (await h.services.complaints.myComplaints(e.worker, { limit: 5, offset: 0 })).items;
    expect(complaint).toMatchObject({ category: "WAGE_ARREARS", engagementId: e.engagementId, status: "SUBMITTED" });
    expect(await codeOf(h.services.dispatch.postTask(e.employer, taskCommand(h.clock.now())))).toBe("PRECONDITION_FAILED:EMPLOYER_CANNOT_POST");

    // Refusals first: the parties, another venue's staff, a complaint that is not about wages. Nothing moves.
    const elsewhere = await insertVenue(h.deps.db, { status: "RECOGNIZED", regionCode: "350503", lat: 25.6, lng: 118.2 });
    const foreignStaff = await h.callerAs("VENUE_STAFF", { venueId: elsewhere.id, regionCode: "350503" });
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    expect(await codeOf(h.services.settlement.payWageForComplaint(e.worker, complaint!.id))).toBe("FORBIDDEN");
    expect(await codeOf(h.services.settlement.payWageForComplaint(e.employer, complaint!.id))).toBe("FORBIDDEN");
    expect(await codeOf(h.services.settlement.payWageForComplaint(foreignStaff, complaint!.id))).toBe("FORBIDDEN");
    expect(await codeOf(h.services.settlement.payWageForComplaint(staff, "00000000-0000-4000-8000-000000000000"))).toBe("NOT_FOUND");
    expect(await codeOf(h.services.settlement.payWageForComplaint(staff, complaint!.id, "x".repeat(2001)))).toMatch(/^BAD_USER_INPUT/);
    const breach = await h.services.complaints.fileComplaint(e.worker, { category: "CONTRACT_BREACH", engagementId: e.engagementId, title: "未提供午餐", description: "约定包午餐，当天没有提供。" });
    expect(await codeOf(h.services.settlement.payWageForComplaint(staff, breach.id))).toBe("PRECONDITION_FAILED:COMPLAINT_NOT_WAGE_ARREARS");
    expect(await wageTransfers(e.engagementId)).toBe(0);
    expect(await h.services.ledger.escrowBalance(e.taskId)).toBe(20_000);

    const results = await Promise.allSettled(Array.from({ length: 6 }, () => h.services.settlement.payWageForComplaint(staff, complaint!.id, "经调解，由托管资金代发工资")));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"));
    const again = await h.services.settlement.payWageForComplaint(staff, complaint!.id);
    expect(again.settlement).toMatchObject({ id: s.id, status: "PAID", totalFen: 9375 });
    expect(again.complaint).toMatchObject({ status: "RESOLVED", resolution: "经调解,由托管资金代发工资" });
    expect(again.complaint.wagesPaidAt).not.toBeNull();
    expect(await wageTransfers(e.engagementId)).toBe(1);
    expect(await placementsOf(e.engagementId)).toBe(1);
    expect(await h.services.ledger.escrowBalance(e.taskId)).toBe(20_000 - 9375);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
    const wagesPaidSteps = await h.deps.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, complaint!.id), eq(complaintEvents.action, "WAGES_PAID")));
    expect(wagesPaidSteps).toHaveLength(1);
    const [audit] = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.action, "settlement.confirm-for-complaint"), eq(auditLog.entityId, s.id)));
    expect(audit).toMatchObject({ actorId: staff.userId, after: { status: "CONFIRMED", complaintId: complaint!.id, totalFen: 9375, proxy: true } });
    // The events that follow (settlement.confirmed, placement.recorded) change nothing more; the employer posts again.
    await h.deliverDueEvents();
    expect(await wageTransfers(e.engagementId)).toBe(1);
    await expect(h.services.dispatch.postTask(e.employer, taskCommand(h.clock.now()))).resolves.toMatchObject({ status: "OPEN" });
  }, 60_000);

  it("with no settlement submitted, staff pay the approved hours at the contract's rate; an escrow that cannot cover it refuses and writes nothing", async () => {
    const e = await worked();
    const c = await h.services.complaints.fileComplaint(e.worker, { category: "WAGE_ARREARS", engagementId: e.engagementId, title: "完工未结算", description: "完工一天了用工方还没有提交结算。" });
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const paid = await h.services.settlement.payWageForComplaint(staff, c.id);
    expect(paid.settlement).toMatchObject({ status: "PAID", minutes: 225, totalFen: 9375, workerId: e.worker.actor!.userId });
    expect(paid.complaint).toMatchObject({ status: "RESOLVED" });
    expect((await h.services.attendance.attendanceOf(e.employer, e.engagementId))!.status).toBe("APPROVED");

    // A second job whose escrow holds only 100 fen.
    const thin = await engagedWorker(h, { task: { lat: 24.95 + ++n * 0.004, payRateFen: 2500, payUnit: "HOUR" } });
    await signBoth(h, thin);
    const task = await h.services.dispatch.getTask(thin.employer, thin.taskId);
    await h.services.ledger.topUpWallet(thin.employer, { amountFen: 500, idempotencyKey: `topup-${thin.taskId}` });
    await h.services.ledger.fundTaskEscrow(thin.employer, { taskId: thin.taskId, amountFen: 100, idempotencyKey: `fund-${thin.taskId}` });
    h.clock.set(new Date(task.startsAt.getTime() - 5 * 60_000));
    await h.services.attendance.checkIn(thin.worker, { engagementId: thin.engagementId, lat: task.lat, lng: task.lng });
    h.clock.set(new Date(task.startsAt.getTime() + 230 * 60_000));
    await h.services.attendance.checkOut(thin.worker, { engagementId: thin.engagementId, lat: task.lat, lng: task.lng });
    const thinComplaint = await h.services.complaints.fileComplaint(thin.worker, { category: "WAGE_ARREARS", engagementId: thin.engagementId, title: "工资未付", description: "托管资金不足，工资没有发。" });
    expect(await codeOf(h.services.settlement.payWageForComplaint(staff, thinComplaint.id))).toBe("PRECONDITION_FAILED:INSUFFICIENT_FUNDS");
    expect(await wageTransfers(thin.engagementId)).toBe(0);
    expect((await h.services.complaints.getComplaint(staff, thinComplaint.id)).status).toBe("SUBMITTED");
  }, 60_000);

  it("a settlement reaching PAID resolves the standing wage-arrears complaint of its engagement (placement.recorded), and no labour-inspection referral follows", async () => {
    const e = await worked();
    const c = await h.services.complaints.fileComplaint(e.worker, { category: "WAGE_ARREARS", engagementId: e.engagementId, title: "工资迟迟未结", description: "完工后用工方一直没有结算工资。" });
    const s = await h.services.settlement.submitSettlement(e.employer, { engagementId: e.engagementId });
    await h.services.settlement.confirmSettlement(e.worker, s.id);
    const ran = await h.deliverDueEvents(); // settlement.pay → placement.recorded → complaints.resolve-paid-wage-arrears
    expect(ran.filter((r) => r.consumer === "complaints.resolve-paid-wage-arrears").map((r) => r.outcome)).toEqual(["done"]);
    const resolved = await h.services.complaints.getComplaint(e.worker, c.id);
    expect(resolved).toMatchObject({ status: "RESOLVED", resolution: "工资已通过平台结算支付到账" });
    expect(resolved.wagesPaidAt).not.toBeNull();
    const [step] = await h.deps.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, c.id), eq(complaintEvents.action, "WAGES_PAID")));
    expect(step).toMatchObject({ actorRole: "SYSTEM", toStatus: "RESOLVED" });
    h.clock.advance(10 * 24 * H);
    await h.deliverDueEvents();
    expect(await h.deps.db.select().from(labourInspectionReferrals).where(eq(labourInspectionReferrals.complaintId, c.id))).toHaveLength(0);
  }, 60_000);
  it("a batch of placements resolves the standing wage-arrears complaint of the one engagement that has it, once, and passes the other", async () => {
    const [e, other] = [await worked(), await worked()];
    const c = await h.services.complaints.fileComplaint(e.worker, { category: "WAGE_ARREARS", engagementId: e.engagementId, title: "工资迟迟未结", description: "完工后用工方一直没有结算工资。" });
    for (const x of [e, other]) {
      const s = await h.services.settlement.submitSettlement(x.employer, { engagementId: x.engagementId });
      await h.services.settlement.confirmSettlement(x.worker, s.id);
    }
    // Everything is delivered but this consumer, whose events then arrive as one batch job.
    await h.deliverDueEvents({ ...JOB_HANDLERS, "complaints.resolve-paid-wage-arrears": async () => {} });
    const events = await h.deps.db.execute<{ id: string; payload: { engagementId: string } }>(
      sql`select id, payload from outbox where name = 'placement.recorded' and payload->>'engagementId' in (${e.engagementId}, ${other.engagementId})`,
    );
    expect(events).toHaveLength(2);
    await h.deps.db.execute(sql`delete from processed_events where consumer = 'complaints.resolve-paid-wage-arrears' and event_id in (${events[0]!.id}, ${events[1]!.id})`);
    const data = { events: events.map((r) => ({ id: r.id, payload: r.payload })) };
    const job = { id: batchJobIdFor(events.map((r) => r.id), "complaints.resolve-paid-wage-arrears"), name: "complaints.resolve-paid-wage-arrears", data, attemptsMade: 0 };
    expect(await runJobBatch(h.deps, JOB_HANDLERS, job)).toEqual({ done: 2, duplicate: 0, skipped: 0, cancelled: 0 });
    expect(await h.services.complaints.getComplaint(e.worker, c.id)).toMatchObject({ status: "RESOLVED", resolution: "工资已通过平台结算支付到账" });
    const steps = await h.deps.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, c.id), eq(complaintEvents.action, "WAGES_PAID")));
    expect(steps).toHaveLength(1);
  }, 60_000);
});
