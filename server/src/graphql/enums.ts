import type { EnumDefinition } from "@qz/shared";
import { registerEnumType } from "type-graphql";

/**
 * Registers a GraphQL enum from a shared definition (STYLE.md: one definition per list): the same values
 * as the pgEnum, with each zh-CN label as the value's description. Returns the `{ V: "V" }` object
 * type-graphql needs; pair it with `export type X = (typeof X)[keyof typeof X]`.
 */
export function graphqlEnum<V extends string>(definition: EnumDefinition<V>, name: string, description?: string): { readonly [K in V]: K } {
  const values = Object.fromEntries(definition.values.map((v) => [v, v])) as { [K in V]: K };
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(definition.values.map((v) => [v, { description: definition.labels[v] }])) as Record<V, { description: string }>,
  });
  return values;
}
