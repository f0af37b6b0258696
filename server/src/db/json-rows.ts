// Many rows as ONE parameter: drizzle builds a multi-row VALUES list value by value (its cost grows with
// rows × columns and dominated the batch payer's profile), while PostgreSQL turns one jsonb array into rows
// with jsonb_populate_recordset at almost no cost. For batch writes on hot paths only.
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client.js";

/** Inserts rows (all with the same keys, camelCase as in the schema) in one statement; `tail` adds ON CONFLICT/RETURNING. */
export async function insertJsonRows<T extends PgTable, R extends Record<string, unknown> = Record<string, unknown>>(
  tx: DbOrTx,
  table: T,
  rows: T["$inferInsert"][],
  tail: SQL = sql``,
): Promise<R[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]!).filter((k) => columns[k]);
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(", ");
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k) => [columns[k]!.name, (r as Record<string, unknown>)[k] ?? null]))));
  const name = getTableName(table);
  const result = await tx.execute<R>(sql`insert into ${sql.identifier(name)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_populate_recordset(null::${sql.identifier(name)}, ${json}::jsonb) ${tail}`);
  return [...result] as unknown as R[];
}

/** `column in (ids)` with the ids as one jsonb parameter, whatever their number. */
export const inJsonIds = (column: SQL | { name: string }, ids: string[]) => sql`${column} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
