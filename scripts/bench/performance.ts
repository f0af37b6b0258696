// Venue roll-up benchmarks (issue 9), one command:
//   1. placement → visible score: placements arrive at --rate per second for --duration seconds (each its own
//      committed transaction with its outbox event, as settlement writes it); the real relay, BullMQ and job
//      runner roll them up; latency runs from the placement's commit to the moment the venue's projection
//      counts it. Target: p99 ≤ 300 ms at 500/s.
//   2. full recompute of --rows placements (the nightly reconcile's query) against a bare GROUP BY over the
//      same rows, in the same run. Target: ≤ 2×.
import { randomUUID } from "node:crypto";
import { performance as perf } from "node:perf_hooks";
import { loadConfig } from "../../server/src/config.js";
import { createDatabase } from "../../server/src/db/client.js";
import { migrateDatabase } from "../../server/src/db/migrate.js";
import { outbox, venues } from "../../server/src/db/schema/index.js";
import { createDeps } from "../../server/src/deps.js";
import { JOB_HANDLERS } from "../../server/src/jobs/handlers.js";
import { startJobWorkers } from "../../server/src/jobs/job-runner.js";
import { createOutboxRelay } from "../../server/src/jobs/outbox-relay.js";
import { createLogger } from "../../server/src/logger.js";
import { countersFromSources } from "../../server/src/modules/performance/reconcile.repo.js";
import { prepareDatabase, splitDatabaseUrl } from "../lib/postgres.js";
import { benchOptions, databaseUrl } from "./lib/setup.js";

