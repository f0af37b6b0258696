import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.js";

/** The pool; `$client` is its postgres.js client (drizzle attaches it), for the rare plain-SQL need of a script. */
export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Repositories take either the pool or an open transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /** The raw postgres.js client, for health checks and closing. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  onQuery?: (query: string) => void;
  /**
   * Named prepared statements (default true). false for pgbouncer in transaction mode: each statement is then
   * sent unnamed with its parameters, so it needs nothing from an earlier statement on the same server connection.
   */
  prepare?: boolean;
  /** application_name in pg_stat_activity (default quanzhou-gig). */
  applicationName?: string;
}

/**
 * postgres.js settings for a pool. Without prepared statements (pgbouncer in transaction mode) nothing is pipelined
 * either (`max_pipeline: 0`, one statement in flight per connection): pgbouncer 1.18 hands the server connection
 * back at the first statement's ReadyForQuery, so a statement written behind it on the same connection (postgres.js
 * sends Parse/Describe/Flush for a parameterised unnamed statement) gets its reply dropped ("idle server got dirty")
 * and waits for ever: that hung both APIs in the worker-kill drill (docs/topology.md). With upstream postgres.js
 * `max_pipeline: 0` breaks sql.begin; patches/postgres@3.4.9.patch fixes that (porsager/postgres#1210, #1218).
 */
export function clientOptions(max: number, options: DatabaseOptions = {}) {
  const onQuery = options.onQuery;
  const prepare = options.prepare ?? true;
  return {
    max,
    prepare,
    ...(prepare ? {} : { max_pipeline: 0 }),
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "quanzhou-gig" },
    ...(onQuery ? { debug: (_conn: number, query: string) => onQuery(query) } : {}),
  } satisfies postgres.Options<Record<string, postgres.PostgresType>>;
}

/** Opens a pool; bigint columns come back as JS numbers only where the schema says `mode: "number"`. */
export function createDatabase(url: string, max = 10, options: DatabaseOptions = {}): Database {
  const sql = postgres(url, clientOptions(max, options));
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}
