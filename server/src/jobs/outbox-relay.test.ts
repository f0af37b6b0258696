import { Queue } from "bullmq";
import { count, eq, isNull, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { notifications, outbox, processedEvents } from "../db/schema/index.js";
import { createLogger } from "../logger.js";
import { insertUser } from "../testing/factories.js";
import { useTestDeps, type TestEnv } from "../testing/test-app.js";
import type { DepsHandle } from "../deps.js";
import { createDatabase } from "../db/client.js";
import postgres from "postgres";
import { adminDatabaseUrl, until } from "../testing/test-env.js";
import { jobIdFor } from "./events.js";
import { JOB_HANDLERS } from "./handlers.js";
import type { JobHandlers } from "./job-context.js";
import { runJob, startJobWorkers } from "./job-runner.js";
import { emitEvent } from "./outbox.js";
import { createOutboxRelay } from "./outbox-relay.js";

describe("transactional outbox → BullMQ", () => {
  let env: TestEnv;
  let handle: DepsHandle;
  const logger = createLogger({ env: "test", logLevel: "silent" }, "test");
  useTestDeps(logger, (e, h) => ([env, handle] = [e, h]));

  const unsent = async () => (await env.database.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)))[0]!.n;

  async function commitEvents(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const user = await insertUser(env.database.db, "WORKER");
      ids.push(await env.database.db.transaction((tx) => emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" })));
    }
    return ids;
  }

  it("keeps events while Redis is unreachable and delivers each exactly once when it returns", async () => {
    const { db } = env.database;
    const before = await commitEvents(20);

    // Delivery blocked: the relay points at a closed port.
    const blocked = createOutboxRelay({ db, redisUrl: "redis://127.0.0.1:1", prefix: env.config.queuePrefix, logger, pollMs: 10 });
    blocked.start();
    const during = await commitEvents(10); // the API keeps committing during the outage
    await new Promise((r) => setTimeout(r, 300));
    expect(await blocked.relayOnce()).toBe(0);
    await blocked.stop();
    expect(await unsent()).toBe(30);

    // Delivery restored: two relays race (as two worker processes would), workers consume.
    const calls = new Map<string, number>();
    const counting: JobHandlers = {
      ...JOB_HANDLERS,
      "notify.welcome-user": async (ctx, payload) => {
        calls.set(ctx.eventId, (calls.get(ctx.eventId) ?? 0) + 1);
        await JOB_HANDLERS["notify.welcome-user"](ctx, payload);
      },
    };
    const workers = startJobWorkers(handle.deps, counting);
    const relays = [1, 2].map(() => createOutboxRelay({ db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10, batchSize: 7 }));
    relays.forEach((r) => r.start());
    try {
      await until(async () => (await unsent()) === 0);
      await until(async () => calls.size === 30);

      // A relay that crashed after adding but before marking sent re-sends the same event id.
      const replayed = before[0]!;
      await db.update(outbox).set({ sentAt: null }).where(eq(outbox.id, replayed));
      await until(async () => (await unsent()) === 0);
      await new Promise((r) => setTimeout(r, 200));

      const eventIds = [...before, ...during];
      expect([...calls.keys()].sort()).toEqual([...eventIds].sort());
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
      const queue = new Queue("notify", { connection: new Redis(env.config.redisUrl), prefix: env.config.queuePrefix });
      const jobs = await queue.getJobs(["completed", "waiting", "active", "delayed", "failed"]);
      // one job per consumer, job id = event id + consumer, no duplicates
      expect(jobs.map((j) => j.id).sort()).toEqual(eventIds.map((id) => jobIdFor(id, "notify.welcome-user")).sort());
      await queue.close();
      const [written] = await db.select({ n: count() }).from(notifications);
      expect(written!.n).toBe(30);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await workers.close();
    }
  });

  it("an event that cannot be delivered does not hold up the ones behind it, and is parked after maxAttempts", async () => {
    const { db } = env.database;
    await until(async () => (await unsent()) === 0, 1000).catch(() => {});
    const [poison] = await db.insert(outbox).values({ name: "no.such-event", payload: {} }).returning();
    const [good] = await commitEvents(1);
    const relay = createOutboxRelay({ db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10, maxAttempts: 2 });
    try {
      await until(async () => {
        await relay.relayOnce();
        const [row] = await db.select().from(outbox).where(eq(outbox.id, good!));
        return row!.sentAt !== null;
      });
      await relay.relayOnce();
      await relay.relayOnce();
      const [parked] = await db.select().from(outbox).where(eq(outbox.id, poison!.id));
      expect(parked).toMatchObject({ sentAt: null, attempts: 2, lastError: "no consumer for event no.such-event" });
    } finally {
      await relay.stop();
    }
  });

  it("a job whose handler fails is retried by BullMQ and then counts once", async () => {
    const { db } = env.database;
    let calls = 0;
    const flaky: JobHandlers = {
      ...JOB_HANDLERS,
      "notify.welcome-user": async (ctx, payload) => {
        if (++calls === 1) throw new Error("database hiccup");
        await JOB_HANDLERS["notify.welcome-user"](ctx, payload);
      },
    };
    const workers = startJobWorkers(handle.deps, flaky);
    const relay = createOutboxRelay({ db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10 });
    relay.start();
    try {
      const user = await insertUser(db, "WORKER");
      await db.transaction((tx) => emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" }));
      await until(async () => (await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id)))[0]!.n === 1);
      expect(calls).toBe(2);
    } finally {
      await relay.stop();
      await workers.close();
    }
  });

  it("a re-delivered job is recognised by its event id and does nothing", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "EMPLOYER");
    const job = { id: jobIdFor("7e0b0000-0000-4000-8000-000000000001", "notify.welcome-user"), name: "notify.welcome-user", data: { userId: user.id, role: "EMPLOYER" } };
    expect(await runJob(handle.deps, JOB_HANDLERS, job)).toBe("done");
    expect(await runJob(handle.deps, JOB_HANDLERS, job)).toBe("duplicate");
    const [mine] = await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id));
    expect(mine!.n).toBe(1);
  });

  it("a malformed payload or unknown job fails without retry and records nothing", async () => {
    const { db } = env.database;
    await expect(runJob(handle.deps, JOB_HANDLERS, { id: jobIdFor("7e0b0000-0000-4000-8000-000000000002", "notify.welcome-user"), name: "notify.welcome-user", data: { userId: 42 } })).rejects.toThrow(/malformed/);
    await expect(runJob(handle.deps, JOB_HANDLERS, { id: "7e0b0000-0000-4000-8000-000000000003", name: "nope.nothing", data: {} })).rejects.toMatchObject({ name: "UnrecoverableError" });
    const [rows] = await db.select({ n: count() }).from(processedEvents).where(sql`${processedEvents.eventId} in ('7e0b0000-0000-4000-8000-000000000002', '7e0b0000-0000-4000-8000-000000000003')`);
    expect(rows!.n).toBe(0);
  });

  it("a handler that fails rolls back its writes and its processed mark, so a retry runs it again", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "WORKER");
    const job = { id: jobIdFor("7e0b0000-0000-4000-8000-000000000004", "notify.welcome-user"), name: "notify.welcome-user", data: { userId: user.id, role: "WORKER" } };
    const failing: JobHandlers = {
      ...JOB_HANDLERS,
      "notify.welcome-user": async (ctx, payload) => {
        await JOB_HANDLERS["notify.welcome-user"](ctx, payload);
        throw new Error("crash after writing");
      },
    };
    await expect(runJob(handle.deps, failing, job)).rejects.toThrow("crash after writing");
    expect((await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id)))[0]!.n).toBe(0);
    expect(await runJob(handle.deps, JOB_HANDLERS, job)).toBe("done");
    expect((await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id)))[0]!.n).toBe(1);
  });

  it("survives its database connections being terminated (pg_terminate_backend) and resumes delivering", async () => {
    // Its own pool, so terminating it leaves the other tests' connections alone; only its backends are hit.
    const own = createDatabase(env.config.databaseUrl, 2, { applicationName: "relay-under-test" });
    const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
    const dbName = new URL(env.config.databaseUrl).pathname.slice(1);
    const relay = createOutboxRelay({ db: own.db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10 });
    const isSent = async (id: string) => (await env.database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!.sentAt !== null;
    relay.start();
    try {
      const [first] = await commitEvents(1);
      await until(() => isSent(first!));
      // As a PostgreSQL restart does: every connection of the relay's pool is terminated, idle or mid-transaction.
      const rows = await admin`select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid() and application_name = 'relay-under-test'`;
      const killed = rows.filter((r) => r.ok).length;
      expect(killed).toBeGreaterThan(0);
      const [second] = await commitEvents(1);
      await until(() => isSent(second!));
    } finally {
      await relay.stop();
      await own.close();
      await admin.end();
    }
  });
});
