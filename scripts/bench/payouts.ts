// Payouts per second end to end (settlement PAID + keyed ledger transfers + placement + placement.recorded,
// through the settlement service with the mock bank, N concurrent) against pgbench's TPC-B-like load with 8
// clients on the same PostgreSQL, in one run; prints both figures and the ratio (target ≥ 0.5).
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import type { Caller } from "../../server/src/access/actor.js";
import { loadConfig } from "../../server/src/config.js";
import { migrateDatabase } from "../../server/src/db/migrate.js";
import { engagements, settlements, tasks } from "../../server/src/db/schema/index.js";
import { createDeps } from "../../server/src/deps.js";
import { createLogger } from "../../server/src/logger.js";
import { insertEmployer, insertRecognizedVenue, insertWorkers, LICHENG } from "../../server/src/modules/dispatch/dispatch.fixtures.js";
import { BANK, escrowOf, wallet } from "../../server/src/modules/ledger/ledger.service.js";
import { MockPayoutProvider } from "../../server/src/modules/settlement/settlement.payout.js";
import { createSettlementService } from "../../server/src/modules/settlement/settlement.service.js";
import { createServices } from "../../server/src/services.js";
import { splitDatabaseUrl } from "../lib/postgres.js";
import { benchOptions, databaseUrl, numberOption, scratchServer } from "./lib/setup.js";

const HELP = `Usage: pnpm bench:payouts [options]

Creates two scratch databases on the PostgreSQL of DATABASE_URL: <db>_bench_payouts (migrated; N confirmed
settlements with drafted contracts and funded escrow are prepared first, not timed) and <db>_pgbench (pgbench -i
-s 1). Then, one after the other so they never compete: pays every settlement through the settlement service
with the mock bank, --concurrency at a time (escrow → worker wallet → clearing → bank, PAID, one placement,
placement.recorded), and runs pgbench's TPC-B-like script with 8 clients for --duration seconds. Prints payouts/s,
pgbench tps and the ratio (target ≥ 0.5). Both databases are dropped at the end (--keep keeps them).

  --count N         settlements to pay (default 600)
  --concurrency N   payout calls in flight at once (default 8)
  --batch N         settlements per call: 1 pays each through paySettlement, more through the batch payer
                    paySettlements (批量代发; default 1, at most 200)
  --duration S      pgbench seconds (default 15)
  --keep            keep the scratch databases
  --help`;

const args = benchOptions(
  { batch: { type: "string", default: "1" }, count: { type: "string", default: "600" }, concurrency: { type: "string", default: "8" }, duration: { type: "string", default: "15" }, keep: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  HELP,
);
const option = (name: "count" | "concurrency" | "duration" | "batch", max: number): number => {
  try {
    return numberOption(name, args[name], { integer: true, max });
  } catch (err) {
    console.error(`payouts bench: ${(err as Error).message}`);
    process.exit(2);
  }
};
const count = option("count", 100_000);
const concurrency = option("concurrency", 64);
const duration = option("duration", 600);
const batch = option("batch", 200);

const log = (line: string) => console.log(`[bench:payouts] ${line}`);
const base = loadConfig();
const { adminUrl } = splitDatabaseUrl(base.databaseUrl);
// Named after DATABASE_URL's database, so engineers sharing the server never drop each other's scratch copies.
const stem = new URL(base.databaseUrl).pathname.slice(1).replace(/[^a-z0-9_]/gi, "") || "qz";
const APP_DB = `${stem}_bench_payouts`;
const PGBENCH_DB = `${stem}_pgbench`;
const dbUrl = (name: string) => databaseUrl(adminUrl, name);
const pgbench = (() => {
  for (const candidate of ["pgbench", "/usr/lib/postgresql/15/bin/pgbench"]) {
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore" });
      return candidate;
    } catch {
      /* next */
    }
  }
  console.error("payouts bench: pgbench not found (PATH or /usr/lib/postgresql/15/bin)");
  process.exit(2);
})();

const scratch = scratchServer(adminUrl);
const recreate = (name: string) => scratch.recreate(name);

const load = loadavg()[0]!;
if (load > availableParallelism() / 2) log(`warning: load average ${load.toFixed(1)} on ${availableParallelism()} cores; figures will be noisy`);

