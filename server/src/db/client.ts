import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.js";

export type Db = PostgresJsDatabase<typeof schema>;
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

/** Opens a pool; bigint columns come back as JS numbers only where the schema says `mode: "number"`. */
export function createDatabase(url: string, max = 10, options: DatabaseOptions = {}): Database {
  const onQuery = options.onQuery;
  const sql = postgres(url, {
    max,
    prepare: options.prepare ?? true,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "quanzhou-gig" },
    ...(onQuery ? { debug: (_conn: number, query: string) => onQuery(query) } : {}),
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}
