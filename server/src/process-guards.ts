import type { Logger } from "./logger.js";

// Connection-level failures: SQLSTATE class 08 (connection exception; pgbouncer's "server login has been failing"
// is 08P01), 57P01–57P03 (the server shutting down or starting up), 57014 (a statement cancelled), 53300 (too many
// connections); postgres.js's own CONNECTION_* / CONNECT_TIMEOUT; and the socket's errno codes.
const TRANSIENT_CODES = new Set([
  "57P01", "57P02", "57P03", "57014", "53300",
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH",
]);

/** True for an error that says only "the database connection failed", which a pool recovers from by reconnecting. */
export function isTransientConnectionError(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "string") return false;
  return TRANSIENT_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * The last line for the API and the worker: unhandled rejections and uncaught exceptions are logged at error
 * level with the process's name, then
 * - a transient connection error is survived. It comes from a pool's background work no caller waits on:
 *   postgres.js fetches array types as the first statement of every new connection and drops that promise
 *   (porsager/postgres#1192, #1223, open for 3.4.9), so a connection failing while PostgreSQL or pgbouncer
 *   restarts rejects it unhandled. The query queued behind it gets the same error and its caller handles it
 *   (a transaction rolls back, the relay and BullMQ retry), so none of our state is half-changed and the pool
 *   reconnects on the next query: exiting would only turn a database blip into a missing worker.
 * - anything else exits with status 1, for the supervisor (systemd `Restart=always`, the topology's restart)
 *   to start a fresh process: we cannot know which loop or in-memory state it left broken, while every write
 *   is a transaction and every job is idempotent by event id, so a restart loses nothing.
 */
export function installProcessGuards(logger: Logger, { exit = (code: number) => process.exit(code) }: { exit?: (code: number) => void } = {}) {
  const onRejection = (reason: unknown) => {
    if (isTransientConnectionError(reason)) {
      logger.error({ err: reason, survived: true }, "unhandled rejection of a database connection error (postgres.js background work); the pool reconnects, carrying on");
      return;
    }
    logger.fatal({ err: reason }, "unhandled promise rejection; exiting so the supervisor restarts the process");
    exit(1);
  };
  const onException = (err: Error) => {
    logger.fatal({ err }, "uncaught exception; exiting so the supervisor restarts the process");
    exit(1);
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}
