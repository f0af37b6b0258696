import net from "node:net";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { clientOptions } from "./client.js";
import { TEST_PG_URL } from "../testing/test-env.js";

/**
 * A socket that reads the wire protocol both ways and counts "pipelined" writes: a client message sent while an
 * earlier request (ended by Sync, or the startup message) still awaits its ReadyForQuery. That is exactly what
 * pgbouncer 1.18 in transaction mode loses (docs/topology.md, worker-kill drill), so the pgbouncer settings must
 * never do it.
 */
function wireWatcher() {
  const stats = { pipelined: 0, requests: 0 };
  const socket = () => {
    const { hostname, port } = new URL(TEST_PG_URL);
    const s = net.connect(Number(port || 5432), hostname);
    let awaiting = 1; // the startup message's ReadyForQuery
    let startup = true;
    let out = Buffer.alloc(0);
    let inbound = Buffer.alloc(0);
    const write = s.write.bind(s) as (chunk: Buffer, ...rest: unknown[]) => boolean;
    s.write = ((chunk: Buffer, ...rest: unknown[]) => {
      out = Buffer.concat([out, Buffer.from(chunk)]);
      for (;;) {
        if (startup) {
          if (out.length < 4) break;
          const len = out.readInt32BE(0);
          if (out.length < len) break;
          out = out.subarray(len);
          startup = false;
          continue;
        }
        if (out.length < 5) break;
        const type = String.fromCharCode(out[0]!), len = out.readInt32BE(1);
        if (out.length < len + 1) break;
        out = out.subarray(len + 1);
        if (type === "X") continue; // Terminate
        if (awaiting > 0) stats.pipelined++;
        if (type === "S" || type === "Q") (awaiting++, stats.requests++);
      }
      return write(chunk, ...rest);
    }) as typeof s.write;
    s.prependListener("data", (chunk: Buffer) => {
      inbound = Buffer.concat([inbound, chunk]);
      while (inbound.length >= 5) {
        const len = inbound.readInt32BE(1);
        if (inbound.length < len + 1) break;
        if (inbound[0] === 0x5a) awaiting--; // 'Z' ReadyForQuery
        inbound = inbound.subarray(len + 1);
      }
    });
    return s;
  };
  return { stats, socket };
}

// postgres.js takes a socket factory (`socket` option) that its type definitions leave out.
const withSocket = (options: ReturnType<typeof clientOptions>, socket: () => net.Socket) => ({ ...options, socket }) as postgres.Options<{}>;

/** Parameterless statements (which leave a connection open for more), parameterised ones and transactions at once. */
async function mixedLoad(sql: postgres.Sql) {
  const work = Array.from({ length: 90 }, async (_, i) => {
    if (i % 3 === 0) {
      const [a, b] = await sql.begin(async (tx) => {
        const [first] = await tx`select txid_current()::text as id, ${i}::int as i`;
        const [second, third] = await Promise.all([tx`select txid_current()::text as id`, tx`select ${i}::int + 1 as n`]);
        return [first!, { id: second![0]!.id, n: third![0]!.n }] as const;
      });
      // Every statement of a transaction ran in that transaction, on one connection.
      expect(b.id).toBe(a.id);
      expect([a.i, b.n]).toEqual([i, i + 1]);
      return a.id as string;
    }
    if (i % 3 === 1) return void (await sql`select pg_sleep(0.003)`);
    const [row] = await sql`select ${i}::int as i`;
    expect(row!.i).toBe(i);
  });
  const ids = (await Promise.all(work)).filter((x): x is string => typeof x === "string");
  expect(new Set(ids).size).toBe(30);
}

describe("database client", () => {
  it("puts one statement in flight per connection without prepared statements (pgbouncer), transactions still work", async () => {
    const watcher = wireWatcher();
    const sql = postgres(TEST_PG_URL, withSocket(clientOptions(2, { prepare: false }), watcher.socket));
    try {
      await mixedLoad(sql);
      await mixedLoad(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
    expect(watcher.stats.requests).toBeGreaterThan(200);
    expect(watcher.stats.pipelined).toBe(0);
  });

  // The control: the watcher does see postgres.js's default pipelining, so the zero above means something.
  it("pipelines with the default settings (direct to PostgreSQL, where that is fine)", async () => {
    const watcher = wireWatcher();
    const sql = postgres(TEST_PG_URL, withSocket(clientOptions(2), watcher.socket));
    try {
      await mixedLoad(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
    expect(watcher.stats.pipelined).toBeGreaterThan(0);
  });

  // The pg-restart drill: both APIs exited on postgres.js writing a transaction's ROLLBACK to a connection whose socket had
  // closed (TypeError in nextWrite, uncaught), and the pool then hung. patches/postgres@3.4.9.patch rejects that instead.
  it("a transaction whose connection is terminated rejects with a connection error, nothing throws uncaught, the pool carries on", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", onUncaught);
    const name = `client-test-${process.pid}`;
    const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
    const sql = postgres(TEST_PG_URL, { ...clientOptions(2, { prepare: false, applicationName: name }) });
    try {
      await sql`select 1`;
      const work = Promise.allSettled(Array.from({ length: 6 }, (_, i) => sql.begin(async (tx) => {
        await tx`select ${i}::int`;
        await tx`select pg_sleep(1)`;
      })));
      await new Promise((r) => setTimeout(r, 300));
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${name}`;
      const codes = (await work).map((r) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "ok"));
      await new Promise((r) => setTimeout(r, 200)); // deferred writes (setImmediate) have run
      expect(codes.filter((c) => c !== "ok").every((c) => c === "CONNECTION_CLOSED" || c === "57P01")).toBe(true);
      expect(codes.filter((c) => c !== "ok").length).toBeGreaterThanOrEqual(2); // the two running transactions
      const [row] = await sql`select ${7}::int as n`;
      expect(row!.n).toBe(7);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
      await sql.end({ timeout: 5 });
      await admin.end({ timeout: 5 });
    }
  });
});

