// Brings the whole platform up for development: Redis check, PostgreSQL (or an embedded one),
// migrations, demo data, the admin build, then the API and the worker until Ctrl+C.
import type { ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig, type Config } from "../server/src/config.js";
import { createDatabase } from "../server/src/db/client.js";
import { migrateDatabase } from "../server/src/db/migrate.js";
import { createPiiVault } from "../server/src/modules/identity/pii.js";
import { killNow, runPrefixed, spawnPrefixed, stopChild } from "./lib/children.js";
import { serverCommand } from "./lib/server-command.js";
import { prepareDatabase, probeServer, redactUrl, splitDatabaseUrl, startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/postgres.js";
import { pingRedis, redisHelp } from "./lib/redis.js";
import { DEMO_LOGINS, DEMO_PASSWORD, isSeeded, seedDemoData } from "./seed.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ADMIN_DIST = join(ROOT, "admin", "dist");
const EMBEDDED_DIR = join(ROOT, ".data", "postgres");
const HEALTH_TIMEOUT_MS = 60_000;
/** The API's log with --simulate: the simulator's phones read their SMS codes from it (SMS_PROVIDER=log). */
const API_LOG = join(ROOT, ".data", "logs", "api.log");
/**
 * What --simulate sets for the API unless the environment already does: one simulator signs every contract
 * from one address, far beyond the per-phone and per-address SMS limits meant for people (README "Market simulator").
 * WRITE_RATE_LIMIT too: every simulated phone signs in (`login`, an anonymous mutation) from that one address,
 * and the address's 120 writes a minute refused every account past the first ~120. Only this demo run gets it.
 */
const SIMULATION_ENV = { SMS_RESEND_SECONDS: "0", SMS_DAILY_LIMIT_PER_PHONE: "100000", SMS_HOURLY_LIMIT_PER_IP: "1000000", WRITE_RATE_LIMIT: "100000" } as const;

const HELP = `Usage: ./scripts/start [options]
       (or: node --import @oxc-node/core/register scripts/start.ts [options])

Brings the Quanzhou gig-market platform up for development, in this order:
  1. checks Redis at REDIS_URL (default redis://127.0.0.1:6379) and stops with instructions if it is down;
  2. uses the PostgreSQL server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/quanzhou_gig),
     creating the database if missing; if that server does not answer, starts an embedded PostgreSQL 17
     with its data in .data/postgres on port EMBEDDED_PG_PORT (default 54329) and stops it on exit;
  3. applies migrations and reference data;
  4. seeds demo data (venues, 2,000 workers, 200 employers, one login per role) unless already seeded;
  5. builds the admin console (admin/dist) and compiles shared/ and server/ to JavaScript (dist/), side by side;
  6. runs the API (server/dist/main.js) and the worker (server/dist/worker.js), waits for /healthz and
     prints the URLs and the demo logins. Ctrl+C stops everything; if either process dies, all stop.

Options:
  --seed-only        prepare the database, migrate and seed, then exit (the seed signs demo contracts with
                     SMS codes, so Redis is needed unless --no-seed is given too)
  --no-seed          do not seed demo data
  --reset            drop and recreate the database first (dev data: asks nothing)
  --no-admin-build   skip the admin build (an existing admin/dist is still served)
  --from-source      run the server from its TypeScript through the loader (no compile step; slower requests)
  --simulate [RATE]  once everything is up, also run the market simulator (pnpm simulate) against it until
                     Ctrl+C, RATE tasks a minute (default 30); the API gets the simulation's SMS and write
                     limits (README "Market simulator") and logs to .data/logs/api.log, where the simulated phones read their codes
  -h, --help         show this help

Environment: DATABASE_URL, REDIS_URL, PORT (4000), EMBEDDED_PG_PORT (54329), and everything the
server reads (PII_ENCRYPTION_KEY, ...). NODE_ENV defaults to development for the API and worker.`;

interface Options {
  seedOnly: boolean;
  seed: boolean;
  reset: boolean;
  adminBuild: boolean;
  fromSource: boolean;
  /** Tasks a minute for the simulator, or null without --simulate. */
  simulate: number | null;
}

function parseArgs(argv: string[]): Options | "help" {
  const opts: Options = { seedOnly: false, seed: true, reset: false, adminBuild: true, fromSource: false, simulate: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") return "help";
    else if (arg === "--simulate" || arg.startsWith("--simulate=")) {
      const raw = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--") ? argv[++i]! : "30";
      const rate = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(rate) || rate < 0.1 || rate > 600) throw new UsageError(`--simulate takes tasks per minute from 0.1 to 600, not "${raw}"`);
      opts.simulate = rate;
    }
    else if (arg === "--seed-only") opts.seedOnly = true;
    else if (arg === "--no-seed") opts.seed = false;
    else if (arg === "--reset") opts.reset = true;
    else if (arg === "--no-admin-build") opts.adminBuild = false;
    else if (arg === "--from-source") opts.fromSource = true;
    else throw new UsageError(`unknown option: ${arg}`);
  }
  return opts;
}

