// The market simulator against a real API and worker process on a scratch database with demo data: it
// posts, gets offers accepted, signs with texted codes, and a settlement is paid; the ledger still sums to
// zero, no task is overfilled, and the report has latencies per operation and only expected refusals.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoData } from "../../scripts/seed.js";
import { DEFAULTS } from "../../scripts/lib/simulate/options.js";
import { runSimulation, type SimulationReport } from "../../scripts/lib/simulate/run.js";
import { SmsInbox } from "../../scripts/lib/simulate/sms-inbox.js";
import { hashPassword } from "../../server/src/modules/identity/password.js";
import { createPiiVault } from "../../server/src/modules/identity/pii.js";
import { smsOutbox } from "../../server/src/testing/factories.js";
import { startTestApi, type TestApi } from "../../server/src/testing/test-app.js";

const SERVER = fileURLToPath(new URL("../../server/", import.meta.url));
const SEED = { workers: 400, employers: 40 };
/** The simulation settings of the README: codes as often as signing needs them, from one address. */
const SIMULATION_ENV = { SMS_RESEND_SECONDS: "0", SMS_DAILY_LIMIT_PER_PHONE: "100000", SMS_HOURLY_LIMIT_PER_IP: "1000000" };
/** Races a real market has (an offer withdrawn as it is accepted, a seat gone, a task started): refused, nothing else. */
const EXPECTED_CODES = new Set(["CONFLICT", "PRECONDITION_FAILED"]);

describe("market simulator", () => {
  let t: TestApi;
  let worker: ChildProcess | null = null;
  let report: SimulationReport;
  let reportPath: string;
  let paidBefore: number;

  beforeAll(async () => {
    t = await startTestApi(SIMULATION_ENV);
    // The worker process (outbox relay, dispatch waves, contract drafts, payouts) warms up while the seed runs.
    worker = spawn(process.execPath, ["--import", "@oxc-node/core/register", "src/worker.ts"], {
      cwd: SERVER,
      env: {
        ...process.env,
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: t.config.redisUrl,
        QUEUE_PREFIX: t.config.queuePrefix.slice(1, -1),
        OUTBOX_POLL_MS: "50",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
    await seedDemoData(t.database.db, vault, { ...SEED, config: t.config, passwordHash: await hashPassword(DEMO_PASSWORD), log: () => {} });
    paidBefore = await count(sql`select count(*)::int as n from settlements where status = 'PAID'`);
    // The simulated phones read their texts from the API's logging SMS provider.
    const inbox = new SmsInbox();
    const sms = smsOutbox(t);
    const send = sms.send.bind(sms);
    sms.send = async (phone, text) => {
      await send(phone, text);
      inbox.deliver(phone, text);
    };
    reportPath = join(await mkdtemp(join(tmpdir(), "qz-sim-")), "report.json");
    report = await runSimulation(
      { ...DEFAULTS, api: `${t.url}/graphql`, rate: 10, duration: 60, seed: 3, report: reportPath, quiet: true, smsLogs: [], workers: 8, employers: 3 },
      { inbox, seed: SEED, print: process.env.SIMULATE_TEST_PRINT ? console.log : () => {} },
    );
  }, 300_000);

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once("exit", r));
      worker.kill("SIGTERM");
      await exited;
    }
    await t?.close();
  });

  async function count(query: ReturnType<typeof sql>): Promise<number> {
    const [row] = await t.database.db.execute<{ n: number }>(query);
    return Number(row!.n);
  }

  it("posted tasks, got offers accepted, signed contracts and checked workers in", async () => {
    const totals = report.snapshot.totals;
    expect(totals.tasksPosted).toBeGreaterThan(0);
    expect(totals.offersAccepted).toBeGreaterThan(0);
    expect(totals.contractsSigned).toBeGreaterThan(0);
    const posted = await count(sql`select count(*)::int as n from tasks where description like '模拟数据%'`);
    expect(posted).toBe(totals.tasksPosted);
    const signed = await count(sql`select count(*)::int as n from contract_signatures s join contracts c on c.id = s.contract_id join tasks k on k.id = c.task_id where k.description like '模拟数据%'`);
    expect(signed).toBeGreaterThan(0);
  });

  it("a settlement was paid through the worker process (the day's backlog)", async () => {
    expect(report.snapshot.totals.settlementsPaid).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from settlements where status = 'PAID'`)).toBeGreaterThan(paidBefore);
  });

  it("the ledger sums to zero and no task has more engagements than seats", async () => {
    expect(await count(sql`select coalesce(sum(amount_fen), 0)::bigint as n from ledger_entries`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from ledger_accounts a where a.balance_fen <> (select coalesce(sum(e.amount_fen), 0) from ledger_entries e where e.account_id = a.id)`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from tasks where filled_count > headcount`)).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from (select e.task_id from engagements e join tasks k on k.id = e.task_id where e.status in ('ACTIVE', 'CONFIRMED', 'COMPLETED') group by e.task_id, k.headcount having count(*) > k.headcount) x`),
    ).toBe(0);
  });

  it("the JSON report has the options, latencies per operation and no unexpected error codes", async () => {
    const written = JSON.parse(await readFile(reportPath, "utf8")) as SimulationReport;
    expect(written.options).toMatchObject({ rate: 10, duration: 60, seed: 3 });
    for (const op of ["login", "postTask", "fundTaskEscrow", "myOffers", "acceptOffer", "requestContractSigningCode", "signContract", "confirmSettlement"]) {
      expect(written.snapshot.operations[op], op).toBeDefined();
      expect(written.snapshot.operations[op]!.p50Ms).toBeGreaterThan(0);
      expect(written.snapshot.operations[op]!.p95Ms).toBeGreaterThanOrEqual(written.snapshot.operations[op]!.p50Ms!);
    }
    expect(Object.keys(written.snapshot.errorsByCode).filter((code) => !EXPECTED_CODES.has(code))).toEqual([]);
    expect(written.accounts.loginFailures).toBe(0);
    expect(written.snapshot.totals).toEqual(report.snapshot.totals);
  });
});