await recreate(APP_DB);
const config = loadConfig({ ...process.env, DATABASE_URL: dbUrl(APP_DB), DATABASE_POOL_MAX: String(concurrency + 4), LOG_LEVEL: "warn" });
let queries = 0;
const handle = createDeps(config, { name: "bench-payouts", logger: createLogger(config, "bench-payouts"), onQuery: () => void queries++ });
const { deps } = handle;
let exitCode = 0;
try {
  await migrateDatabase(deps.db);
  const services = createServices(deps);
  const system: Caller = { actor: null, system: true, meta: { requestId: "bench", ip: null, userAgent: null } };

  // ---- prepare (not timed): one employer, 100 workers, `count` finished 4-hour tasks, each with its contract,
  // its escrow and a CONFIRMED settlement of 10,400 fen ----
  const t0 = performance.now();
  const venue = await insertRecognizedVenue(deps.db);
  const employer = await insertEmployer(deps.db);
  const workerIds = await insertWorkers(deps.db, Array.from({ length: 100 }, () => ({ at: LICHENG })));
  const rateFen = 2600;
  const totalFen = 4 * rateFen;
  await services.ledger.transfer({ key: "bench:top-up", kind: "TOP_UP", from: BANK, to: wallet("EMPLOYER_WALLET", employer.id), amountFen: count * totalFen, refs: { mock: "true" } });
  const day = Date.UTC(2026, 10, 20, 0);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const startsAt = new Date(day - i * 5 * 3_600_000); // every task its own 4-hour slot: no worker is double-booked
    const endsAt = new Date(startsAt.getTime() + 4 * 3_600_000);
    const workerId = workerIds[i % workerIds.length]!;
    const [task] = await deps.db
      .insert(tasks)
      .values({ employerId: employer.id, venueId: venue.id, postedBy: employer.id, regionCode: "350502", title: `压测搬运${i}`, description: "压测数据", skillCode: "PORTER", address: "鲤城区压测仓库", lat: LICHENG.lat, lng: LICHENG.lng, startsAt, endsAt, headcount: 1, filledCount: 1, payRateFen: rateFen, payUnit: "HOUR", status: "FILLED", wave: 1 })
      .returning();
    const [e] = await deps.db.insert(engagements).values({ taskId: task!.id, workerId, source: "GRAB", startsAt, endsAt, acceptedAt: startsAt }).returning();
    const contract = (await services.contracts.draftForEngagement(system, e!.id))!;
    await services.ledger.transfer({ key: `bench:fund:${task!.id}`, kind: "FUND_ESCROW", from: wallet("EMPLOYER_WALLET", employer.id), to: escrowOf(task!.id), amountFen: totalFen, refs: { taskId: task!.id } });
    const [s] = await deps.db
      .insert(settlements)
      .values({ engagementId: e!.id, contractId: contract.id, taskId: task!.id, workerId, employerId: employer.id, venueId: venue.id, regionCode: "350502", payUnit: "HOUR", rateFen, minutes: 240, wageFen: totalFen, totalFen, minimumHourlyFen: 2210, status: "CONFIRMED", submittedAt: endsAt, confirmedAt: endsAt })
      .returning();
    ids.push(s!.id);
  }
  log(`prepared ${count} confirmed settlements in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // ---- payouts, `concurrency` in flight ----
  const bank = new MockPayoutProvider();
  const settlement = createSettlementService(deps, { contracts: services.contracts, attendance: services.attendance, ledger: services.ledger, payouts: bank });
  const queue = [...ids];
  const latencies: number[] = [];
  const queriesBefore = queries;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let ids = queue.splice(0, batch); ids.length; ids = queue.splice(0, batch)) {
        const t = performance.now();
        if (batch === 1) {
          const paid = await settlement.paySettlement(system, ids[0]!);
          if (paid.status !== "PAID") throw new Error(`settlement ${ids[0]} ended ${paid.status}/${paid.payoutStatus}`);
        } else {
          for (const [id, outcome] of await settlement.paySettlements(system, ids)) {
            if (!outcome.ok || outcome.settlement.status !== "PAID") throw new Error(`settlement ${id} ended ${outcome.ok ? outcome.settlement.status : String(outcome.error)}`);
          }
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const queriesPerPayout = (queries - queriesBefore) / count;
  const payoutsPerSecond = count / seconds;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);

  // Everything paid exactly once and the books balance, or the figure means nothing.
  const health = await services.ledger.ledgerHealth();
  const sql = postgres(dbUrl(APP_DB), { max: 1, onnotice: () => {} });
  const [check] = await sql<{ placements: number; paid: number; events: number }[]>`
    select (select count(*) from placements)::int as placements, (select count(*) from settlements where status = 'PAID')::int as paid,
           (select count(*) from outbox where name = 'placement.recorded')::int as events`;
  await sql.end();
  const bankPaid = ids.reduce((sum, id) => sum + bank.paidFor(id), 0);
  if (health.sumFen !== 0 || health.drifted.length || health.negative.length || check!.placements !== count || check!.paid !== count || check!.events !== count || bankPaid !== count * totalFen) {
    throw new Error(`payouts bench: inconsistent result ${JSON.stringify({ health, check, bankPaid })}`);
  }
  log(`payouts ran from ${started.toFixed(0)} to ${(started + seconds * 1000).toFixed(0)} ms after start (for --cpu-prof: cpuprofile.ts --from-ms/--to-ms)`);
  log(`payouts: ${count} in ${seconds.toFixed(2)} s with ${concurrency} calls of ${batch} in flight → ${payoutsPerSecond.toFixed(1)} payouts/s (per call p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms; ${queriesPerPayout.toFixed(1)} SQL statements per payout); ledger sums to 0, ${count} placements, bank paid ${bankPaid} fen once each`);

  // ---- pgbench TPC-B-like, 8 clients, same server ----
  await recreate(PGBENCH_DB);
  execFileSync(pgbench, ["-i", "-s", "1", "-q", dbUrl(PGBENCH_DB)], { stdio: "ignore" });
  const out = execFileSync(pgbench, ["-c", "8", "-j", "2", "-T", String(duration), "-n", dbUrl(PGBENCH_DB)], { encoding: "utf8" });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? /tps = ([\d.]+)/.exec(out)?.[1]);
  if (!Number.isFinite(tps) || tps <= 0) throw new Error(`payouts bench: could not read pgbench's tps:\n${out}`);
  log(`pgbench TPC-B-like, scale 1, 8 clients, ${duration} s → ${tps.toFixed(1)} tps`);

  const ratio = payoutsPerSecond / tps;
  console.log(`\npayouts/s ${payoutsPerSecond.toFixed(1)}   pgbench tps ${tps.toFixed(1)}   ratio ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? "met" : "NOT met"})`);
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await handle.close();
  if (!args.keep) {
    await scratch.drop(APP_DB);
    await scratch.drop(PGBENCH_DB);
  }
  await scratch.end();
}
process.exit(exitCode);
