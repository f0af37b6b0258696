import type postgres from "postgres";
import type { Config } from "./config.js";
import { createDatabase, type Db } from "./db/client.js";
import { createLogger, type Logger } from "./logger.js";
import { createRedis, type RedisClient } from "./redis.js";
import { createPiiVault, type PiiVault } from "./modules/identity/pii.js";
import { createSessionRevocations, type SessionRevocations } from "./modules/identity/session-revocation.js";
import { createSmsProvider, type SmsProvider } from "./modules/sms/sms.provider.js";

/** The one clock type: injectable, so deadline and expiry tests set the time instead of sleeping. */
export type Clock = () => Date;

/** What services are built from: one set per process, shared by every request and job. */
export interface Deps {
  config: Config;
  db: Db;
  /**
   * For reads where a few seconds of staleness is acceptable, never for reads that decide a write: the
   * monthly fairness report (browse.service.ts) and the venue ranking (performance.service.ts). The streaming replica when
   * DATABASE_REPLICA_URL is set, otherwise the same pool as `db`.
   */
  readDb: Db;
  redis: RedisClient;
  pii: PiiVault;
  /** Texts one-time codes; SMS_PROVIDER picks the implementation. */
  sms: SmsProvider;
  logger: Logger;
  now: Clock;
  /** Sessions ended before their access tokens expire; the API checks it in memory on every request. */
  sessionRevocations: SessionRevocations;
}

export interface DepsHandle {
  deps: Deps;
  /** The raw postgres.js client, for health checks. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

export interface DepsOptions {
  /** The process's name in logs (api, worker, seed…). */
  name?: string;
  logger?: Logger;
  now?: Clock;
  onQuery?: (query: string) => void;
}

/** Builds the one set of deps the API, the worker and the scripts share: pool, Redis, PII vault, logger, clock. */
export function createDeps(config: Config, options: DepsOptions = {}): DepsHandle {
  const logger = options.logger ?? createLogger(config, options.name ?? "app");
  const database = createDatabase(config.databaseUrl, config.databasePoolMax, { onQuery: options.onQuery, prepare: config.databasePrepare });
  // The replica is a direct connection (pgbouncer fronts only the primary), so it may keep prepared statements.
  const replica = config.databaseReplicaUrl ? createDatabase(config.databaseReplicaUrl, config.databasePoolMax, { onQuery: options.onQuery }) : null;
  const redis = createRedis(config, { maxRetriesPerRequest: 3 });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis error"));
  const now = options.now ?? (() => new Date());
  const deps: Deps = {
    config,
    db: database.db,
    readDb: replica?.db ?? database.db,
    redis,
    pii: createPiiVault(config.piiEncryptionKey, config.piiBlindIndexKey),
    sms: createSmsProvider(config, logger),
    logger,
    now,
    // Any process may revoke (writes to Redis); only the API listens (sessionRevocations.start()).
    sessionRevocations: createSessionRevocations({ config, redis, logger, now }),
  };
  return {
    deps,
    sql: database.sql,
    async close() {
      await deps.sessionRevocations.close();
      // quit() waits for a reply that never comes while Redis is down; disconnect() does not.
      await (redis.status === "ready" ? redis.quit() : Promise.resolve(redis.disconnect())).catch(() => {});
      await Promise.all([database.close(), replica?.close()]);
    },
  };
}
