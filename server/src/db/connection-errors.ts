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
