// Dispatch benchmark (`pnpm bench:dispatch`, issue 6): N workers across Quanzhou in a scratch database, then
// (a) the candidate query's latency over random tasks, (b) tasks dispatched per second end to end (postTask
// through the API → outbox → job runner → first wave of offers stored) and (c) nearbyTasks req/s beside
// `{ __typename }` on the same API process in the same run.
import { execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { DEFAULT_DISPATCH_SETTINGS, QUANZHOU_REGIONS, SKILL_CATALOG } from "@qz/shared";
import autocannon from "autocannon";
import postgres from "postgres";
import { createDatabase } from "../../server/src/db/client.js";
import { listCandidates } from "../../server/src/modules/dispatch/candidate.repo.js";
import { DEFAULT_SETTINGS } from "../../server/src/modules/dispatch/dispatch.settings.js";
import { killNow, spawnPrefixed, stopChild } from "../lib/children.js";
import { serverCommand } from "../lib/server-command.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../seed.js";
import { BULK_PHONE_BASE, seedBulkWorkers } from "./dispatch-seed.js";
import { benchOptions, benchSecrets, databaseUrl, migrateAndSeedDemo, numberOption, scratchServer } from "./lib/setup.js";

const HELP = `Usage: pnpm bench:dispatch [options]

Creates the database qz_bench_dispatch (migrations, demo data, then N verified workers with 1-3 skills each
across Quanzhou's 13 areas, written by generate_series), starts our API and job worker compiled, and reports:
  (a) candidate query (the eligibility KNN query of a wave, limit = the candidate pool) p50/p95/p99
      over --samples random tasks after as many warm-up tasks; targets p95 <= 5 ms at 200k, <= 1.5x that at 1M;
      measured at the configured candidate pool (200: what a wave asks for) and at --pool (default 20, the
      largest wave), since the query's cost grows with the rows it must return
  (b) tasks dispatched per second end to end: postTask through the API with --concurrency clients, until
      each task's first wave of offers is stored by the job runner
  (c) nearbyTasks as a seeded worker vs { __typename }, autocannon on the same API process; target >= 0.5

Options:
  --workers N       workers to seed (default 200000; 1000000 for the 1M figure)
  --samples N       random tasks timed for (a) (default 200)
  --pool N          the second limit timed in (a) (default 20)
  --tasks N         tasks posted for (b) (default 300)
  --concurrency N   concurrent posting clients for (b) (default 8)
  --duration N      seconds per autocannon case for (c) (default 10)
  --connections N   autocannon connections (default 20)
  --keep            keep the database afterwards (to EXPLAIN by hand)
  -h, --help        this text
Environment: BENCH_DATABASE_URL (admin connection, default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL,
  BENCH_DATABASE_NAME (scratch database, default qz_bench_dispatch), BENCH_PORT (API port, default random 4900-4989),
  QUEUE_PREFIX (default benchd<pid>): set them when several people bench on one machine.
Reports go to scripts/bench/results/ (not committed).`;

const args = benchOptions(
  {
    workers: { type: "string", default: "200000" },
    samples: { type: "string", default: "200" },
    pool: { type: "string", default: "20" },
    tasks: { type: "string", default: "300" },
    concurrency: { type: "string", default: "8" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  HELP,
);
const num = (name: keyof typeof args) => numberOption(name, args[name], { integer: true });
const workers = num("workers");
const samples = num("samples");
const pool = num("pool");
const taskCount = num("tasks");
const concurrency = num("concurrency");
const duration = num("duration");
const connections = num("connections");

const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = process.env.BENCH_DATABASE_NAME ?? "qz_bench_dispatch";
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName)) throw new Error("BENCH_DATABASE_NAME must be a plain lower-case identifier");
const dbUrl = databaseUrl(adminUrl, dbName);
const apiPort = Number(process.env.BENCH_PORT ?? 4900 + Math.floor(Math.random() * 90));
const apiBase = `http://127.0.0.1:${apiPort}`;
const log = (line: string) => console.log(`[bench] ${line}`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
const loadBefore = load();
if (loadavg()[0]! > availableParallelism() / 2) log(`WARNING: load average ${loadBefore} on ${availableParallelism()} cores: figures will be low and noisy`);

const children = new Set<ChildProcess>();
process.on("exit", () => killNow(children));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (v: number, d = 2) => Number(v.toFixed(d));

// ---- database ----
const secrets = benchSecrets();
const queuePrefix = process.env.QUEUE_PREFIX ?? `benchd${process.pid}`;
// The demo seed signs contracts with the API's key and spends SMS rate-limit counters under the queue prefix
// (it reads them from the environment): this run's own keys and prefix, shared with the API it starts.
Object.assign(process.env, secrets, { QUEUE_PREFIX: queuePrefix, DATABASE_URL: dbUrl });
const scratch = scratchServer(adminUrl);
await scratch.recreate(dbName);
const seedStarted = performance.now();
await migrateAndSeedDemo(dbUrl, secrets, log);
const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
{
  const [{ hash }] = await sql<{ hash: string }[]>`select password_hash as hash from users where phone = ${DEMO_LOGINS[0].phone}`;
  const t = performance.now();
  const bulk = await seedBulkWorkers(sql, workers, hash);
  await sql`vacuum analyze`;
  // The seed's dirty pages written out now, not by the checkpointer during (a) (at 1M that cost ~0.6 ms of p95).
  await sql`checkpoint`;
  log(`seeded ${bulk.workers} workers with ${bulk.skills} skills in ${((performance.now() - t) / 1000).toFixed(1)} s (setup ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);
  const [index] = await sql<{ count: number; mb: number }[]>`
    select count(*)::int as count, round(sum(pg_relation_size(indexrelid)) / 1048576.0)::int as mb
      from pg_stat_user_indexes where indexrelname like 'worker_skills\_dispatch\_%'`;
  log(`the candidate query's KNN indexes (one per skill): ${index!.count}, ${index!.mb} MB in all`);
}

// Random tasks the way employers post them: an area by workforce share, a point near its seat, any skill, level 1–2.
const [{ employerId, venueId }] = await sql<{ employerId: string; venueId: string }[]>`
  select (select id from users where phone = ${DEMO_LOGINS[1].phone}) as "employerId", (select id from venues where status = 'RECOGNIZED' limit 1) as "venueId"`;
function randomTaskPoint(): { regionCode: string; lat: number; lng: number } {
  const r = QUANZHOU_REGIONS[Math.floor(Math.random() * QUANZHOU_REGIONS.length)]!;
  return { regionCode: r.code, lat: r.centre.lat + (Math.random() - 0.5) * 0.08, lng: r.centre.lng + (Math.random() - 0.5) * 0.08 };
}
const randomSkill = () => SKILL_CATALOG[Math.floor(Math.random() * SKILL_CATALOG.length)]!.code;

const report: Record<string, unknown> = { at: new Date().toISOString(), workers, node: process.versions.node, cores: availableParallelism() };
let api: ChildProcess | null = null;
let worker: ChildProcess | null = null;
let failed = false;
try {
  // ---- (a) the candidate query ----
  // Cancelled at once (the query reads only the task's place, skill and window), so they stay out of (b) and (c).
  const sampleTasks = Array.from({ length: 2 * samples }, () => {
    const p = randomTaskPoint();
    return { region_code: p.regionCode, lat: p.lat, lng: p.lng, skill: randomSkill(), level: 1 + Math.floor(Math.random() * 2) };
  });
  const ids = (
    await sql<{ id: string; skillCode: string }[]>`
      insert into tasks (employer_id, venue_id, posted_by, region_code, title, description, skill_code, required_level, address, lat, lng,
                         starts_at, ends_at, headcount, pay_rate_fen, pay_unit, status)
      select ${employerId}, ${venueId}, ${employerId}, p.region_code, '压测岗位', '', p.skill, p.level, '压测地址', p.lat, p.lng,
             now() + interval '3 days', now() + interval '3 days 4 hours', 3, 3000, 'HOUR', 'CANCELLED'
        from jsonb_to_recordset(${sql.json(sampleTasks)}::jsonb)
             as p(region_code text, skill text, level int, lat float8, lng float8)
      returning id, skill_code as "skillCode"`
  );
  const database = createDatabase(dbUrl, 1);
  const candidate: Record<string, { limit: number; p50: number; p95: number; p99: number; max: number; meanRows: number }> = {};
  try {
    // As a wave asks: it has read the task, so it names the skill (whose index the query uses).
    const q = ({ id: taskId, skillCode }: { id: string; skillCode: string }, limit: number) =>
      listCandidates(database.db, { taskId, skillCode, now: new Date(), maxOutstandingOffers: DEFAULT_DISPATCH_SETTINGS.maxOutstandingOffers, limit, reach: DEFAULT_SETTINGS.reach });
    for (const task of ids.slice(0, samples)) await q(task, DEFAULT_SETTINGS.candidatePool); // warm-up on other tasks than the measured ones
    // Both limits over the same tasks, interleaved, so machine noise falls on both alike.
    const times: Record<string, number[]> = { configured: [], pool: [] };
    const rows: Record<string, number> = { configured: 0, pool: 0 };
    for (const task of ids.slice(samples)) {
      for (const [name, limit] of [["configured", DEFAULT_SETTINGS.candidatePool], ["pool", pool]] as const) {
        const t = performance.now();
        rows[name]! += (await q(task, limit)).length;
        times[name]!.push(performance.now() - t);
      }
    }
    for (const [name, limit] of [["configured", DEFAULT_SETTINGS.candidatePool], ["pool", pool]] as const) {
      const sorted = times[name]!.sort((x, y) => x - y);
      candidate[name] = { limit, p50: round(pct(sorted, 50)), p95: round(pct(sorted, 95)), p99: round(pct(sorted, 99)), max: round(sorted.at(-1)!), meanRows: round(rows[name]! / samples, 1) };
      const c = candidate[name]!;
      log(`(a) candidate query at ${workers} workers, limit ${limit}: p50 ${c.p50} ms, p95 ${c.p95} ms, p99 ${c.p99} ms (${c.meanRows} rows on average, ${samples} random tasks)`);
    }
  } finally {
    await database.close();
  }
  report.candidate = candidate;

  // ---- the API and the job worker, compiled ----
  const env = {
    ...process.env,
    ...secrets,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(apiPort),
    DATABASE_URL: dbUrl,
    QUEUE_PREFIX: queuePrefix,
    // One employer posts every task and one worker is measured: per-user limits would measure the limiter.
    WRITE_RATE_LIMIT: "1000000",
    LOGIN_RATE_LIMIT: "1000",
  };
  for (const pkg of ["shared", "server"]) execFileSync("pnpm", ["-C", pkg, "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  api = spawnPrefixed("api", process.execPath, serverCommand("main", false), { cwd: root, env });
  worker = spawnPrefixed("worker", process.execPath, serverCommand("worker", false), { cwd: root, env });
  children.add(api).add(worker);
  for (let i = 0; !(await fetch(`${apiBase}/healthz`).then((r) => r.ok).catch(() => false)); i++) {
    if (i > 600 || api.exitCode !== null) throw new Error("the API did not start");
    await new Promise((r) => setTimeout(r, 100));
  }

  async function graphql<T>(query: string, token?: string, variables?: unknown): Promise<T> {
    const res = await fetch(`${apiBase}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (!res.ok || body.errors) throw new Error(`${query.slice(0, 60)}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    return body.data!;
  }
  const login = async (phone: string) =>
    (await graphql<{ login: { accessToken: string } }>(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, undefined, { p: phone, w: DEMO_PASSWORD })).login.accessToken;

  // ---- (b) tasks dispatched per second, end to end ----
  const employerToken = await login(DEMO_LOGINS[1].phone);
  const postTask = `mutation($input: PostTaskInput!) { postTask(input: $input) { id } }`;
  const posted: { id: string; at: number }[] = [];
  const day0 = Date.now() + 2 * 86_400_000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < taskCount) {
        const i = next++;
        const startsAt = new Date(day0 + (i % 40) * 86_400_000 + Math.floor(i / 40) * 600_000);
        const at = performance.now();
        const { postTask: t } = await graphql<{ postTask: { id: string } }>(postTask, employerToken, {
          input: {
            title: `压测岗位${i}`, skillCode: randomSkill(), address: `压测地址${i}号`, ...randomTaskPoint(),
            startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
            headcount: 3, payRateFen: 3000, payUnit: "HOUR",
          },
        });
        posted.push({ id: t.id, at });
      }
    }),
  );
  const postedAll = performance.now();
  const done = new Map<string, number>();
  const postedIds = posted.map((p) => p.id);
  while (done.size < posted.length) {
    if (performance.now() - postedAll > 120_000) throw new Error(`only ${done.size} of ${posted.length} tasks got a first wave within 120 s`);
    const rows = await sql<{ id: string }[]>`select id from tasks where id = any(${postedIds}::uuid[]) and (wave >= 1 or manual_dispatch_at is not null)`;
    const t = performance.now();
    for (const r of rows) if (!done.has(r.id)) done.set(r.id, t);
    await new Promise((r) => setTimeout(r, 20));
  }
  const finished = Math.max(...done.values());
  const latencies = posted.map((p) => done.get(p.id)! - p.at).sort((x, y) => x - y);
  const [{ offers, waves }] = await sql<{ offers: number; waves: number }[]>`
    select (select count(*)::int from offers where task_id = any(${postedIds}::uuid[])) as offers,
           (select count(*)::int from tasks where id = any(${postedIds}::uuid[]) and wave >= 1) as waves`;
  const dispatch = {
    tasks: posted.length, concurrency, seconds: round((finished - started) / 1000), tasksPerSecond: round(posted.length / ((finished - started) / 1000), 1),
    postPerSecond: round(posted.length / ((postedAll - started) / 1000), 1), latencyP50: Math.round(pct(latencies, 50)), latencyP95: Math.round(pct(latencies, 95)),
    withWave: waves, offers,
  };
  report.dispatch = dispatch;
  log(`(b) ${dispatch.tasks} tasks posted by ${concurrency} clients, first wave stored for all in ${dispatch.seconds} s: ${dispatch.tasksPerSecond} tasks/s end to end (posting alone ${dispatch.postPerSecond}/s); post → wave p50 ${dispatch.latencyP50} ms, p95 ${dispatch.latencyP95} ms; ${waves} waves, ${offers} offers`);

  // ---- (c) nearbyTasks beside { __typename } ----
  // Of 200 seeded workers near 鲤城 (where 鲤城, 丰泽 and the development zone's tasks meet), the one with the most
  // open tasks of their skills within 10 km: nearbyTasks should return a full page, not an empty one.
  const [me] = await sql<{ phone: string }[]>`
    select w.phone from (
      select u.id, u.phone, wp.home_earth from users u join worker_profiles wp on wp.user_id = u.id
       where u.phone >= ${String(BULK_PHONE_BASE)} and u.phone like '17%'
       order by wp.home_earth <-> ll_to_earth(24.9, 118.6) limit 200) w
     order by (select count(*) from tasks t join worker_skills ws on ws.worker_id = w.id and ws.skill_code = t.skill_code
                where t.status = 'OPEN' and (t.earth <-> w.home_earth) < 10000) desc
     limit 1`;
  const workerToken = await login(me!.phone);
  const nearby = "{ nearbyTasks(first: 10) { items { travelMinutes employerLateCancelCount task { id title payRateFen startsAt } } endCursor hasNextPage } }";
  const first = await graphql<{ nearbyTasks: { items: unknown[] } }>(nearby, workerToken);
  log(`(c) worker ${me!.phone}: nearbyTasks returns ${first.nearbyTasks.items.length} items on its first page`);
  async function measure(name: string, query: string, token?: string) {
    const res = await fetch(`${apiBase}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
    const opts = {
      url: `${apiBase}/graphql`, method: "POST" as const, connections,
      headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }), expectBody: await res.text(),
    };
    await autocannon({ ...opts, duration: 3 });
    const r = await autocannon({ ...opts, duration });
    const bad = r.non2xx + r.errors + r.timeouts + (r.mismatches ?? 0);
    if (bad) throw new Error(`${name}: ${bad} bad responses`);
    log(`(c) ${name.padEnd(12)} ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
    return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99 };
  }
  const trivial = await measure("__typename", "{ __typename }");
  const near = await measure("nearbyTasks", nearby, workerToken);
  report.nearby = { items: first.nearbyTasks.items.length, trivial, nearbyTasks: near, ratio: round(near.rps / trivial.rps, 3) };

  const c = candidate.configured!;
  const c2 = candidate.pool!;
  console.log(`\nDispatch benchmark: ${workers} workers, ${availableParallelism()} cores, load average before ${loadBefore}, after ${load()}`);
  console.table([
    { measure: `(a) candidate query, limit ${c.limit}: p50 / p95 / p99 ms`, value: `${c.p50} / ${c.p95} / ${c.p99}`, target: "p95 <= 5 ms at 200k; <= 1.5x that at 1M", met: workers <= 200_000 ? (c.p95 <= 5 ? "yes" : "NO") : "compare" },
    { measure: `(a) candidate query, limit ${c2.limit}: p50 / p95 / p99 ms`, value: `${c2.p50} / ${c2.p95} / ${c2.p99}`, target: "", met: workers <= 200_000 ? (c2.p95 <= 5 ? "yes" : "NO") : "compare" },
    { measure: "(b) tasks dispatched per second (post → first wave)", value: `${dispatch.tasksPerSecond}`, target: "", met: "" },
    { measure: "(c) nearbyTasks / __typename req/s", value: `${near.rps} / ${trivial.rps} = ${(near.rps / trivial.rps).toFixed(3)}`, target: ">= 0.5", met: near.rps / trivial.rps >= 0.5 ? "yes" : "NO" },
  ]);
  report.load = { before: loadBefore, after: load() };
} catch (err) {
  failed = true;
  console.error(`[bench] ${(err as Error).stack ?? err}`);
} finally {
  for (const child of [api, worker]) if (child) await stopChild(child);
  await sql.end();
  if (!args.keep) await scratch.drop(dbName).catch(() => {});
  await scratch.end();
}
if (failed) process.exit(1);
mkdirSync(resultsDir, { recursive: true });
let commit = "";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
} catch {
  // not a git checkout
}
const file = `${resultsDir}dispatch-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ commit, ...report }, null, 2));
console.log(`\nReport: ${relative(root, file)}`);
