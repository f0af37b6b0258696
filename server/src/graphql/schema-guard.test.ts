import { readFile } from "node:fs/promises";
import { getMetadataStorage as getValidationStorage } from "class-validator";
import {
  execute,
  GraphQLID,
  GraphQLString,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { ArgumentValidationError, getMetadataStorage } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../access/actor.js";
import type { Context } from "./context.js";
import { SCHEMA_FILE } from "./print-schema.js";
import { buildAppSchema, printAppSchema } from "./schema.js";

/** A literal that passes GraphQL coercion for any input type (values need not make sense: the guard runs first). */
function literalFor(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literalFor(type.ofType);
  if (isListType(type)) return `[${literalFor(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{${fields.map((f) => `${f.name}: ${literalFor(f.type)}`).join(", ")}}`;
  }
  if (isScalarType(type)) {
    const byName: Record<string, string> = {
      Int: "1",
      Float: "24.9",
      Boolean: "true",
      ID: '"00000000-0000-4000-8000-000000000000"',
      UUID: '"00000000-0000-4000-8000-000000000000"',
      LocalDate: '"2026-01-01"',
      DateTime: '"2026-01-01T00:00:00Z"',
      SafeInt: "1",
    };
    return byName[type.name] ?? '"x"';
  }
  throw new Error(`no literal for ${String(type)}`);
}

function operationFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${literalFor(a.type)}`).join(", ")})` : "";
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? "" : " { __typename }";
  return `${kind} { ${field.name}${argText}${selection} }`;
}

const anonymous = (): Context =>
  ({ caller: { actor: null, meta: { requestId: "t", ip: null, userAgent: null } }, now: new Date() }) as unknown as Context;
const as = (role: Role): Context =>
  ({
    caller: { actor: { userId: "00000000-0000-4000-8000-000000000001", role, venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } },
    now: new Date(),
  }) as unknown as Context;

/** A class's class-validator rules for one property, its base classes' included (as validation applies them). */
function rulesOf(target: Function, property: string) {
  return getValidationStorage().getTargetValidationMetadatas(target, "", true, false).filter((m) => m.propertyName === property);
}

/** True when class-validator caps the property's length (@MaxLength, or @Length with a maximum). */
function hasMaxLength(target: Function, property: string): boolean {
  return rulesOf(target, property).some((m) => m.name === "maxLength" || (m.name === "isLength" && m.constraints?.[1] !== undefined));
}

/** The type-graphql class behind a field of an input or args type: the class itself or a base class, and the property name. */
function fieldSource(target: Function, schemaName: string): { target: Function; property: string } | null {
  const field = getMetadataStorage().fields.find((f) => f.schemaName === schemaName && (f.target === target || target.prototype instanceof f.target));
  return field ? { target, property: field.name } : null;
}

/**
 * Every String or ID argument and input field of the schema, and why it is unbounded (null when it is bounded).
 * Bare `@Arg("x", () => String)` is never validated by type-graphql (it validates objects only), so those
 * must move into an @ArgsType or @InputType class with @MaxLength; nested inputs need @ValidateNested.
 */
function unboundedStrings(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const stringLike = (t: GraphQLInputType) => [GraphQLString.name, GraphQLID.name].includes(getNamedType(t).name);
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isInputObjectType(type)) {
      const cls = storage.inputTypes.find((t) => t.name === type.name)?.target;
      for (const field of Object.values(type.getFields())) {
        const source = cls && fieldSource(cls, field.name);
        const where = `${type.name}.${field.name}`;
        if (!source) problems.push(`${where}: no type-graphql input class found`);
        else if (stringLike(field.type) && !hasMaxLength(source.target, source.property)) problems.push(`${where}: String without @MaxLength`);
        else if (isInputObjectType(getNamedType(field.type)) && !rulesOf(source.target, source.property).some((m) => m.type === "nestedValidation")) {
          problems.push(`${where}: nested input without @ValidateNested, so its fields are never checked`);
        }
      }
    }
    if (!("getFields" in type) || isInputObjectType(type)) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const strings = field.args.filter((a) => stringLike(a.type));
      if (!strings.length) continue;
      const method =
        [...storage.queries, ...storage.mutations, ...storage.subscriptions].find(
          (m) => m.schemaName === field.name && [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as GraphQLObjectType),
        ) ??
        storage.fieldResolvers.find((m) => m.schemaName === field.name && storage.objectTypes.find((o) => o.target === m.getObjectType?.())?.name === type.name);
      for (const arg of strings) {
        const where = `${type.name}.${field.name}(${arg.name})`;
        const params = storage.params.filter((p) => method && p.target === method.target && p.methodName === method.methodName);
        if (params.some((p) => p.kind === "arg" && p.name === arg.name)) {
          problems.push(`${where}: bare String @Arg is never validated; use an @ArgsType class with @MaxLength`);
          continue;
        }
        const source = params
          .flatMap((p) => (p.kind === "args" && p.validateSettings !== false ? [fieldSource(p.getType() as Function, arg.name)] : []))
          .find((s) => s !== null);
        if (!source) problems.push(`${where}: not from a validated @ArgsType class`);
        else if (!hasMaxLength(source.target, source.property)) problems.push(`${where}: String without @MaxLength`);
      }
    }
  }
  return problems.sort();
}

