// The worker process: the outbox relay, the BullMQ workers and the repeatable schedules (DESIGN §2). Any number may run.
import { loadConfig } from "./config.js";
import { createDeps } from "./deps.js";
import { JOB_HANDLERS } from "./jobs/handlers.js";
import { startJobWorkers } from "./jobs/job-runner.js";
import { createOutboxRelay } from "./jobs/outbox-relay.js";
import { registerSchedules, SCHEDULES } from "./jobs/schedules.js";
import { QUEUE_NAMES } from "./jobs/queues.js";
import { installProcessGuards } from "./process-guards.js";

const config = loadConfig();
const handle = createDeps(config, { name: "worker" });
const { deps } = handle;
const { logger } = deps;
installProcessGuards(logger);
const relay = createOutboxRelay({ db: deps.db, redisUrl: config.redisUrl, redisClusterNodes: config.redisClusterNodes, prefix: config.queuePrefix, logger, pollMs: config.outboxPollMs });
const workers = startJobWorkers(deps, JOB_HANDLERS);
await registerSchedules(deps.redis, config.queuePrefix).catch((err) => logger.warn({ err: err.message }, "schedules not registered yet (Redis down?); the next start retries"));
relay.start();
logger.info({ prefix: config.queuePrefix, queues: QUEUE_NAMES, schedules: Object.keys(SCHEDULES) }, "worker started: outbox relay, queues and schedules");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, "worker shutting down");
    await relay.stop();
    await workers.close();
    await handle.close();
    process.exit(0);
  });
}