class UsageError extends Error {}

const log = (line: string) => console.log(`[start] ${line}`);

/** What must be undone on the way out, last first. */
const cleanups: (() => Promise<void>)[] = [];
const children = new Set<ChildProcess>();
let shuttingDown = false;

async function shutdown(code: number, why?: string): Promise<never> {
  if (shuttingDown) return new Promise<never>(() => {});
  shuttingDown = true;
  if (why) log(why);
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (err) {
      console.error(`[start] cleanup failed: ${(err as Error).message}`);
    }
  }
  process.exit(code);
}

function installSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        // A second Ctrl+C: stop waiting.
        killNow(children);
        process.exit(130);
      }
      void shutdown(signal === "SIGINT" ? 130 : 143, `${signal}: stopping…`);
    });
  }
  // Last resort (an uncaught error): never leave the API or worker running behind us.
  process.on("exit", () => killNow(children));
}

async function checkRedis(config: Config): Promise<void> {
  try {
    await pingRedis(config.redisUrl);
    log(`Redis at ${redactUrl(config.redisUrl)} answers`);
  } catch (err) {
    console.error(`[start] ${redisHelp(redactUrl(config.redisUrl), (err as Error).message)}`);
    process.exit(1);
  }
}

/** The URL of a ready database: DATABASE_URL's server if it answers, else the embedded cluster. */
async function resolveDatabase(config: Config, opts: Options): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  const { name, adminUrl, server } = splitDatabaseUrl(config.databaseUrl);
  const probe = await probeServer(adminUrl);
  if (probe === "reachable") {
    log(`PostgreSQL at ${server} answers; using database "${name}"`);
    await prepareDatabase(adminUrl, name, { reset: opts.reset, log });
    return { url: config.databaseUrl, embedded: null };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`EMBEDDED_PG_PORT is not a port: ${process.env.EMBEDDED_PG_PORT}`);
  log(`PostgreSQL at ${server} does not answer (${probe.unreachable}); falling back to an embedded PostgreSQL`);
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, port, log });
  cleanups.push(async () => {
    log("stopping the embedded PostgreSQL");
    await embedded.stop();
  });
  await prepareDatabase(embedded.urlFor("postgres"), name, { reset: opts.reset, log });
  return { url: embedded.urlFor(name), embedded };
}