describe("schema guards", () => {
  let schema: GraphQLSchema;
  let roots: { kind: "query" | "mutation"; type: GraphQLObjectType }[];
  beforeAll(async () => {
    schema = await buildAppSchema();
    roots = [
      { kind: "query" as const, type: schema.getQueryType()! },
      { kind: "mutation" as const, type: schema.getMutationType()! },
    ].filter((r) => r.type);
  });

  it("every query, mutation and subscription declares who may call it", () => {
    const subscription = schema.getSubscriptionType();
    const all = [...roots.map((r) => r.type), ...(subscription ? [subscription] : [])].flatMap((t) => Object.values(t.getFields()));
    expect(all.length).toBeGreaterThan(10);
    const unguarded = all.filter((f) => f.extensions.auth === undefined).map((f) => f.name);
    expect(unguarded).toEqual([]);
  });

  it("every non-public root field is enforced by type-graphql's @Authorized on its own resolver method", () => {
    const storage = getMetadataStorage();
    // Match by resolver class and method, so a same-named field resolver elsewhere cannot stand in.
    const authorized = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
    const rootMethods = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
    const publicNames = new Set(roots.flatMap((r) => Object.values(r.type.getFields())).filter((f) => f.extensions.auth === "PUBLIC").map((f) => f.name));
    const labelledOnly = rootMethods
      .filter((m) => !publicNames.has(m.schemaName) && !authorized.has(`${m.target.name}.${m.methodName}`))
      .map((m) => m.schemaName);
    expect(rootMethods.length).toBeGreaterThan(10);
    expect(labelledOnly).toEqual([]);
  });

  it("anonymous callers get UNAUTHENTICATED from every non-public operation, before anything runs", async () => {
    const refusals: Record<string, string | undefined> = {};
    for (const { kind, type } of roots) {
      for (const field of Object.values(type.getFields())) {
        if (field.extensions.auth === "PUBLIC") continue;
        // No services in the context: reaching a resolver body would throw a TypeError, not UNAUTHENTICATED.
        const result = await execute({ schema, document: parse(operationFor(kind, field)), contextValue: anonymous() });
        refusals[field.name] = result.errors?.[0]?.originalError?.constructor.name === "AppError"
          ? (result.errors[0]!.originalError as { code?: string }).code
          : result.errors?.[0]?.message;
      }
    }
    expect(Object.keys(refusals).length).toBeGreaterThan(8);
    for (const [name, code] of Object.entries(refusals)) expect({ name, code }).toEqual({ name, code: "UNAUTHENTICATED" });
  });

  it("role-restricted operations refuse other roles with FORBIDDEN", async () => {
    let checked = 0;
    for (const { kind, type } of roots) {
      for (const field of Object.values(type.getFields())) {
        const allowed = field.extensions.auth;
        if (!Array.isArray(allowed)) continue;
        const outsider = (["WORKER", "EMPLOYER", "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER"] as Role[]).find((r) => !allowed.includes(r));
        if (!outsider) continue;
        const result = await execute({ schema, document: parse(operationFor(kind, field)), contextValue: as(outsider) });
        expect({ name: field.name, code: (result.errors?.[0]?.originalError as { code?: string } | undefined)?.code }).toEqual({ name: field.name, code: "FORBIDDEN" });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("every String or ID argument and input field has a maximum length that validation enforces", () => {
    expect(unboundedStrings(schema)).toEqual([]);
  });

  it("an over-long string is refused by validation before any resolver runs (argument, args class, nested input)", async () => {
    const long = "长".repeat(180_000);
    const walkIn = literalFor(schema.getType("RegisterWorkerInput") as GraphQLInputType).replace('skillCode: "x"', `skillCode: "${long}"`);
    const probes: [property: string, query: string, Context][] = [
      ["password", `mutation { login(phone: "13900000000", password: "${long}") { __typename } }`, anonymous()],
      ["reason", `mutation { suspendVenue(id: "00000000-0000-4000-8000-000000000000", reason: "${long}") { __typename } }`, as("COUNTY_OFFICER")],
      ["skillCode", `mutation { registerWalkInWorker(input: ${walkIn}) { __typename } }`, as("VENUE_STAFF")],
    ];
    type Failure = { property: string; constraints?: Record<string, string>; children?: Failure[] };
    const tooLong = (errors: Failure[]): string[] =>
      errors.flatMap((e) => [...(e.constraints?.maxLength || e.constraints?.isLength ? [e.property] : []), ...tooLong(e.children ?? [])]);
    for (const [property, query, contextValue] of probes) {
      // No services in the context: a resolver body would fail with a TypeError instead.
      const result = await execute({ schema, document: parse(query), contextValue });
      const error = result.errors?.[0]?.originalError;
      expect(error).toBeInstanceOf(ArgumentValidationError);
      expect(tooLong((error as ArgumentValidationError).extensions.validationErrors as Failure[])).toContain(property);
    }
  });

  it("the committed server/schema.graphql is up to date (run `pnpm schema:print`)", async () => {
    expect(await readFile(SCHEMA_FILE, "utf8")).toBe(printAppSchema(schema));
  });
});
