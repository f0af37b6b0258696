// Benchmark: the authenticated `me` query against `{ __typename }` on the same API process in the same run.
// Usage: pnpm bench [--duration 10] [--connections 20]   (env BENCH_DATABASE_URL, REDIS_URL)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { createDatabase } from "../../server/src/db/client.js";
import { migrateDatabase } from "../../server/src/db/migrate.js";
import { users } from "../../server/src/db/schema/index.js";
import { hashPassword } from "../../server/src/modules/identity/password.js";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  console.log("Measures GraphQL throughput of `me` (JWT check + one indexed user lookup) against `{ __typename }` (no I/O)\non one API process in production mode, and prints both rates and their ratio.\n  --duration N     seconds per measurement (default 10)\n  --connections N  concurrent connections (default 20)");
  process.exit(0);
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const duration = Number(args.duration);
const connections = Number(args.connections);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = "qz_bench";
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const port = 4900 + Math.floor(Math.random() * 90);

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${dbName} with (force)`);
await admin.unsafe(`create database ${dbName}`);
const database = createDatabase(dbUrl, 2);
await migrateDatabase(database.db);
const phone = "13912345678";
const password = "Bench#2026";
await database.db.insert(users).values({ phone, passwordHash: await hashPassword(password), role: "WORKER", displayName: "压测用户" });
await database.close();

const env = {
  ...process.env,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  PORT: String(port),
  DATABASE_URL: dbUrl,
  QUEUE_PREFIX: "bench",
  JWT_SECRET: randomBytes(32).toString("hex"),
  PII_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  PII_BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
};
const api = spawn(process.execPath, ["--import", "@oxc-node/core/register", "server/src/main.ts"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 200) throw new Error("API did not become healthy");
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, variables: { p: phone, w: password } }),
  }).then((r) => r.json() as Promise<{ data: { login: { accessToken: string } } }>);
  const token = login.data.login.accessToken;

  const run = async (title: string, query: string, auth: boolean, seconds: number) => {
    const result = await autocannon({
      url: `${base}/graphql`,
      method: "POST",
      connections,
      duration: seconds,
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    if (result.non2xx || result.errors) throw new Error(`${title}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
    return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
  };
  // Warm both paths (JIT, connection pool) before measuring.
  await run("warm", "{ __typename }", false, 2);
  await run("warm", "{ me { id role displayName } }", true, 2);
  const typename = await run("{ __typename }", "{ __typename }", false, duration);
  const me = await run("me (authenticated)", "{ me { id role displayName } }", true, duration);
  console.log(`\nGraphQL throughput, ${connections} connections, ${duration}s each, one API process (NODE_ENV=production)`);
  console.table([typename, me].map((r) => ({ query: r.title, "req/s": Math.round(r.rps), "p50 ms": r.p50, "p99 ms": r.p99, requests: r.total })));
  console.log(`ratio me / __typename = ${(me.rps / typename.rps).toFixed(3)}`);
} finally {
  api.kill("SIGTERM");
  await new Promise((r) => api.once("exit", r));
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
