// The worker process killed abruptly (SIGKILL) while roll-up jobs are active, then restarted: the venue-year
// counts every placement exactly once — nothing lost, nothing doubled — and the reconcile finds no drift.
// Placement jobs only write facts and the dirty mark; the batched apply jobs move the counters.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, processedEvents, venueYearMetrics } from "../../server/src/db/schema/index.js";
import { createDeps } from "../../server/src/deps.js";
import { createLogger } from "../../server/src/logger.js";
import { createServices } from "../../server/src/services.js";
import { insertVenue } from "../../server/src/testing/factories.js";
import { createTestEnv, type TestEnv } from "../../server/src/testing/test-app.js";

const SERVER = fileURLToPath(new URL("../../server/", import.meta.url));
const N = 1000;

function startWorker(env: TestEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "@oxc-node/core/register", "src/worker.ts"], {
    cwd: SERVER,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATABASE_URL: env.config.databaseUrl,
      REDIS_URL: env.config.redisUrl,
      QUEUE_PREFIX: env.config.queuePrefix.slice(1, -1),
      OUTBOX_POLL_MS: "20",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

describe("roll-up survives a killed worker", () => {
  let env: TestEnv;
  let worker: ChildProcess | null = null;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once("exit", r));
      worker.kill("SIGTERM");
      await exited;
    }
    await env?.cleanup();
  });

  const processed = async () =>
    (await env.database.db.select({ n: sql<number>`count(*)::int` }).from(processedEvents).where(eq(processedEvents.consumer, "performance.record-placement")))[0]!.n;

  async function until(check: () => Promise<boolean>, ms: number) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("timed out");
  }

  it(`${N} placements, a SIGKILL mid-way, a restart: exactly ${N} counted`, { timeout: 480_000 }, async () => {
    const venue = await insertVenue(env.database.db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2025-01-01T00:00:00Z") });
    const employerId = randomUUID();
    const rows = Array.from({ length: N }, () => ({
      name: "placement.recorded",
      payload: { placementId: randomUUID(), venueId: venue.id, engagementId: randomUUID(), taskId: randomUUID(), workerId: randomUUID(), employerId, source: "OFFER", priorityGroup: false, paidAt: "2026-05-01T04:00:00.000Z" },
    }));
    for (let i = 0; i < rows.length; i += 500) await env.database.db.insert(outbox).values(rows.slice(i, i + 500));

    worker = startWorker(env);
    // A cold worker compiles its TypeScript first: on a loaded 2-core machine that alone can take over a minute.
    await until(async () => (await processed()) >= 200, 180_000);
    worker.kill("SIGKILL");
    await new Promise((r) => worker!.once("exit", r));
    const atKill = await processed();
    expect(atKill).toBeLessThan(N);

    worker = startWorker(env);
    // Jobs the killed worker held come back once BullMQ finds them stalled (lock expiry), so this can take a while.
    await until(async () => (await processed()) >= N, 200_000).catch(async (err: Error) => {
      throw new Error(`${err.message}: ${await processed()} of ${N} placement jobs processed after the restart`);
    });
    // Placements reach the counters through the batched apply: wait until no venue-year is dirty and every
    // apply event was handled, then the counts must be exact (nothing lost, nothing doubled).
    await until(async () => {
      const [r] = await env.database.db.execute<{ pending: number; unapplied: number }>(sql`
        select (select count(*) from venue_year_pending)::int as pending,
          (select count(*) from outbox o where o.name = 'venue-year.placements-pending' and not exists
            (select 1 from processed_events p where p.event_id = o.id and p.consumer = 'performance.apply-placements'))::int as unapplied`);
      return r!.pending === 0 && r!.unapplied === 0;
    }, 60_000);

    const [m] = await env.database.db.select().from(venueYearMetrics).where(and(eq(venueYearMetrics.venueId, venue.id), eq(venueYearMetrics.year, 2026)));
    expect(m).toMatchObject({ placements: N, onlinePlacements: N, settledEngagements: N });
    const [facts] = await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from performance_placements where venue_id = ${venue.id}`);
    expect(facts!.n).toBe(N);

    const handle = createDeps(env.config, { logger: createLogger(env.config, "test") });
    try {
      const services = createServices(handle.deps);
      const run = await handle.deps.db.transaction((tx) => services.performance.reconcile(tx, null));
      expect(run.drifted).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
