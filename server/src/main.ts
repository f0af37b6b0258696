// The API process: GraphQL over HTTP and WebSocket, health, metrics and the admin build.
import { createApi } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { installProcessGuards } from "./process-guards.js";

const config = loadConfig();
const logger = createLogger(config, "api");
installProcessGuards(logger);
const api = await createApi(config, { logger });
const url = await api.listen();
logger.info({ url }, `API listening on ${url} (GraphQL ${url}/graphql)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, "shutting down");
    await api.close();
    process.exit(0);
  });
}
