import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { notifications, outbox, processedEvents, venueYearResults } from "../db/schema/index.js";
import type { DepsHandle } from "../deps.js";
import { AppError } from "../errors.js";
import { createLogger } from "../logger.js";
import { insertUser, insertVenue } from "../testing/factories.js";
import { useTestDeps, type TestEnv } from "../testing/test-app.js";
import { until } from "../testing/test-env.js";
import { batchJobIdFor, jobIdFor, type BatchJobData } from "./events.js";
import { JOB_HANDLERS } from "./handlers.js";
import { withBatch, type JobHandlers } from "./job-context.js";
import { runJobBatch, startJobWorkers } from "./job-runner.js";
import { cancelEvent, emitEvent } from "./outbox.js";
import { createOutboxRelay } from "./outbox-relay.js";

describe("batch jobs: many events of one consumer in one job, each still counted once", () => {
  let env: TestEnv;
  let handle: DepsHandle;
  const logger = createLogger({ env: "test", logLevel: "silent" }, "test");
  useTestDeps(logger, (e, h) => ([env, handle] = [e, h]));

  const welcome = "notify.welcome-user" as const;
  /** A registered worker and its user.registered event (left unsent for the relay, or marked sent). */
  async function registered(sent = true) {
    const user = await insertUser(env.database.db, "WORKER");
    const payload = { userId: user.id, role: "WORKER" };
    const id = await env.database.db.transaction((tx) => emitEvent(tx, "user.registered", payload));
    if (sent) await env.database.db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, id));
    return { id, payload, userId: user.id };
  }
  const batchJob = (events: { id: string; payload: unknown }[], attemptsMade = 0) => ({
    id: batchJobIdFor(events.map((e) => e.id), welcome),
    name: welcome,
    data: { events } satisfies BatchJobData,
    attemptsMade,
  });
  const welcomed = async (userIds: string[]) =>
    (await env.database.db.select({ n: count() }).from(notifications).where(inArray(notifications.userId, userIds)))[0]!.n;
  const outcomes = async (eventIds: string[]) =>
    Object.fromEntries(
      (await env.database.db.select().from(processedEvents).where(and(eq(processedEvents.consumer, welcome), inArray(processedEvents.eventId, eventIds)))).map((r) => [r.eventId, r.outcome]),
    );

  it("the relay gives a batch consumer one job carrying the relay batch's events; other consumers and scheduled events keep one job each", async () => {
    const { db } = env.database;
    const now = [await registered(false), await registered(false), await registered(false)];
    const user = await insertUser(db, "WORKER");
    const later = await db.transaction((tx) => emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" }, { runAt: new Date(Date.now() + 3_600_000) }));
    const relay = createOutboxRelay({
      db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10,
      route: () => [{ consumer: welcome, queue: "notify", batch: true }, { consumer: "performance.count-walk-in", queue: "performance" }],
    });
    try {
      const deadline = Date.now() + 10_000;
      while ((await relay.relayOnce()) === 0) {
        if (Date.now() > deadline) throw new Error("nothing relayed in time");
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await relay.stop();
    }
    const connection = new Redis(env.config.redisUrl);
    const [notify, performance] = [new Queue("notify", { connection, prefix: env.config.queuePrefix }), new Queue("performance", { connection, prefix: env.config.queuePrefix })];
    const batch = await notify.getJob(batchJobIdFor(now.map((e) => e.id), welcome));
    expect(batch?.name).toBe(welcome);
    expect((batch!.data as BatchJobData).events).toEqual(now.map((e) => ({ id: e.id, payload: e.payload })));
    // Kept for less than single jobs: a batch carries many payloads, and its events are deduplicated by processed_events.
    expect(batch!.opts.removeOnComplete).toEqual({ age: 3600, count: 1000 });
    // The scheduled event stays a delayed job of its own, due at its time.
    expect((await notify.getJob(jobIdFor(later, welcome)))?.delay).toBeGreaterThan(3_500_000);
    for (const e of [...now.map((x) => x.id), later]) expect(await performance.getJob(jobIdFor(e, "performance.count-walk-in"))).toBeDefined();
    await Promise.all([notify.close(), performance.close()]);
    connection.disconnect();
  });

  it("each event runs once: a redelivered event, the same event twice in a batch and a cancelled event do nothing; the rest commit together", async () => {
    const [a, b, c, d] = [await registered(), await registered(), await registered(), await registered()];
    await env.database.db.transaction((tx) => cancelEvent(tx, c.id, new Date()));
    expect(await runJobBatch(handle.deps, JOB_HANDLERS, batchJob([a, b, a, c]))).toEqual({ done: 2, duplicate: 0, skipped: 0, cancelled: 1 });
    // Redelivered (a crash before the ack, or the same events in a batch of other rows): only d is new.
    expect(await runJobBatch(handle.deps, JOB_HANDLERS, batchJob([b, d, a]))).toEqual({ done: 1, duplicate: 2, skipped: 0, cancelled: 0 });
    expect(await welcomed([a.userId, b.userId, c.userId, d.userId])).toBe(3);
    expect(await outcomes([a.id, b.id, c.id, d.id])).toEqual({ [a.id]: "DONE", [b.id]: "DONE", [c.id]: "CANCELLED", [d.id]: "DONE" });
  });

  it("without a batch form each event runs in its own savepoint: a refusal is SKIPPED with its writes undone, the others commit", async () => {
    const [a, b, c] = [await registered(), await registered(), await registered()];
    const refusing: JobHandlers = {
      ...JOB_HANDLERS,
      [welcome]: async (ctx, payload) => {
        await JOB_HANDLERS[welcome](ctx, payload);
        if (payload.userId === b.userId) throw new AppError("PRECONDITION_FAILED", "账号已停用");
      },
    };
    expect(await runJobBatch(handle.deps, refusing, batchJob([a, b, c]))).toEqual({ done: 2, duplicate: 0, skipped: 1, cancelled: 0 });
    expect(await welcomed([a.userId, c.userId])).toBe(2);
    expect(await welcomed([b.userId])).toBe(0);
    const [mark] = await env.database.db.select().from(processedEvents).where(and(eq(processedEvents.consumer, welcome), eq(processedEvents.eventId, b.id)));
    expect(mark).toMatchObject({ outcome: "SKIPPED", detail: "PRECONDITION_FAILED: 账号已停用" });
  });

  it("a failing batch rolls back whole; its retry runs the events one by one, so only the failing event is left to retry", async () => {
    const [a, b, c] = [await registered(), await registered(), await registered()];
    const failing: JobHandlers = {
      ...JOB_HANDLERS,
      [welcome]: async (ctx, payload) => {
        if (payload.userId === b.userId) throw new Error("短信网关超时");
        await JOB_HANDLERS[welcome](ctx, payload);
      },
    };
    await expect(runJobBatch(handle.deps, failing, batchJob([a, b, c]))).rejects.toThrow("短信网关超时");
    expect(await welcomed([a.userId, c.userId])).toBe(0);
    expect(await outcomes([a.id, b.id, c.id])).toEqual({});
    await expect(runJobBatch(handle.deps, failing, batchJob([a, b, c], 1))).rejects.toThrow("短信网关超时");
    expect(await welcomed([a.userId, c.userId])).toBe(2);
    expect(await outcomes([a.id, b.id, c.id])).toEqual({ [a.id]: "DONE", [c.id]: "DONE" });
    // Once the cause is gone the next retry does b alone.
    expect(await runJobBatch(handle.deps, JOB_HANDLERS, batchJob([a, b, c], 2))).toEqual({ done: 1, duplicate: 2, skipped: 0, cancelled: 0 });
  });

  it("a malformed event is left out: the others run, then the job fails without retry", async () => {
    const [a, b] = [await registered(), await registered()];
    const bad = { id: randomUUID(), payload: { userId: "not-a-uuid", role: "WORKER" } };
    await expect(runJobBatch(handle.deps, JOB_HANDLERS, batchJob([a, bad, b]))).rejects.toMatchObject({ name: "UnrecoverableError" });
    expect(await outcomes([a.id, b.id, bad.id])).toEqual({ [a.id]: "DONE", [b.id]: "DONE" });
  });

  it("a batch handler takes the events at once; the ones it refuses are SKIPPED and the ones it hands back run through the single handler", async () => {
    const [a, b, c] = [await registered(), await registered(), await registered()];
    const seen: string[][] = [];
    const batched: JobHandlers = {
      ...JOB_HANDLERS,
      [welcome]: withBatch(JOB_HANDLERS[welcome], async (_ctx, events) => {
        seen.push(events.map((e) => e.eventId));
        return { refused: [{ eventId: a.id, error: new AppError("NOT_FOUND", "用户不存在") }], oneByOne: [b.id] };
      }),
    };
    expect(await runJobBatch(handle.deps, batched, batchJob([a, b, c]))).toEqual({ done: 2, duplicate: 0, skipped: 1, cancelled: 0 });
    expect(seen).toEqual([[a.id, b.id, c.id]]);
    // b went through the single handler (its notification); a and c were the batch handler's to write (it wrote nothing).
    expect(await welcomed([b.userId])).toBe(1);
    expect(await welcomed([a.userId, c.userId])).toBe(0);
    expect(await outcomes([a.id, b.id, c.id])).toEqual({ [a.id]: "SKIPPED", [b.id]: "DONE", [c.id]: "DONE" });
  });
  it("the apply a placement batch emits is queued as soon as it commits, without waiting for the relay; the relay's later delivery counts nothing", async () => {
    const { db } = env.database;
    const venue = await insertVenue(db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2025-03-01T02:00:00Z") });
    const events = [];
    for (let i = 0; i < 3; i++) {
      const payload = { placementId: randomUUID(), venueId: venue.id, engagementId: randomUUID(), taskId: randomUUID(), workerId: randomUUID(), employerId: randomUUID(), source: "OFFER", priorityGroup: false, paidAt: "2026-06-01T04:00:00.000Z" };
      const id = await db.transaction((tx) => emitEvent(tx, "placement.recorded", payload as never));
      events.push({ id, payload });
    }
    await db.update(outbox).set({ sentAt: new Date() }).where(inArray(outbox.id, events.map((e) => e.id)));
    const workers = startJobWorkers(handle.deps, JOB_HANDLERS);
    const connection = new Redis(env.config.redisUrl);
    const performance = new Queue("performance", { connection, prefix: env.config.queuePrefix });
    try {
      // No relay runs: only the worker itself can have queued the apply.
      await performance.add("performance.record-placement", { events } satisfies BatchJobData, { jobId: batchJobIdFor(events.map((e) => e.id), "performance.record-placement") });
      await until(async () => (await db.select({ m: venueYearResults.metrics }).from(venueYearResults).where(eq(venueYearResults.venueId, venue.id)))[0]?.m.placements === 3);
    } finally {
      await performance.close();
      connection.disconnect();
      await workers.close();
    }
    const [apply] = await db.select().from(outbox).where(and(eq(outbox.name, "venue-year.placements-pending"), sql`${outbox.payload}->>'venueId' = ${venue.id}`));
    expect(apply!.sentAt).toBeNull(); // still the relay's to deliver: the outbox stays the record
    const again = { id: batchJobIdFor([apply!.id, randomUUID()], "performance.apply-placements"), name: "performance.apply-placements", data: { events: [{ id: apply!.id, payload: apply!.payload }] }, attemptsMade: 0 };
    expect(await runJobBatch(handle.deps, JOB_HANDLERS, again)).toMatchObject({ done: 0, duplicate: 1 });
    await db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, apply!.id));
  });
});
