// The worker process: the outbox relay and the BullMQ workers (DESIGN §2). Any number may run.
import { loadConfig } from "./config.js";
import { createDatabase } from "./db/client.js";
import { JOB_HANDLERS } from "./jobs/registry.js";
import { createOutboxRelay } from "./jobs/relay.js";
import { startJobWorkers } from "./jobs/worker-registry.js";
import { createLogger } from "./logger.js";

const config = loadConfig();
const logger = createLogger(config, "worker");
const database = createDatabase(config.databaseUrl, config.databasePoolMax);
const relay = createOutboxRelay({ db: database.db, redisUrl: config.redisUrl, prefix: config.queuePrefix, logger, pollMs: config.outboxPollMs });
const workers = startJobWorkers({ db: database.db, redisUrl: config.redisUrl, prefix: config.queuePrefix, logger, handlers: JOB_HANDLERS });
relay.start();
logger.info({ prefix: config.queuePrefix }, "worker started: outbox relay and queues dispatch, performance, complaints, subsidy, notify");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, "worker shutting down");
    await relay.stop();
    await workers.close();
    await database.close();
    process.exit(0);
  });
}
