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

/** Opens a pool; bigint columns come back as JS numbers only where the schema says `mode: "number"`. */
export function createDatabase(url: string, max = 10, options: { onQuery?: (query: string) => void } = {}): Database {
  const onQuery = options.onQuery;
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: "quanzhou-gig" },
    ...(onQuery ? { debug: (_conn: number, query: string) => onQuery(query) } : {}),
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}
