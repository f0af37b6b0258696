// The drills' invariant checks (issue 12) catch what they claim to: on real data made through the services
// they all pass; then each violation is planted by hand in SQL (inside a transaction rolled back afterwards,
// so the plants never meet) and exactly its check fails, naming the rows. The CLI's exit codes once, spawned.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, CHECK_NAMES, settleInvariants, type InvariantOptions, type Reader } from "../../scripts/drills/invariants.js";
import { insertRecognizedVenue, paidShift, type Engaged } from "../../server/src/modules/contract/contract.fixtures.js";
import { insertWorker } from "../../server/src/modules/dispatch/dispatch.fixtures.js";
import { createServiceHarness, type ServiceHarness } from "../../server/src/testing/service-harness.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DAY = 86_400_000;
// The whole market day happens three weeks back, so every scheduled event (approvals, the 24-hour rule,
// payment deadlines) is due by now and can be delivered: the state a drill leaves once the load stops.
const START = new Date(Math.floor((Date.now() - 21 * DAY) / DAY) * DAY + 2 * 3_600_000);

class Rollback extends Error {}

describe("drills: invariant checks", () => {
  let h: ServiceHarness;
  let sql: postgres.Sql;
  let redis: Redis;
  let prefix: string;
  let paid: { e: Engaged; settlementId: string }[];
  let extraWorker: string;

  const options = (extra: InvariantOptions = {}): InvariantOptions => ({ redis, queuePrefix: prefix, graceSeconds: 0, ...extra });
  const failing = (r: { checks: { name: string; ok: boolean }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.name);
  const detailOf = (r: { checks: { name: string; detail: string }[] }, name: string) => r.checks.find((c) => c.name === name)!.detail;

  /** Plants a violation in a transaction, runs the checks inside it, and rolls everything back. */
  async function planted(plant: (tx: Reader) => Promise<unknown>, extra: InvariantOptions = {}) {
    let result: Awaited<ReturnType<typeof checkInvariants>> | undefined;
    await sql
      .begin(async (tx) => {
        await plant(tx);
        result = await checkInvariants(tx, options(extra));
        throw new Rollback();
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err;
      });
    return result!;
  }

  /** One engagement worked, settled and paid through the services and their jobs (225 min at 25 CNY/h = 9,375 fen). */
  async function paidSettlement(n: number) {
    const { settlementId, ...e } = await paidShift(h, { at: new Date(START.getTime() + n * DAY), task: { lat: 24.9 + n * 0.004 } });
    return { e, settlementId };
  }

  beforeAll(async () => {
    h = await createServiceHarness({ start: START, env: { SMS_RESEND_SECONDS: "0" } });
    sql = h.env.database.sql;
    prefix = h.env.config.queuePrefix.slice(1, -1); // the raw QUEUE_PREFIX, as the drills pass it
    redis = new Redis(h.env.config.redisUrl, { maxRetriesPerRequest: null });
    await insertRecognizedVenue(h.deps.db);
    paid = [await paidSettlement(0), await paidSettlement(1)];
    extraWorker = await insertWorker(h.deps.db);
    // Everything scheduled since (approvals, the 24-hour rule, payment deadlines) comes due and runs.
    h.clock.set(new Date());
    await h.deliverDueEvents();
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.close();
  });

  it("all pass on the state the services leave: seats, two paid settlements, the ledger, the roll-up, the outbox", async () => {
    const [state] = await sql<{ paid: number; placements: number; facts: number; processed: number; unsent: number }[]>`
      select (select count(*) from settlements where status = 'PAID')::int as paid, (select count(*) from placements)::int as placements,
             (select count(*) from performance_placements)::int as facts, (select count(*) from processed_events)::int as processed,
             (select count(*) from outbox where sent_at is null and coalesce(run_at, created_at) < now())::int as unsent`;
    expect(state).toMatchObject({ paid: 2, placements: 2, facts: 2, unsent: 0 });
    expect(state!.processed).toBeGreaterThan(10);
    const result = await checkInvariants(sql, options());
    expect(result.checks.map((c) => c.name)).toEqual([...CHECK_NAMES]);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(detailOf(result, "no-settlement-paid-twice")).toContain("2 settlements paid");
    expect(detailOf(result, "placements-counted-once")).toContain("2 placements");
  });

  it("an extra engagement past the headcount: no-task-overfilled fails, naming the task", async () => {
    const { taskId } = paid[0]!.e;
    const r = await planted(
      (tx) => tx`insert into engagements (task_id, worker_id, source, status, starts_at, ends_at, accepted_at)
                 select id, ${extraWorker}, 'GRAB', 'ACTIVE', starts_at, ends_at, now() from tasks where id = ${taskId}`,
    );
    expect(failing(r)).toEqual(["no-task-overfilled"]);
    expect(detailOf(r, "no-task-overfilled")).toContain(`task ${taskId} holds 2 engagements for headcount 1`);
  });

  /** A balanced transfer written by hand, as a buggy or repeated payout would write it. */
  async function transfer(tx: Reader, key: string, kind: string, from: string, to: string, amount: number, settlementId: string) {
    const [t] = await tx<{ id: string }[]>`insert into ledger_transfers (idempotency_key, body_hash, kind, amount_fen, refs)
      values (${key}, 'planted', ${kind}, ${amount}, ${JSON.stringify({ settlementId })}::jsonb) returning id`;
    await tx`insert into ledger_entries (transfer_id, account_id, amount_fen) values (${t!.id}, ${from}, ${-amount}), (${t!.id}, ${to}, ${amount})`;
  }
  const account = async (tx: Reader, kind: string, owner: string | null) =>
    (await tx<{ id: string }[]>`select id from ledger_accounts where kind = ${kind} and owner_id is not distinct from ${owner}`)[0]!.id;

  /** The clearing or bank account (its payout lane) the settlement's real payout went through. */
  const laneAccount = async (tx: Reader, settlementId: string, kind: string) =>
    (
      await tx<{ id: string }[]>`select a.id from ledger_entries e join ledger_transfers t on t.id = e.transfer_id join ledger_accounts a on a.id = e.account_id
        where t.refs->>'settlementId' = ${settlementId} and t.kind = 'PAYOUT_SETTLED' and a.kind = ${kind}`
    )[0]!.id;

  it("a second payout for a settlement (balanced, so the ledger still sums to zero): only no-settlement-paid-twice fails", async () => {
    const { e, settlementId } = paid[0]!;
    const r = await planted(async (tx) => {
      const [escrow, wallet, clearing, bank] = [await account(tx, "TASK_ESCROW", e.taskId), await account(tx, "WORKER_WALLET", e.worker.actor!.userId), await laneAccount(tx, settlementId, "PLATFORM_CLEARING"), await laneAccount(tx, settlementId, "BANK")];
      await transfer(tx, `settlement:${settlementId}:wage:again`, "PAY_WAGE", escrow, wallet, 9375, settlementId);
      await transfer(tx, `settlement:${settlementId}:payout:again`, "PAYOUT", wallet, clearing, 9375, settlementId);
      await transfer(tx, `settlement:${settlementId}:settled:again`, "PAYOUT_SETTLED", clearing, bank, 9375, settlementId);
    });
    expect(failing(r)).toEqual(["no-settlement-paid-twice"]);
    expect(detailOf(r, "no-settlement-paid-twice")).toContain(`settlement ${settlementId} (PAID, total 9375 fen): 2 wage, 2 payout less 0 returned, 2 bank transfers of 18750 fen`);
  });

  it("an unbalanced ledger entry: only ledger-balanced fails, naming the transfer and its sum", async () => {
    const r = await planted(async (tx) => {
      const wallet = await account(tx, "EMPLOYER_WALLET", paid[1]!.e.employer.actor!.userId);
      // The balance check is a deferred constraint trigger: inside this (rolled-back) transaction it never fires.
      const [t] = await tx<{ id: string }[]>`insert into ledger_transfers (idempotency_key, body_hash, kind, amount_fen) values ('planted:one-leg', 'planted', 'TOP_UP', 500) returning id`;
      await tx`insert into ledger_entries (transfer_id, account_id, amount_fen) values (${t!.id}, ${wallet}, 500)`;
    });
    expect(failing(r)).toEqual(["ledger-balanced"]);
    expect(detailOf(r, "ledger-balanced")).toContain("all entries sum to 500 fen, not 0");
    expect(detailOf(r, "ledger-balanced")).toMatch(/1 transfers do not balance: TOP_UP planted:one-leg \(.+\) sums to 500 fen over 1 legs/);
  });

  it("a placement deleted from the roll-up: only placements-counted-once fails, with the placement and the drifted counter", async () => {
    const [p] = await sql<{ id: string; venue_id: string }[]>`select id, venue_id from placements where engagement_id = ${paid[1]!.e.engagementId}`;
    const r = await planted((tx) => tx`delete from performance_placements where placement_id = ${p!.id}`);
    expect(failing(r)).toEqual(["placements-counted-once"]);
    const detail = detailOf(r, "placements-counted-once");
    expect(detail).toContain(`1 placements not counted: placement ${p!.id} (venue ${p!.venue_id})`);
    expect(detail).toMatch(new RegExp(`venue ${p!.venue_id} \\d{4} placements: stored 2, recount 1`));
  });

  it("an outbox event left unsent past due: only outbox-none-lost fails; a sent event nobody processed fails it too", async () => {
    const id = randomUUID();
    const r = await planted((tx) => tx`insert into outbox (id, name, payload, created_at) values (${id}, 'task.posted', ${JSON.stringify({ taskId: randomUUID() })}::jsonb, now() - interval '1 hour')`);
    expect(failing(r)).toEqual(["outbox-none-lost"]);
    expect(detailOf(r, "outbox-none-lost")).toContain(`1 events unsent past due: task.posted ${id}`);
    // Within the grace period the same event is not yet lost.
    const young = await planted((tx) => tx`insert into outbox (id, name, payload) values (${id}, 'task.posted', ${JSON.stringify({ taskId: randomUUID() })}::jsonb)`, { graceSeconds: 60 });
    expect(young.ok).toBe(true);
    const [mark] = await sql<{ consumer: string; event_id: string }[]>`select consumer, event_id from processed_events where consumer = 'performance.record-placement' limit 1`;
    const lost = await planted((tx) => tx`delete from processed_events where consumer = ${mark!.consumer} and event_id = ${mark!.event_id}`);
    expect(failing(lost)).toEqual(["outbox-none-lost"]);
    expect(detailOf(lost, "outbox-none-lost")).toContain(`performance.record-placement never processed placement.recorded ${mark!.event_id}`);
  });

  it("a duplicate processed record (the key dropped to let it in) or one from a consumer not routed the event: only outbox-none-twice fails", async () => {
    const [mark] = await sql<{ consumer: string; event_id: string }[]>`select consumer, event_id from processed_events where consumer = 'settlement.pay' limit 1`;
    const twice = await planted(async (tx) => {
      await tx`alter table processed_events drop constraint processed_events_consumer_event_id_pk`;
      await tx`insert into processed_events (consumer, event_id) values (${mark!.consumer}, ${mark!.event_id})`;
    });
    expect(failing(twice)).toEqual(["outbox-none-twice"]);
    expect(detailOf(twice, "outbox-none-twice")).toContain(`settlement.pay × 2 for event ${mark!.event_id}`);
    const stray = await planted((tx) => tx`insert into processed_events (consumer, event_id) values ('dispatch.send-wave', ${mark!.event_id})`);
    expect(failing(stray)).toEqual(["outbox-none-twice"]);
    expect(detailOf(stray, "outbox-none-twice")).toContain(`dispatch.send-wave ran settlement.confirmed ${mark!.event_id}`);
  });

  it("a BullMQ job nobody takes: fine while young, no-job-stuck once overdue (waiting and delayed); a failed job is listed with its reason", async () => {
    const queue = new Queue("performance", { connection: redis, prefix: `{${prefix}}` });
    try {
      await queue.add("performance.record-placement", {}, { jobId: `${randomUUID()}.performance.record-placement` });
      const delayed = await queue.add("performance.reconcile", {}, { jobId: `${randomUUID()}.performance.reconcile`, delay: 60_000 });
      expect((await checkInvariants(sql, options())).ok).toBe(true);
      const later = await checkInvariants(sql, options({ now: new Date(Date.now() + 10 * 60_000) }));
      expect(failing(later)).toEqual(["no-job-stuck"]);
      const detail = detailOf(later, "no-job-stuck");
      expect(detail).toMatch(/2 jobs stuck: .*performance performance\.record-placement \S+ waiting (9|10) min past due/);
      expect(detail).toMatch(new RegExp(`performance ${delayed.id!.replace(/\./g, "\\.")} delayed (8|9) min past due`));
      await queue.obliterate({ force: true });

      // A consumer that gives up (a malformed payload is not retried): its job ends failed, with the reason.
      const job = await queue.add("performance.record-placement", { bad: true }, { jobId: `${randomUUID()}.performance.record-placement` });
      const worker = new Worker("performance", async () => Promise.reject(new UnrecoverableError("malformed payload (planted)")), { connection: redis.duplicate(), prefix: `{${prefix}}` });
      await new Promise<void>((resolve) => worker.on("failed", () => resolve()));
      await worker.close();
      const failed = await checkInvariants(sql, options());
      expect(failing(failed)).toEqual(["no-job-stuck"]);
      expect(detailOf(failed, "no-job-stuck")).toContain(`1 jobs failed: performance performance.record-placement ${job.id} after 1 attempts: malformed payload (planted)`);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it("settleInvariants reruns while work is in flight and passes once it lands; a violation that never heals still fails", async () => {
    const unsent = async () => {
      const id = randomUUID();
      await sql`insert into outbox (id, name, payload, created_at) values (${id}, 'task.posted', ${JSON.stringify({ taskId: randomUUID() })}::jsonb, now() - interval '1 hour')`;
      return id;
    };
    const late = await unsent();
    // The relay catching up: the event is withdrawn and marked sent a moment after the drill ended.
    const relay = new Promise((r) => setTimeout(r, 600)).then(() => sql`update outbox set cancelled_at = now() - interval '1 second', sent_at = now() where id = ${late}`);
    const settled = await settleInvariants(sql, { ...options(), timeoutSeconds: 20, intervalMs: 200 });
    await relay;
    expect(settled.ok).toBe(true);
    expect(settled.attempts).toBeGreaterThan(1);

    const lost = await unsent();
    try {
      const gaveUp = await settleInvariants(sql, { ...options(), timeoutSeconds: 1, intervalMs: 200 });
      expect(gaveUp.ok).toBe(false);
      expect(gaveUp.attempts).toBeGreaterThanOrEqual(2);
      expect(failing(gaveUp)).toEqual(["outbox-none-lost"]);
    } finally {
      await sql`delete from outbox where id in (${late}, ${lost})`;
    }
  });

  /** Runs the CLI as the drills do; resolves with its exit code and output. */
  function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ["--import", "@oxc-node/core/register", "scripts/drills/check.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.on("exit", (code) => resolve({ code, out, err }));
    });
  }

  it("the CLI exits 0 when all pass, 2 on bad options, 1 with the failing check on a violation", { timeout: 120_000 }, async () => {
    const base = ["--database-url", h.env.config.databaseUrl, "--redis-url", h.env.config.redisUrl, "--queue-prefix", prefix, "--grace-seconds", "0"];
    const [clean, bad] = await Promise.all([cli(base), cli([...base.slice(0, 4), "--queue-prefix", `{${prefix}}`])]);
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.out).toContain("✓ no-task-overfilled:");
    expect(clean.out).toContain("all 7 checks pass");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--queue-prefix must be the raw QUEUE_PREFIX");

    // A committed violation, so the CLI's own connection sees it.
    const id = randomUUID();
    await sql`insert into outbox (id, name, payload, created_at) values (${id}, 'task.posted', ${JSON.stringify({ taskId: randomUUID() })}::jsonb, now() - interval '1 hour')`;
    const violated = await cli([...base, "--json"]);
    expect(violated.code).toBe(1);
    const report = JSON.parse(violated.out) as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
    expect(report.ok).toBe(false);
    expect(failing(report)).toEqual(["outbox-none-lost"]);
    expect(detailOf(report, "outbox-none-lost")).toContain(id);
  });
});
