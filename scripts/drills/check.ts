// `pnpm drills:check`: runs the drills' invariant checks against one deployment and exits non-zero on a violation.
import { parseArgs } from "node:util";
import { Cluster, Redis } from "ioredis";
import postgres from "postgres";
import { redactUrl } from "../lib/postgres.js";
import { checkInvariants, DEFAULTS, type Check } from "./invariants.js";

const HELP = `Usage: pnpm drills:check --database-url <url> [--redis-url <url> | --redis-cluster-nodes <host:port,...>] --queue-prefix <p> [options]

Checks, reading only, that nothing was lost or doubled (issue 12's drills run it afterwards):
  no-task-overfilled        no task holds more engagements than its headcount
  no-settlement-paid-twice  one wage, one bank transfer and at most one placement per settlement; no key used twice
  ledger-balanced           entries sum to zero overall and per transfer; balances match entries; no wallet below zero
  placements-counted-once   every placement in its venue's roll-up once; stored counters equal a recount
  outbox-none-lost          every due event sent and processed by each of its consumers
  outbox-none-twice         one processed mark per consumer and event
  no-job-stuck              no BullMQ job active too long, overdue or failed (queues under {<prefix>})

Options:
  --database-url <url>           the PostgreSQL primary (required)
  --redis-url <url>              the Redis the workers use (default redis://127.0.0.1:6379)
  --redis-cluster-nodes <list>   or the Redis Cluster's nodes, host:port comma-separated
  --queue-prefix <p>             the raw QUEUE_PREFIX, without braces (required)
  --grace-seconds <n>            how long an event or placement may lag before it counts as lost (default ${DEFAULTS.graceSeconds})
  --active-max-seconds <n>       longest a job may stay active (default ${DEFAULTS.activeMaxSeconds})
  --overdue-max-seconds <n>      how far past due a waiting or delayed job may be (default ${DEFAULTS.overdueMaxSeconds})
  --json                         print {ok, checks} as JSON instead of lines
  --help

Exit status: 0 all checks pass, 1 a check failed, 2 bad options, 3 PostgreSQL or Redis unreachable.`;

function fail(message: string): never {
  console.error(`drills:check: ${message}\n\n${HELP}`);
  process.exit(2);
}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      strict: true,
      options: {
        "database-url": { type: "string" },
        "redis-url": { type: "string" },
        "redis-cluster-nodes": { type: "string" },
        "queue-prefix": { type: "string" },
        "grace-seconds": { type: "string" },
        "active-max-seconds": { type: "string" },
        "overdue-max-seconds": { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const databaseUrl = values["database-url"];
  if (!databaseUrl || !/^postgres(ql)?:$/.test(URL.parse(databaseUrl)?.protocol ?? "")) fail("--database-url must be a postgres:// URL");
  const prefix = values["queue-prefix"];
  // The server's own rule for QUEUE_PREFIX (config.ts); braces are added here, as the server does.
  if (!prefix || !/^[a-zA-Z0-9_-]+$/.test(prefix)) fail("--queue-prefix must be the raw QUEUE_PREFIX: letters, digits, _ or -, without braces");
  if (values["redis-url"] && values["redis-cluster-nodes"]) fail("give --redis-url or --redis-cluster-nodes, not both");
  const redisUrl = values["redis-url"] ?? "redis://127.0.0.1:6379";
  if (!/^rediss?:$/.test(URL.parse(redisUrl)?.protocol ?? "")) fail("--redis-url must be a redis:// URL");
  let nodes: { host: string; port: number }[] | null = null;
  if (values["redis-cluster-nodes"]) {
    nodes = values["redis-cluster-nodes"].split(",").map((n) => {
      const m = /^\s*([^:\s]+):(\d{1,5})\s*$/.exec(n);
      if (!m || Number(m[2]) > 65535) fail(`--redis-cluster-nodes: "${n}" is not host:port`);
      return { host: m[1]!, port: Number(m[2]) };
    });
  }
  const seconds = (name: "grace-seconds" | "active-max-seconds" | "overdue-max-seconds", fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) fail(`--${name} must be a whole number of seconds`);
    return Number(raw);
  };
  return {
    databaseUrl,
    prefix,
    redisUrl,
    nodes,
    json: values.json,
    graceSeconds: seconds("grace-seconds", DEFAULTS.graceSeconds),
    activeMaxSeconds: seconds("active-max-seconds", DEFAULTS.activeMaxSeconds),
    overdueMaxSeconds: seconds("overdue-max-seconds", DEFAULTS.overdueMaxSeconds),
  };
}

const opts = parse();
const sql = postgres(opts.databaseUrl, { max: 2, onnotice: () => {}, connect_timeout: 5, connection: { application_name: "drills-check" } });
// Fail fast on an unreachable Redis instead of retrying forever: the drill wants an answer.
const redisOptions = { maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: (n: number) => (n > 3 ? null : 200) };
const redis = opts.nodes ? new Cluster(opts.nodes, { redisOptions, clusterRetryStrategy: redisOptions.retryStrategy }) : new Redis(opts.redisUrl, redisOptions);
redis.on("error", () => {});

let code = 0;
try {
  await sql`select 1`.catch((err: Error) => {
    throw Object.assign(new Error(`PostgreSQL unreachable at ${redactUrl(opts.databaseUrl)}: ${err.message}`), { unreachable: true });
  });
  await redis.ping().catch((err: Error) => {
    throw Object.assign(new Error(`Redis unreachable at ${opts.nodes ? opts.nodes.map((n) => `${n.host}:${n.port}`).join(",") : opts.redisUrl}: ${err.message}`), { unreachable: true });
  });
  const result = await checkInvariants(sql, {
    redis,
    queuePrefix: opts.prefix,
    graceSeconds: opts.graceSeconds,
    activeMaxSeconds: opts.activeMaxSeconds,
    overdueMaxSeconds: opts.overdueMaxSeconds,
  });
  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else {
    for (const c of result.checks as Check[]) console.log(`${c.ok ? "✓" : "✗"} ${c.name}: ${c.detail}`);
    const failed = result.checks.filter((c) => !c.ok).length;
    console.log(failed ? `${failed} of ${result.checks.length} checks failed` : `all ${result.checks.length} checks pass`);
  }
  code = result.ok ? 0 : 1;
} catch (err) {
  console.error(`drills:check: ${(err as Error).message}`);
  code = (err as { unreachable?: boolean }).unreachable ? 3 : 1;
} finally {
  redis.disconnect();
  await sql.end({ timeout: 2 });
}
process.exit(code);
