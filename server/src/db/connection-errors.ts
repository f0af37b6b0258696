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

// ioredis when Redis cannot answer: a cluster with no reachable master for the slot (redirections run out, the
// slots cache cannot be refreshed, CLUSTERDOWN), a master still loading its AOF after a restart, a closed
// connection, or a command's retries used up.
const REDIS_UNAVAILABLE = /^(Too many Cluster redirections|Failed to refresh slots cache|Cluster isn't ready|Connection is closed|CLUSTERDOWN |LOADING |Reached the max retries per request limit)/;

/** True for an error that says only "Redis could not be reached", which ioredis recovers from by reconnecting. */
export function isRedisUnavailableError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === "MaxRetriesPerRequestError" || err.name === "ClusterAllFailedError" || REDIS_UNAVAILABLE.test(err.message);
}
