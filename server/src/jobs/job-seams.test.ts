import { Queue } from "bullmq";
import { and, count, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications, outbox, processedEvents, smsCodes } from "../db/schema/index.js";
import { createDeps, type DepsHandle } from "../deps.js";
import { AppError } from "../errors.js";
import { createLogger } from "../logger.js";
import { recordAudit } from "../modules/audit/audit.js";
import { insertUser } from "../testing/factories.js";
import { createTestEnv, type TestEnv } from "../testing/test-app.js";
import { jobIdFor } from "./events.js";
import { JOB_HANDLERS } from "./handlers.js";
import type { JobHandlers } from "./job-context.js";
import { runJob } from "./job-runner.js";
import { cancelEvent, emitEvent } from "./outbox.js";
import { createOutboxRelay } from "./outbox-relay.js";
import { fireSchedule, slotAt, slotEventId } from "./schedules.js";

describe("job seams: fan-out, scheduled and cancelled events, business refusals, schedules", () => {
  let env: TestEnv;
  let handle: DepsHandle;
  let clock = new Date("2026-11-27T08:00:00Z");
  const logger = createLogger({ env: "test", logLevel: "silent" }, "test");
  beforeAll(async () => {
    env = await createTestEnv();
    handle = createDeps(env.config, { logger, now: () => clock });
  });
  afterAll(async () => {
    await handle?.close();
    await env?.cleanup();
  });

  /** Relays until the given event is marked sent (the relay's Redis connection needs a moment to open). */
  async function relayUntilSent(relay: { relayOnce(): Promise<number> }, eventId: string) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      await relay.relayOnce();
      const [row] = await env.database.db.select({ sentAt: outbox.sentAt }).from(outbox).where(eq(outbox.id, eventId));
      if (row?.sentAt) return;
      if (Date.now() > deadline) throw new Error("event not relayed in time");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const queue = (name: string) => new Queue(name, { connection: new Redis(env.config.redisUrl), prefix: env.config.queuePrefix });

  it("fans one event out to every consumer: one job each, on each consumer's queue", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "WORKER");
    const eventId = await db.transaction((tx) => emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" }));
    const relay = createOutboxRelay({
      db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10,
      route: () => [{ consumer: "notify.welcome-user", queue: "notify" }, { consumer: "performance.count-signup", queue: "performance" }],
    });
    try {
      await relayUntilSent(relay, eventId);
    } finally {
      await relay.stop();
    }
    const [notify, performance] = [queue("notify"), queue("performance")];
    expect((await notify.getJob(jobIdFor(eventId, "notify.welcome-user")))?.name).toBe("notify.welcome-user");
    expect((await performance.getJob(jobIdFor(eventId, "performance.count-signup")))?.name).toBe("performance.count-signup");
    await Promise.all([notify.close(), performance.close()]);
    // Each consumer is idempotent on its own (consumer, event id): the welcome runs once however often it is delivered.
    const job = { id: jobIdFor(eventId, "notify.welcome-user"), name: "notify.welcome-user", data: { userId: user.id, role: "WORKER" } };
    expect(await runJob(handle.deps, JOB_HANDLERS, job)).toBe("done");
    expect(await runJob(handle.deps, JOB_HANDLERS, job)).toBe("duplicate");
    const [rows] = await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id));
    expect(rows!.n).toBe(1);
  });

  it("a scheduled event becomes a delayed job due at its time, and a cancelled one does nothing", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "WORKER");
    const runAt = new Date(clock.getTime() + 10 * 60_000);
    const eventId = await db.transaction((tx) => emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" }, { runAt }));
    const relay = createOutboxRelay({ db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10, now: () => clock });
    try {
      await relayUntilSent(relay, eventId);
    } finally {
      await relay.stop();
    }
    const notify = queue("notify");
    const job = await notify.getJob(jobIdFor(eventId, "notify.welcome-user"));
    expect(await job!.getState()).toBe("delayed");
    expect(job!.opts.delay).toBe(10 * 60_000);
    await notify.close();

    // Withdrawn before it came due (say, the offer was accepted): the job settles as CANCELLED and writes nothing.
    expect(await db.transaction((tx) => cancelEvent(tx, eventId, clock))).toBe(true);
    expect(await db.transaction((tx) => cancelEvent(tx, eventId, clock))).toBe(false);
    expect(await runJob(handle.deps, JOB_HANDLERS, { id: job!.id!, name: job!.name, data: job!.data })).toBe("cancelled");
    const [mark] = await db.select().from(processedEvents).where(eq(processedEvents.eventId, eventId));
    expect(mark!.outcome).toBe("CANCELLED");
    const [rows] = await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id));
    expect(rows!.n).toBe(0);
  });

  it("an event cancelled before the relay saw it is marked sent without queueing anything", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "WORKER");
    const eventId = await db.transaction(async (tx) => {
      const id = await emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" }, { runAt: new Date(clock.getTime() + 60_000) });
      await cancelEvent(tx, id, clock);
      return id;
    });
    const relay = createOutboxRelay({ db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10 });
    try {
      await relayUntilSent(relay, eventId);
    } finally {
      await relay.stop();
    }
    const [row] = await db.select().from(outbox).where(eq(outbox.id, eventId));
    expect(row!.sentAt).not.toBeNull();
    const notify = queue("notify");
    expect(await notify.getJob(jobIdFor(eventId, "notify.welcome-user"))).toBeUndefined();
    await notify.close();
  });

  it("a business refusal (AppError) is settled as SKIPPED with its reason, its writes undone, and not retried", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "WORKER");
    const refusing: JobHandlers = {
      ...JOB_HANDLERS,
      "notify.welcome-user": async (ctx, payload) => {
        await JOB_HANDLERS["notify.welcome-user"](ctx, payload);
        throw new AppError("PRECONDITION_FAILED", "账号已停用");
      },
    };
    const eventId = "7e0b0000-0000-4000-8000-00000000a001";
    const job = { id: jobIdFor(eventId, "notify.welcome-user"), name: "notify.welcome-user", data: { userId: user.id, role: "WORKER" } };
    expect(await runJob(handle.deps, refusing, job)).toBe("skipped");
    const [mark] = await db.select().from(processedEvents).where(and(eq(processedEvents.eventId, eventId), eq(processedEvents.consumer, "notify.welcome-user")));
    expect(mark).toMatchObject({ outcome: "SKIPPED", detail: "PRECONDITION_FAILED: 账号已停用" });
    expect((await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id)))[0]!.n).toBe(0);
    expect(await runJob(handle.deps, JOB_HANDLERS, job)).toBe("duplicate");
  });

  it("handlers act as SYSTEM in the audit log, traceable to their event, inside the job's transaction", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "WORKER");
    const eventId = "7e0b0000-0000-4000-8000-00000000a002";
    const auditing: JobHandlers = {
      ...JOB_HANDLERS,
      "notify.welcome-user": async (ctx, { userId }) => {
        await recordAudit(ctx.tx, ctx.caller, { action: "identity.reset-password", entityType: "user", entityId: userId, after: { sessionsEnded: 0 } });
      },
    };
    await runJob(handle.deps, auditing, { id: jobIdFor(eventId, "notify.welcome-user"), name: "notify.welcome-user", data: { userId: user.id, role: "WORKER" } });
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "identity.reset-password")));
    expect(row).toMatchObject({ actorId: null, actorRole: "SYSTEM", requestId: `event:${eventId}` });
  });

  it("the nightly purge drops stale login codes, long-expired sessions and old processed marks, and keeps signing evidence", async () => {
    const { db } = env.database;
    const user = await insertUser(db, "WORKER");
    const old = new Date(clock.getTime() - 40 * 86_400_000);
    await db.insert(smsCodes).values([
      { phone: user.phone, purpose: "LOGIN", codeHash: "x", expiresAt: old },
      { phone: user.phone, purpose: "SIGN_CONTRACT", codeHash: "y", expiresAt: old },
    ]);
    await db.insert(processedEvents).values({ consumer: "notify.welcome-user", eventId: "7e0b0000-0000-4000-8000-00000000b001", processedAt: old });
    const eventId = await fireSchedule(handle.deps, "schedule.nightly");
    const [row] = await db.select().from(outbox).where(eq(outbox.id, eventId));
    expect(await runJob(handle.deps, JOB_HANDLERS, { id: jobIdFor(eventId, "housekeeping.purge-expired"), name: "housekeeping.purge-expired", data: row!.payload })).toBe("done");
    const left = await db.select({ purpose: smsCodes.purpose }).from(smsCodes).where(eq(smsCodes.phone, user.phone));
    expect(left.map((r) => r.purpose)).toEqual(["SIGN_CONTRACT"]);
    expect(await db.select().from(processedEvents).where(eq(processedEvents.eventId, "7e0b0000-0000-4000-8000-00000000b001"))).toEqual([]);
  });

  it("a schedule fires once per slot on Shanghai time, however many workers tick", async () => {
    const { db } = env.database;
    // 01:59:30 and 02:00:00 Shanghai on 28 Nov are 17:59:30 and 18:00:00 UTC on 27 Nov.
    expect(slotAt("0 2 * * *", new Date("2026-11-27T17:59:30Z")).toISOString()).toBe("2026-11-26T18:00:00.000Z");
    expect(slotAt("0 2 * * *", new Date("2026-11-27T18:00:00Z")).toISOString()).toBe("2026-11-27T18:00:00.000Z");
    // The annual close: 30 Nov 23:59 in Shanghai is 15:59 UTC.
    expect(slotAt("59 23 30 11 *", new Date("2027-01-05T00:00:00Z")).toISOString()).toBe("2026-11-30T15:59:00.000Z");

    clock = new Date("2026-11-27T18:00:05Z");
    const ids = await Promise.all([1, 2, 3].map(() => fireSchedule(handle.deps, "schedule.nightly")));
    expect(new Set(ids)).toEqual(new Set([slotEventId("schedule.nightly", new Date("2026-11-27T18:00:00Z"))]));
    const rows = await db.select().from(outbox).where(eq(outbox.id, ids[0]!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "clock.nightly", payload: { slot: "2026-11-27T18:00:00.000Z" } });
    clock = new Date("2026-11-28T18:00:05Z");
    expect(await fireSchedule(handle.deps, "schedule.nightly")).not.toBe(ids[0]);
  });
});
