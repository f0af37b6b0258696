import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "../db/schema/index.js";
import type { DepsHandle } from "../deps.js";
import { createLogger } from "../logger.js";
import { insertUser } from "../testing/factories.js";
import { useTestDeps, type TestEnv } from "../testing/test-app.js";
import { until } from "../testing/test-env.js";
import { createOutboxRelay } from "./outbox-relay.js";
import { emitEvent } from "./outbox.js";
import { JOB_HANDLERS } from "./handlers.js";
import { startJobWorkers } from "./job-runner.js";
import { QUEUE_NAMES } from "./queues.js";

describe("job workers' watchdog", () => {
  let env: TestEnv;
  let handle: DepsHandle;
  const logger = createLogger({ env: "test", logLevel: "silent" }, "test");
  useTestDeps(logger, (e, h) => ([env, handle] = [e, h]));

  it("replaces a worker that takes no job while one is due, and the queue's jobs run again", async () => {
    const { db } = env.database;
    const workers = startJobWorkers(handle.deps, JOB_HANDLERS, { watchdogMs: 50, stuckMs: 300 });
    const relay = createOutboxRelay({ db, redisUrl: env.config.redisUrl, prefix: env.config.queuePrefix, logger, pollMs: 10 });
    relay.start();
    const notify = QUEUE_NAMES.indexOf("notify");
    try {
      const before = [...workers.workers];
      const original = workers.workers[notify]!;
      await original.waitUntilReady();
      // A worker that no longer fetches, as the drill's did when its blocking connection never came back.
      await original.close();
      const user = await insertUser(db, "WORKER");
      await db.transaction((tx) => emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" }));
      await until(() => workers.workers[notify] !== original, 10_000);
      await until(async () => (await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id)))[0]!.n === 1);
      // Healthy workers of idle queues are left alone.
      expect(workers.workers.filter((w, i) => i !== notify && w !== before[i])).toEqual([]);
    } finally {
      await relay.stop();
      await workers.close();
    }
  });
});
