import type { DbOrTx } from "./client.js";

/**
 * The columns of `all` a query asks for (`fields`: GraphQL field names, null for every column), plus
 * `always` (what access checks and field resolvers read), in `all`'s own order so equal sets share a key.
 */
export function pickColumns<T extends Record<string, unknown>>(all: T, fields: ReadonlySet<string> | null, always: readonly (keyof T & string)[]): (keyof T & string)[] {
  const keys = Object.keys(all) as (keyof T & string)[];
  return fields ? keys.filter((k) => always.includes(k) || fields.has(k)) : keys;
}

/** Shapes kept per connection pool: past the cap a query reads every column, so a client cannot grow the cache. */
const MAX_SHAPES = 32;

/**
 * Prepared statements of one hot read, one per column set (and `variant`: a filter shape from a small fixed
 * set, chosen by the code, never by the client): drizzle builds each once per pool, and postgres.js prepares
 * each once per connection. `all` is the full column list, the fallback once the cap is reached.
 */
export function statementsByColumns<C extends string, S>(all: readonly C[], prepare: (db: DbOrTx, columns: readonly C[], variant: string) => S) {
  const cache = new WeakMap<DbOrTx, Map<string, S>>();
  return function statementFor(db: DbOrTx, columns: readonly C[], variant = ""): S {
    let shapes = cache.get(db);
    if (!shapes) cache.set(db, (shapes = new Map()));
    let key = `${variant}|${columns.join(",")}`;
    if (!shapes.has(key) && shapes.size >= MAX_SHAPES) [key, columns] = [`${variant}|${all.join(",")}`, all];
    let statement = shapes.get(key);
    if (!statement) shapes.set(key, (statement = prepare(db, columns, variant)));
    return statement;
  };
}
