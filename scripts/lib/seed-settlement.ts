import { randomUUID } from "node:crypto";
import { addDays, partTimeWeekOf, shanghaiDate } from "@qz/shared";
// Demo contracts, attendance and wages (issue 7) for ./scripts/start. Unlike the other demo data these rows are
// written by the real services (contract, attendance, ledger, settlement), after the seed's transaction, on a
// clock the seed moves, so every contract carries real canonical terms, hash and Ed25519 signature chain
// (verifyContract passes), every balance comes from keyed double-entry transfers (the ledger sums to zero),
// and each PAID settlement went through the mock bank and recorded its one placement.
//
// In the demo market (鲤城区江南零工市场): the demo worker (13900000004) has a PAID settlement (contract
// COMPLETED), a SUBMITTED one waiting for his confirmation and a SIGNED contract for tomorrow's job; other
// workers have PAID ones, hours checked out and awaiting approval, and a DISPUTED one against another
// employer. Every filled task of the dispatch demo has its contracts signed by both sides and its escrow funded.
// Payouts go through a mock bank of the seed's own, on the seed's clock; its statement is reconciled for the two
// latest payout days (支付对账): the earlier day matches, on the later one the mock bank reports the demo worker's
// payout 1 fen higher (a planted difference, so the console shows one). Another worker (the first of
// workerIds) worked 7 four-hour jobs for the demo employer last week, each paid that day: 28 h, over the part-time
// 24 h week; the worker process flags it (attendance.approved) and tells the employer and the market's staff.
import type { Caller } from "../../server/src/access/actor.js";
import type { Config } from "../../server/src/config.js";
import type { Db } from "../../server/src/db/client.js";
import { engagements, tasks } from "../../server/src/db/schema/index.js";
import { createDeps } from "../../server/src/deps.js";
import { createLogger } from "../../server/src/logger.js";
import { BANK, wallet } from "../../server/src/modules/ledger/ledger.service.js";
import { createReconciliationService } from "../../server/src/modules/settlement/reconciliation.service.js";
import { payoutRequestId } from "../../server/src/modules/settlement/settlement.pay.js";
import { MockPayoutProvider } from "../../server/src/modules/settlement/settlement.payout.js";
import { createSettlementService } from "../../server/src/modules/settlement/settlement.service.js";
import { LogSmsProvider } from "../../server/src/modules/sms/sms.provider.js";
import { createServices } from "../../server/src/services.js";

const H = 3_600_000;
const M = 60_000;

export interface SettlementSeedInput {
  /** The configuration the API runs with (its contract signing key signs the demo contracts). */
  config: Config;
  demoWorkerId: string;
  demoEmployerId: string;
  /** Another employer (the disputed settlement is against it, so the demo employer can still post). */
  otherEmployerId: string;
  /** Workers besides the demo worker and those of the complaints demo (at least four). */
  workerIds: string[];
  venueId: string;
  regionCode: string;
  lat: number;
  lng: number;
  now: Date;
}

export interface SettlementSeedResult {
  contracts: number;
  settlements: Record<string, number>;
  placements: number;
  /** Payout days reconciled, and the differences found. */
  reconciliations: Record<string, number>;
  escrowFundedFen: number;
}

const SYSTEM: Caller = { actor: null, system: true, meta: { requestId: "seed", ip: null, userAgent: null } };
const as = (userId: string, role: "WORKER" | "EMPLOYER"): Caller => ({ actor: { userId, role, venueId: null, regionCode: null }, meta: { requestId: "seed", ip: null, userAgent: "seed" } });

