/**
 * A closed list defined once, with its zh-CN label per value. The same definition feeds the PostgreSQL
 * enum (pgEnum), the GraphQL enum and the console's labels, so the three can never disagree.
 */
export interface EnumDefinition<V extends string> {
  /** The values in declaration order, typed as a non-empty tuple (what pgEnum expects). */
  readonly values: readonly [V, ...V[]];
  /** zh-CN label of each value, for the console and messages. */
  readonly labels: Readonly<Record<V, string>>;
  /** True when `value` is one of the values. */
  has(value: unknown): value is V;
}

/** Defines an enum from its labels: `defineEnum({ ACTIVE: "正常", DISABLED: "停用" })`. */
export function defineEnum<const L extends Record<string, string>>(labels: L): EnumDefinition<keyof L & string> {
  type V = keyof L & string;
  const values = Object.keys(labels) as V[];
  if (values.length === 0) throw new Error("an enum needs at least one value");
  const set = new Set<string>(values);
  return Object.freeze({
    values: values as unknown as readonly [V, ...V[]],
    labels: labels as Readonly<Record<V, string>>,
    has: (value: unknown): value is V => typeof value === "string" && set.has(value),
  });
}

/** The union of an enum definition's values. */
export type EnumValue<E> = E extends EnumDefinition<infer V> ? V : never;