const args = benchOptions(
  {
    rate: { type: "string", default: "500" },
    duration: { type: "string", default: "60" },
    venues: { type: "string", default: "40" },
    rows: { type: "string", default: "1000000" },
    concurrency: { type: "string", default: "8" },
    "poll-ms": { type: "string", default: "20" },
    "skip-latency": { type: "boolean", default: false },
    "skip-recompute": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  `pnpm bench:performance [--rate 500] [--duration 60] [--venues 40] [--rows 1000000] [--concurrency 8] [--poll-ms 20] [--skip-latency] [--skip-recompute]
Creates the database qz_bench_perf (or $BENCH_DATABASE_NAME; dropped first) on DATABASE_URL's server, runs the placement → visible score
latency at --rate/s for --duration s (relay, BullMQ and job runner in this process, --concurrency jobs per queue),
then times the reconcile's full recompute of --rows placements against a bare GROUP BY over the same rows.`,
);
const RATE = Number(args.rate);
const DURATION = Number(args.duration);
const VENUES = Number(args.venues);
const ROWS = Number(args.rows);
const YEAR = 2026;

const base = loadConfig();
const { adminUrl } = splitDatabaseUrl(base.databaseUrl);
// BENCH_DATABASE_NAME: a name of one's own, so two people benchmarking on one server do not drop each other's database.
const name = process.env.BENCH_DATABASE_NAME || "qz_bench_perf";
const log = (line: string) => console.log(`[bench:performance] ${line}`);
await prepareDatabase(adminUrl, name, { reset: true, log });
const url = databaseUrl(base.databaseUrl, name);
const config = loadConfig({ ...process.env, DATABASE_URL: url, QUEUE_PREFIX: `bperf${Date.now()}`, OUTBOX_POLL_MS: args["poll-ms"], LOG_LEVEL: "warn", DATABASE_POOL_MAX: String(Number(args.concurrency) * 3 + 4) });
const database = createDatabase(url, 20);
const db = database.db;
const pg = database.sql;
await migrateDatabase(db);
const venueIds: string[] = [];
for (let i = 0; i < VENUES; i++) {
  const [v] = await db
    .insert(venues)
    .values({ name: `压测零工市场${i + 1}`, type: i % 3 ? "STATION" : "MARKET", regionCode: "350502", address: "鲤城区压测路1号", lat: 24.9, lng: 118.58, operatorName: "压测运营单位", operatorCreditCode: "91350500MA00000001", status: "RECOGNIZED", recognizedAt: new Date("2025-01-01T00:00:00Z") })
    .returning({ id: venues.id });
  venueIds.push(v!.id);
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const report: Record<string, unknown> = { rate: RATE, duration: DURATION, venues: VENUES, concurrency: Number(args.concurrency), pollMs: Number(args["poll-ms"]) };

if (!args["skip-latency"]) {
  const handle = createDeps(config, { logger: createLogger(config, "bench-worker") });
  const relay = createOutboxRelay({ db: handle.deps.db, redisUrl: config.redisUrl, prefix: config.queuePrefix, logger: handle.deps.logger, pollMs: config.outboxPollMs });
  const workers = startJobWorkers(handle.deps, JOB_HANDLERS, { concurrency: Number(args.concurrency) });
  relay.start();

  const commits: number[][] = venueIds.map(() => []); // per venue: commit time of its k-th placement
  const seen = venueIds.map(() => 0);
  const latencies: number[] = [];
  const employerId = randomUUID();
  let emitted = 0;
  let inflight = 0;
  const start = perf.now();
  const total = RATE * DURATION;
  const emitOne = async (i: number) => {
    const v = i % VENUES;
    const payload = { placementId: randomUUID(), venueId: venueIds[v]!, engagementId: randomUUID(), taskId: randomUUID(), workerId: randomUUID(), employerId, source: "OFFER" as const, priorityGroup: i % 3 === 0, paidAt: "2026-06-01T04:00:00.000Z" };
    inflight++;
    await db.insert(outbox).values({ name: "placement.recorded", payload });
    commits[v]!.push(perf.now());
    inflight--;
  };
  const emitter = (async () => {
    while (emitted < total) {
      const due = Math.min(total, Math.floor(((perf.now() - start) / 1000) * RATE));
      const batch: Promise<void>[] = [];
      while (emitted < due) batch.push(emitOne(emitted++));
      await Promise.all(batch);
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  let done = false;
  const observer = (async () => {
    while (!done) {
      const rows = await pg<{ venue_id: string; n: number }[]>`select venue_id, (metrics->>'placements')::int as n from venue_year_results where year = ${YEAR}`;
      const t = perf.now();
      for (const r of rows) {
        const v = venueIds.indexOf(r.venue_id);
        const commitsOf = commits[v]!;
        while (seen[v]! < r.n && seen[v]! < commitsOf.length) latencies.push(t - commitsOf[seen[v]!++]!);
      }
      if (latencies.length >= total) done = true;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await emitter;
  const emitSeconds = (perf.now() - start) / 1000;
  const deadline = perf.now() + 120_000;
  while (latencies.length < total && perf.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  done = true;
  await observer;
  await relay.stop();
  await workers.close();
  await handle.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  report.latency = {
    placements: total,
    visible: latencies.length,
    emitRatePerSecond: Math.round(total / emitSeconds),
    p50Ms: Math.round(pct(sorted, 50)),
    p95Ms: Math.round(pct(sorted, 95)),
    p99Ms: Math.round(pct(sorted, 99)),
    maxMs: Math.round(sorted.at(-1) ?? 0),
    inflightAtEnd: inflight,
  };
  log(`latency: ${JSON.stringify(report.latency)} (target p99 ≤ 300 ms)`);
}

if (!args["skip-recompute"]) {
  log(`inserting ${ROWS} placements over ${VENUES} venues…`);
  await pg`truncate performance_placements, venue_year_metrics, venue_year_results`;
  await pg`
    insert into performance_placements (placement_id, venue_id, year, engagement_id, task_id, worker_id, employer_id, source, priority_group, paid_at, paid_on, counted)
    select gen_random_uuid(), v.id, ${YEAR}::smallint, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
      (array['OFFER','GRAB','PROXY'])[1 + g % 3], g % 4 = 0, timestamptz '2026-01-01 12:00+08' + (g % 330) * interval '1 day', date '2026-01-01' + (g % 330), g % 10 <> 0
    from generate_series(1, ${ROWS}) g
    join lateral (select id from venues order by id offset (g % ${VENUES}) limit 1) v on true`;
  await pg`vacuum analyze performance_placements`;
  const time = async (f: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = perf.now();
      await f();
      runs.push(perf.now() - t);
    }
    return Math.round(runs.sort((a, b) => a - b)[1]!);
  };
  const bare = await time(() => pg`select venue_id, year, count(*) from performance_placements group by venue_id, year`);
  const full = await time(() => countersFromSources(db));
  report.recompute = { rows: ROWS, bareGroupByMs: bare, reconcileQueryMs: full, ratio: Math.round((full / bare) * 100) / 100 };
  log(`recompute: ${JSON.stringify(report.recompute)} (target ratio ≤ 2)`);
}
console.log(JSON.stringify(report));
await database.close();
process.exit(0);