export async function seedSettlements(db: Db, d: SettlementSeedInput): Promise<SettlementSeedResult> {
  let clock = new Date(d.now);
  // The seed's own deps: codes go to an in-memory SMS outbox the seed reads, rate-limit counters live under a
  // prefix of their own, new for each run (the API's limits are not spent, and a day of repeated seeds and
  // browser-test runs never reaches the daily cap per phone), and nothing is sent anywhere.
  const silent = createLogger({ logLevel: "silent", env: d.config.env }, "seed");
  // The demo employer signs more contracts in one run than a phone may receive codes in a day: the seed's own cap.
  const config: Config = { ...d.config, queuePrefix: `${d.config.queuePrefix}:seed:${randomUUID().slice(0, 8)}`, smsResendSeconds: 0, smsDailyLimitPerPhone: Math.max(d.config.smsDailyLimitPerPhone, 100) };
  const handle = createDeps(config, { name: "seed", logger: silent, now: () => new Date(clock) });
  const sms = new LogSmsProvider(silent, true);
  try {
    const s = createServices({ ...handle.deps, db, sms });
    const result: SettlementSeedResult = { contracts: 0, settlements: {}, placements: 0, escrowFundedFen: 0, reconciliations: {} };
    // The seed's own mock bank on the seed's clock, so its statement dates payouts as the books do.
    const bank = new MockPayoutProvider(() => new Date(clock));
    const wages = createSettlementService({ ...handle.deps, db }, { contracts: s.contracts, attendance: s.attendance, ledger: s.ledger, payouts: bank });
    const paidOn: { id: string; workerId: string; day: string; totalFen: number }[] = [];
    const phones = new Map<string, string>();
    const phoneOf = async (userId: string) => {
      if (!phones.has(userId)) phones.set(userId, (await db.query.users.findFirst({ columns: { phone: true }, where: (u, { eq }) => eq(u.id, userId) }))!.phone);
      return phones.get(userId)!;
    };
    const topped = new Set<string>();
    /** The bank credits an employer's wallet once (a keyed TOP_UP transfer, like the mock top-up). */
    const topUp = async (employerId: string) => {
      if (topped.has(employerId)) return;
      topped.add(employerId);
      await s.ledger.transfer({ key: `seed:top-up:${employerId}`, kind: "TOP_UP", from: BANK, to: wallet("EMPLOYER_WALLET", employerId), amountFen: 500_000, refs: { mock: "true" }, createdBy: employerId });
    };
    const fund = async (employerId: string, taskId: string, amountFen: number) => {
      await topUp(employerId);
      await s.ledger.fundTaskEscrow(as(employerId, "EMPLOYER"), { taskId, amountFen, idempotencyKey: `seed-fund-${taskId}` });
      result.escrowFundedFen += amountFen;
    };
    /** Drafts the engagement's contract and has the worker, then the employer, sign it with a texted code. */
    const signed = async (engagementId: string, workerId: string, employerId: string) => {
      const contract = (await s.contracts.draftForEngagement(SYSTEM, engagementId))!;
      for (const [userId, role] of [[workerId, "WORKER"], [employerId, "EMPLOYER"]] as const) {
        clock = new Date(clock.getTime() + 7 * M);
        await s.contracts.requestSigningCode(as(userId, role), contract.id);
        const smsCode = sms.lastCodeFor(await phoneOf(userId))!;
        await s.contracts.signContract(as(userId, role), { contractId: contract.id, smsCode, termsHash: contract.termsHash, confirmIntent: true });
      }
      result.contracts++;
      return contract;
    };

    // Every filled task of the dispatch demo (starting in a few days): escrow for all its seats, both contracts signed.
    const filledTasks = await db.query.tasks.findMany({ where: (t, { and, eq, gt }) => and(eq(t.status, "FILLED"), gt(t.startsAt, d.now)), orderBy: (t, { asc }) => [asc(t.startsAt), asc(t.id)] });
    const byTask = new Map(filledTasks.map((t) => [t.id, t]));
    const seats = await db.query.engagements.findMany({ where: (e, { and, eq, inArray }) => and(eq(e.status, "ACTIVE"), inArray(e.taskId, [...byTask.keys(), "00000000-0000-0000-0000-000000000000"])), orderBy: (e, { asc }) => [asc(e.taskId), asc(e.id)] });
    const filled = seats.map((e) => {
      const t = byTask.get(e.taskId)!;
      return { taskId: t.id, employerId: t.employerId, rate: t.payRateFen, headcount: t.headcount, startsAt: t.startsAt, endsAt: t.endsAt, engagementId: e.id, workerId: e.workerId };
    });
    const funded = new Set<string>();
    for (const f of filled) {
      clock = new Date(d.now.getTime() - 2 * H);
      if (!funded.has(f.taskId)) {
        funded.add(f.taskId);
        await fund(f.employerId, f.taskId, Math.round((Number(f.rate) * f.headcount * (f.endsAt.getTime() - f.startsAt.getTime())) / H));
      }
      await signed(f.engagementId, f.workerId, f.employerId);
    }

    // Jobs of the demo market, each as far along as its story needs.
    type Stage = "SIGNED" | "CHECKED_OUT" | "APPROVED" | "SUBMITTED" | "DISPUTED" | "PAID";
    const hour = Math.floor(d.now.getTime() / H) * H;
    const job = async (employerId: string, workerId: string, endsHoursFromNow: number, stage: Stage, title: string, n: number) => {
      const endsAt = new Date(hour + endsHoursFromNow * H);
      const startsAt = new Date(endsAt.getTime() - 4 * H);
      const at = { lat: d.lat + 0.002 * Math.sin(n), lng: d.lng + 0.002 * Math.cos(n) };
      // Posted and taken the day before (never later than an hour ago: no signature is dated in the future).
      clock = new Date(Math.min(startsAt.getTime() - 30 * H, d.now.getTime() - H));
      const [task] = await db
        .insert(tasks)
        .values({ employerId, venueId: d.venueId, postedBy: employerId, regionCode: d.regionCode, title, description: "演示数据：按日结算，完工当日提交结算。", skillCode: "PORTER", address: `鲤城区江南街道演示仓库${n}号`, ...at, startsAt, endsAt, headcount: 1, filledCount: 1, payRateFen: 2600, payUnit: "HOUR", status: "FILLED", wave: 1, createdAt: clock })
        .returning();
      const [e] = await db.insert(engagements).values({ taskId: task!.id, workerId, source: "GRAB", startsAt, endsAt, acceptedAt: clock }).returning();
      await fund(employerId, task!.id, 4 * 2600);
      await signed(e!.id, workerId, employerId);
      if (stage === "SIGNED") return;
      const worker = as(workerId, "WORKER");
      const employer = as(employerId, "EMPLOYER");
      clock = new Date(startsAt.getTime() - 10 * M);
      await s.attendance.checkIn(worker, { engagementId: e!.id, ...at });
      clock = new Date(endsAt.getTime() + 5 * M);
      await s.attendance.checkOut(worker, { engagementId: e!.id, ...at });
      if (stage === "CHECKED_OUT") return void (result.settlements.HOURS_PENDING = (result.settlements.HOURS_PENDING ?? 0) + 1);
      if (stage === "APPROVED") {
        clock = new Date(endsAt.getTime() + 30 * M);
        await s.attendance.answerHours(employer, { engagementId: e!.id, approve: true });
        return void (result.settlements.HOURS_APPROVED = (result.settlements.HOURS_APPROVED ?? 0) + 1);
      }
      clock = new Date(endsAt.getTime() + 60 * M);
      const settlement = await s.settlement.submitSettlement(employer, { engagementId: e!.id });
      clock = new Date(endsAt.getTime() + 100 * M);
      if (stage === "DISPUTED") await s.settlement.disputeSettlement(worker, settlement.id, "现场多干了1小时，结算未计入");
      if (stage === "PAID") {
        await s.settlement.confirmSettlement(worker, settlement.id);
        clock = new Date(clock.getTime() + M);
        const paid = await wages.paySettlement(SYSTEM, settlement.id);
        if (paid.status !== "PAID") throw new Error(`seed: settlement ${settlement.id} not paid (${paid.payoutStatus})`);
        paidOn.push({ id: paid.id, workerId, day: shanghaiDate(paid.paidAt!), totalFen: paid.totalFen });
        result.placements++;
      }
      result.settlements[stage] = (result.settlements[stage] ?? 0) + 1;
    };
    const [w1, w2, w3, w4] = d.workerIds;
    if (!w1 || !w2 || !w3 || !w4) throw new Error("seedSettlements needs four other workers");
    await job(d.demoEmployerId, w1, -50, "PAID", "鞋材入库搬运（演示·已发薪）", 1);
    await job(d.demoEmployerId, w2, -30, "PAID", "成品打包（演示·已发薪）", 2);
    await job(d.demoEmployerId, d.demoWorkerId, -26, "PAID", "鞋底装卸（演示·已发薪）", 3);
    await job(d.otherEmployerId, w4, -28, "DISPUTED", "石材装车（演示·结算有异议）", 4);
    await job(d.demoEmployerId, d.demoWorkerId, -3, "SUBMITTED", "仓库理货（演示·待确认结算）", 5);
    await job(d.demoEmployerId, w3, -2, "CHECKED_OUT", "鞋盒搬运（演示·工时待确认）", 6);
    await job(d.demoEmployerId, d.demoWorkerId, 36, "SIGNED", "展厅布置搬运（演示·合同已签）", 7);
    result.settlements.SIGNED_UPCOMING = 1;

    // 非全日制: 7 × 4 h for the demo employer on last week's days (Mon–Sun, Shanghai), 10:00–14:00, each paid the
    // same day, as 日结 requires. Not left approved or submitted: hours unsubmitted past 24 h, or unpaid 3 working
    // days after the work, are wage arrears, and the daily-pay jobs' complaints would block the demo employer from
    // posting (canPost) as soon as the worker process runs.
    const lastMonday = addDays(partTimeWeekOf(d.now).weekStart, -7);
    for (let day = 0; day < 7; day++) {
      const endsHoursFromNow = (new Date(`${addDays(lastMonday, day)}T14:00:00+08:00`).getTime() - hour) / H;
      await job(d.demoEmployerId, w1, endsHoursFromNow, "PAID", `展会物料搬运（演示·上周第${day + 1}天）`, 10 + day);
    }

    // 支付对账: one difference planted on the last payout day (the demo worker's payout, 1 fen more at the bank).
    const days = [...new Set(paidOn.map((p) => p.day))].sort();
    const planted = paidOn.find((p) => p.day === days.at(-1) && p.workerId === d.demoWorkerId) ?? paidOn.at(-1);
    if (planted) bank.plant(payoutRequestId(planted.id, 1), { amountFen: planted.totalFen + 1 });
    const recon = createReconciliationService({ ...handle.deps, db }, { payouts: bank, notifications: s.notifications });
    clock = new Date(d.now.getTime() - M);
    // The two latest payout days: one clean, one with the planted difference (the nightly job reconciles the rest as they come).
    for (const day of days.slice(-2)) result.reconciliations[day] = (await recon.reconcileDay(day, randomUUID())).differences.length;
    return result;
  } finally {
    await handle.close();
  }
}