/** Migrations, then demo data; reports whether the demo logins exist. */
async function prepareData(config: Config, url: string, opts: Options): Promise<boolean> {
  const database = createDatabase(url, 4);
  try {
    const t0 = performance.now();
    await migrateDatabase(database.db);
    log(`migrations and reference data applied in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Demo accounts share a published password: never create them in production.
    if (opts.seed && config.isProduction) log("NODE_ENV=production: demo data is not loaded");
    else if (opts.seed) {
      await seedDemoData(database.db, createPiiVault(config.piiEncryptionKey, config.piiBlindIndexKey), { log: (line) => console.log(`[seed] ${line}`) });
      return true;
    }
    // Awaited here: a returned promise would still be pending when `finally` closes the pool (CONNECTION_ENDED).
    return await isSeeded(database.db);
  } finally {
    await database.close();
  }
}

async function buildAdmin(): Promise<void> {
  log("building the admin console (pnpm -C admin build)…");
  const code = await runPrefixed("admin", "pnpm", ["-C", "admin", "build"], { cwd: ROOT, env: process.env });
  if (code !== 0) await shutdown(1, `the admin build failed (exit code ${code}); fix it or pass --no-admin-build`);
}

/**
 * Compiles shared/ and server/ to JavaScript: the API then runs without a TypeScript loader on its request
 * path (the loader's hooks cost measurable time per request, see README "Performance").
 */
async function buildServer(): Promise<void> {
  log("compiling shared/ and server/ (tsc)…");
  for (const pkg of ["shared", "server"]) {
    const code = await runPrefixed("build", "pnpm", ["-C", pkg, "build"], { cwd: ROOT, env: process.env });
    if (code !== 0) await shutdown(1, `compiling ${pkg} failed (exit code ${code}); fix it or pass --from-source`);
  }
}

function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, opts: { tap?: (line: string) => void; essential?: boolean } = {}): ChildProcess {
  // detached: its own process group, so a terminal Ctrl+C reaches only us and we stop it in order.
  const child = spawnPrefixed(name, process.execPath, args, { cwd: ROOT, env, detached: true }, opts.tap);
  children.add(child);
  child.once("error", (err) => void shutdown(1, `could not start ${name}: ${err.message}`));
  child.once("exit", (code, signal) => {
    if (shuttingDown) return;
    if (opts.essential === false) log(`${name} exited (${signal ?? `code ${code}`}); the platform keeps running`);
    else void shutdown(code || 1, `${name} exited (${signal ?? `code ${code}`}); stopping everything`);
  });
  cleanups.push(() => stopChild(child));
  return child;
}

/** True when something already accepts connections on host:port (another API would answer our health check). */
function portInUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (shuttingDown) return new Promise<never>(() => {});
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await shutdown(1, `${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last})`);
}

function banner(base: string, dbUrl: string, embedded: EmbeddedPostgres | null, config: Config, adminServed: boolean, seeded: boolean): string {
  const rows = [
    "",
    "──────────────────────────────────────────────────────────────────────",
    "  泉州市零工市场服务平台 is running",
    "",
    `  Admin console   ${base}/${adminServed ? "" : "   (not built: run pnpm -C admin build)"}`,
    `  GraphQL IDE     ${base}/graphql`,
    `  Health          ${base}/healthz`,
    `  Metrics         ${base}/metrics`,
    `  PostgreSQL      ${redactUrl(dbUrl)}${embedded ? `   (embedded, data in .data/postgres)` : ""}`,
    `  Redis           ${redactUrl(config.redisUrl)}`,
    "",
  ];
  if (seeded) {
    rows.push(`  Demo logins (password ${DEMO_PASSWORD} for all):`);
    for (const l of DEMO_LOGINS) rows.push(`    ${l.role.padEnd(15)} ${l.phone}   ${l.who}`);
  } else {
    rows.push("  No demo data (run without --no-seed to create the demo logins).");
  }
  rows.push("", `  Ctrl+C stops the API${embedded ? ", the worker and the embedded PostgreSQL" : " and the worker"}.`);
  rows.push("──────────────────────────────────────────────────────────────────────", "");
  return rows.join("\n");
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === "help") {
    console.log(HELP);
    return;
  }
  const opts = parsed;
  const config = loadConfig(process.env);
  // Production withholds SMS codes from the log and refuses mock top-ups: nothing for the simulator to work with.
  if (opts.simulate !== null && config.isProduction) throw new UsageError("--simulate is for development: NODE_ENV=production withholds SMS codes and refuses mock top-ups");
  installSignalHandlers();

  // The seed signs demo contracts through the real SMS service, whose send limits live in Redis.
  if (!opts.seedOnly || opts.seed) await checkRedis(config);
  const { url: dbUrl, embedded } = await resolveDatabase(config, opts);
  const seeded = await prepareData(config, dbUrl, opts);
  if (opts.seedOnly) await shutdown(0, "database ready (--seed-only)");

  const host = ["0.0.0.0", "::", ""].includes(config.host) ? "127.0.0.1" : config.host;
  if (await portInUse(host, config.port)) {
    await shutdown(1, `port ${config.port} on ${host} is already in use (another ./scripts/start or API?); stop it or set PORT`);
  }

  await Promise.all([opts.adminBuild ? buildAdmin() : null, opts.fromSource ? null : buildServer()]);
  const adminServed = existsSync(join(ADMIN_DIST, "index.html"));
  if (!adminServed) log("admin/dist has no build: the API will not serve the console at /");

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    REDIS_URL: config.redisUrl,
    NODE_ENV: process.env.NODE_ENV ?? "development",
    ...(adminServed ? { ADMIN_DIST } : {}),
  };
  let apiLog: WriteStream | null = null;
  if (opts.simulate !== null) {
    for (const [key, value] of Object.entries(SIMULATION_ENV)) env[key] ??= value;
    mkdirSync(dirname(API_LOG), { recursive: true });
    apiLog = createWriteStream(API_LOG, { flags: "w" });
    const stream = apiLog;
    cleanups.push(() => new Promise<void>((resolve) => stream.end(resolve)));
  }
  startProcess("api", serverCommand("main", opts.fromSource), env, { tap: apiLog ? (line) => apiLog.write(line + "\n") : undefined });
  startProcess("worker", serverCommand("worker", opts.fromSource), env);

  const base = `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
  await waitForHealth(`${base}/healthz`);
  console.log(banner(base, dbUrl, embedded, config, adminServed, seeded));
  if (opts.simulate !== null) startSimulator(`${base}/graphql`, opts.simulate, seeded);
}

/** The market simulator as one more child: stopped first on Ctrl+C (SIGTERM: it finishes its steps and writes its report). */
function startSimulator(api: string, rate: number, seeded: boolean): void {
  if (!seeded) {
    log("--simulate needs the demo accounts: run without --no-seed once; not starting the simulator");
    return;
  }
  log(`starting the market simulator at ${rate} tasks/min (report: .data/simulate-report.json)`);
  const args = ["--import", "@oxc-node/core/register", "scripts/simulate.ts", "--api", api, "--rate", String(rate), "--duration", "0", "--sms-log", API_LOG, "--summary-every", "10"];
  startProcess("sim", args, { ...process.env, NODE_ENV: "development" }, { essential: false });
}

main().catch(async (err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`start: ${err.message}\n\n${HELP}`);
    process.exit(2);
  }
  const message = err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(`[start] failed: ${message}`);
  await shutdown(1);
});
