import { isTransientConnectionError } from "./db/connection-errors.js";
import type { Logger } from "./logger.js";

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
