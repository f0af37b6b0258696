// Test data for the money path: an engaged worker on a posted task with its contract drafted, and both
// parties signing it with real SMS codes (the harness's logging provider keeps them).
import type { Caller } from "../../access/actor.js";
import { LogSmsProvider } from "../sms/sms.provider.js";
import type { ServiceHarness } from "../../testing/service-harness.js";
import { insertEmployer, insertRecognizedVenue, insertWorker, LICHENG, taskCommand, type WorkerSpec } from "../dispatch/dispatch.fixtures.js";
import type { PostTaskCommand } from "../dispatch/task.service.js";

export const callerOf = (userId: string, role: "EMPLOYER" | "WORKER" | "VENUE_STAFF" | "COUNTY_OFFICER" | "CITY_OFFICER", extra: { venueId?: string | null; regionCode?: string | null } = {}): Caller => ({
  actor: { userId, role, venueId: extra.venueId ?? null, regionCode: extra.regionCode ?? null },
  meta: { requestId: `t-${userId.slice(0, 8)}`, ip: "10.0.0.8", userAgent: "vitest/contract" },
});

export interface Engaged {
  venueId: string;
  employer: Caller;
  worker: Caller;
  taskId: string;
  engagementId: string;
  contractId: string;
  termsHash: string;
}

/** An employer posting a task (a recognised venue must exist: insertRecognizedVenue), a worker taking it, and the drafted contract. */
export async function engagedWorker(h: ServiceHarness, opts: { task?: Partial<PostTaskCommand>; worker?: WorkerSpec; employer?: Caller; workerCaller?: Caller } = {}): Promise<Engaged> {
  const db = h.deps.db;
  const employer = opts.employer ?? callerOf((await insertEmployer(db)).id, "EMPLOYER");
  const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { headcount: 1, ...opts.task }));
  // The same worker for several tasks (workerCaller), or a new one near the task.
  const worker = opts.workerCaller ?? callerOf(await insertWorker(db, { at: { lat: task.lat, lng: task.lng }, ...opts.worker }), "WORKER");
  const engagement = await h.services.dispatch.takeTask(worker, task.id);
  // 到岗确认 up front, so tests that move the clock to the work keep the seat past the reconfirmation deadline.
  if (engagement.status === "ACTIVE") await h.services.dispatch.confirmEngagement(worker, engagement.id);
  await h.deliverDueEvents();
  const contract = await h.services.contracts.contractOfEngagement(worker, engagement.id);
  if (!contract) throw new Error("fixture: no contract drafted");
  return { venueId: task.venueId, employer, worker, taskId: task.id, engagementId: engagement.id, contractId: contract.id, termsHash: contract.termsHash };
}

/** The newest code texted to the caller's phone. */
export async function lastCode(h: ServiceHarness, caller: Caller): Promise<string> {
  const sms = h.deps.sms;
  if (!(sms instanceof LogSmsProvider)) throw new Error("tests read codes from SMS_PROVIDER=log");
  const phone = (await h.deps.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, caller.actor!.userId) }))!.phone;
  const code = sms.lastCodeFor(phone);
  if (!code) throw new Error("no code sent");
  return code;
}

/** One party signs with a fresh code. */
export async function sign(h: ServiceHarness, e: Engaged, who: Caller) {
  await h.services.contracts.requestSigningCode(who, e.contractId);
  return h.services.contracts.signContract(who, { contractId: e.contractId, smsCode: await lastCode(h, who), termsHash: e.termsHash, confirmIntent: true });
}

/** Both sign: the contract is SIGNED. */
export async function signBoth(h: ServiceHarness, e: Engaged) {
  await sign(h, e, e.worker);
  return sign(h, e, e.employer);
}

/**
 * A worked shift (the money path's common start): the engagement signed by both, the employer's wallet topped up
 * with 50,000 fen and 20,000 in the task's escrow, the worker checked in 10 minutes early and out 230 minutes
 * after the start: 225 billable minutes, 9,375 fen at the default 25 CNY an hour. `at` sets the clock first.
 */
export async function workedShift(h: ServiceHarness, opts: { at?: string | Date; task?: Partial<PostTaskCommand>; employer?: Caller } = {}): Promise<Engaged> {
  if (opts.at) h.clock.set(opts.at);
  const e = await engagedWorker(h, { task: { payRateFen: 2500, payUnit: "HOUR", ...opts.task }, employer: opts.employer });
  await signBoth(h, e);
  const task = await h.services.dispatch.getTask(e.employer, e.taskId);
  await h.services.ledger.topUpWallet(e.employer, { amountFen: 50_000, idempotencyKey: `topup-${e.taskId}` });
  await h.services.ledger.fundTaskEscrow(e.employer, { taskId: e.taskId, amountFen: 20_000, idempotencyKey: `fund-${e.taskId}` });
  h.clock.set(new Date(task.startsAt.getTime() - 10 * 60_000));
  await h.services.attendance.checkIn(e.worker, { engagementId: e.engagementId, lat: task.lat, lng: task.lng });
  h.clock.set(new Date(task.startsAt.getTime() + 230 * 60_000));
  await h.services.attendance.checkOut(e.worker, { engagementId: e.engagementId, lat: task.lat, lng: task.lng });
  return e;
}

/** A worked shift (workedShift) settled: submitted by the employer, confirmed by the worker, paid through the jobs. */
export async function paidShift(h: ServiceHarness, opts: Parameters<typeof workedShift>[1] = {}): Promise<Engaged & { settlementId: string }> {
  const e = await workedShift(h, opts);
  const s = await h.services.settlement.submitSettlement(e.employer, { engagementId: e.engagementId });
  await h.services.settlement.confirmSettlement(e.worker, s.id);
  await h.deliverDueEvents();
  return { ...e, settlementId: s.id };
}

export { insertRecognizedVenue, LICHENG };
