import {
  getNamedType,
  isLeafType,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  TypeInfo,
  ValidationContext,
  visit,
  visitInParallel,
  visitWithTypeInfo,
  type DocumentNode,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import type { Config } from "../config.js";

/**
 * Parser limits for every transport. The largest operation the admin console sends is a few hundred
 * tokens; the cap keeps a 1 MB body of `{a a a …}` (half a million tokens) from costing a parse.
 */
export const PARSE_OPTIONS: ParseOptions = { maxTokens: 10_000 };

/** Query root fields per operation: a page of the console asks for a handful; aliasing hundreds is an attack. */
export const MAX_ROOT_FIELDS = 30;

type RuleConfig = Pick<Config, "graphqlMaxDepth" | "graphqlMaxComplexity" | "graphqlMaxRootMutations" | "isProduction">;

/**
 * Validation rules every transport applies after graphql's `specifiedRules`: introspection off in
 * production, and the operation shape (depth, root fields, size), which only runs on an otherwise valid
 * document so that it can trust fragments to exist and not to cycle.
 */
export function validationRules(config: RuleConfig): ValidationRule[] {
  return [...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : []), afterSpecifiedRules([operationShapeRule(config)])];
}

/**
 * Wraps `rules` so they run only when every rule before this one (graphql's own, in Apollo's and our
 * validate calls) reported nothing. Must come last in the rule list.
 */
export function afterSpecifiedRules(rules: ValidationRule[]): ValidationRule {
  return (context) => {
    let invalid = false;
    const report = context.reportError.bind(context);
    context.reportError = (error) => {
      invalid = true;
      report(error);
    };
    return {
      Document: {
        // The parallel visitor leaves Document in rule order, so every earlier rule has reported by now.
        leave(document) {
          if (invalid) return;
          const schema = context.getSchema();
          const typeInfo = new TypeInfo(schema);
          const inner = new ValidationContext(schema, document, typeInfo, report);
          visit(document, visitWithTypeInfo(typeInfo, visitInParallel(rules.map((rule) => rule(inner)))));
        },
      },
    };
  };
}

const refusal = (message: string, code: string, detail: string, node?: OperationDefinitionNode) =>
  new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 }, reasons: [{ code, message: detail }] },
  });

interface Shape {
  /** Nesting below this selection set; leaves count 0 (as graphql-depth-limit counted), introspection fields are not counted. */
  depth: number;
  /** Fields selected once fragments are expanded, aliases included. */
  fields: number;
  /** Fields at this selection set's own level, through fragments (each root field is one resolver run). */
  roots: number;
}

/**
 * Measures selection sets with fragments expanded and memoised: a chain of fragments each spreading the
 * next twice costs linear time here instead of the exponential time of a naive walk. Meant for valid
 * documents; an unknown or cyclic fragment counts as empty rather than looping.
 */
function shapeMeasurer(document: DocumentNode): (selectionSet: SelectionSetNode) => Shape {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const memo = new Map<string, Shape>();
  const empty: Shape = { depth: 0, fields: 0, roots: 0 };
  const measure = (selectionSet: SelectionSetNode): Shape => {
    const shape = { ...empty };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        shape.fields += 1;
        if (selection.name.value === "__typename") continue;
        shape.roots += 1;
        if (selection.name.value.startsWith("__") || !selection.selectionSet) continue;
        const inner = measure(selection.selectionSet);
        shape.depth = Math.max(shape.depth, inner.depth + 1);
        shape.fields += inner.fields;
        continue;
      }
      let inner: Shape;
      if (selection.kind === Kind.INLINE_FRAGMENT) inner = measure(selection.selectionSet);
      else {
        const name = selection.name.value;
        inner = memo.get(name) ?? empty;
        const fragment = fragments.get(name);
        if (!memo.has(name) && fragment) {
          memo.set(name, empty); // a cycle (refused by validation anyway) ends here
          inner = measure(fragment.selectionSet);
          memo.set(name, inner);
        }
      }
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.fields += inner.fields;
      shape.roots += inner.roots;
    }
    return shape;
  };
  return measure;
}

/** Depth, root fields and size of each operation. Runs on valid documents only (see afterSpecifiedRules). */
export function operationShapeRule(config: Pick<RuleConfig, "graphqlMaxDepth" | "graphqlMaxComplexity" | "graphqlMaxRootMutations">): ValidationRule {
  return (context) => {
    const measure = shapeMeasurer(context.getDocument());
    return {
      OperationDefinition(operation) {
        const name = operation.name?.value ?? "";
        const shape = measure(operation.selectionSet);
        if (shape.depth > config.graphqlMaxDepth) {
          context.reportError(
            refusal(`查询嵌套过深：深度 ${shape.depth}，上限 ${config.graphqlMaxDepth}`, "QUERY_TOO_DEEP", `'${name}' exceeds maximum operation depth of ${config.graphqlMaxDepth}`, operation),
          );
        }
        const maxRoots = operation.operation === "mutation" ? config.graphqlMaxRootMutations : MAX_ROOT_FIELDS;
        if (shape.roots > maxRoots) {
          context.reportError(
            refusal(`一次请求最多包含 ${maxRoots} 个顶层${operation.operation === "mutation" ? "变更" : "字段"}，本次 ${shape.roots} 个`, "TOO_MANY_ROOT_FIELDS", `${shape.roots} root fields > ${maxRoots}`, operation),
          );
        }
        // Every field costs at least 1 in assertQueryCost, so a larger operation could never pass it anyway.
        if (shape.fields > config.graphqlMaxComplexity) {
          context.reportError(
            refusal(`查询包含的字段过多：${shape.fields} 个，上限 ${config.graphqlMaxComplexity}`, "TOO_MANY_FIELDS", `${shape.fields} fields > ${config.graphqlMaxComplexity}`, operation),
          );
        }
      },
    };
  };
}

/**
 * Root fields of an operation with root-level fragments expanded (aliases and @skip'd ones included,
 * erring towards more). Each is a resolver run: the write limiter charges one point per mutation field.
 */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  return shapeMeasurer(document)(operation.selectionSet).roots;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });

/** A field estimate below zero or not finite means an argument the resolver would refuse: refuse the whole operation now. */
const checked =
  (estimator: ComplexityEstimator): ComplexityEstimator =>
  (args) => {
    const cost = estimator(args);
    if (typeof cost === "number" && !(Number.isFinite(cost) && cost >= 0)) throw badInput(`字段 ${args.field.name} 的参数无效`);
    return cost;
  };

/**
 * A scalar or enum field costs nothing unless it declares a cost: it is a property of a row already loaded.
 * Cost follows the work a request can cause (objects and lists, pages times their size), so a console
 * table of 100 rows × 14 columns is cheap while aliasing pages of nested lists is not.
 */
const freeLeaves: ComplexityEstimator = ({ field }) => (isLeafType(getNamedType(field.type)) ? 0 : undefined);

/** Refuses an operation whose cost (objects and lists 1, pages times their size, scalars free) exceeds the limit. */
export function assertQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  max: number,
): void {
  // An operation without variables costs the same every time: cost it once per parsed document (Apollo
  // hands back the same DocumentNode for the same query text). With variables it is costed per request.
  const constant = !hasVariables(document, operationName);
  const cached = constant ? constantCosts.get(document)?.get(operationName ?? "") : undefined;
  const complexity = cached ?? costOf(schema, document, operationName, variables);
  if (constant && cached === undefined) {
    const byName = constantCosts.get(document) ?? new Map<string, number>();
    byName.set(operationName ?? "", complexity);
    constantCosts.set(document, byName);
  }
  if (complexity > max) {
    throw new GraphQLError(`查询过于复杂：复杂度 ${complexity}，上限 ${max}`, {
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 }, reasons: [{ code: "QUERY_TOO_COMPLEX", message: `complexity ${complexity} > ${max}` }] },
    });
  }
}

const constantCosts = new WeakMap<DocumentNode, Map<string, number>>();

function hasVariables(document: DocumentNode, operationName: string | undefined): boolean {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  // Unknown operation: let getComplexity report it, uncached.
  return !operation || (operation.variableDefinitions?.length ?? 0) > 0;
}

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [checked(fieldExtensionsEstimator()), freeLeaves, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (err) {
    // Costing coerces the variables first, so a malformed one (say, an id that is no UUID) surfaces here;
    // a typed refusal (pageComplexity, a bounded scalar) keeps its code and reasons. Either way it is the client's 400.
    const extensions = err instanceof GraphQLError ? err.extensions : {};
    throw new GraphQLError((err as Error).message, {
      extensions: { ...extensions, code: typeof extensions.code === "string" ? extensions.code : "BAD_USER_INPUT", http: { status: 400 } },
    });
  }
}

// A document's literals never change: scan each parsed document once.
const nulInDocument = new WeakMap<DocumentNode, boolean>();
function documentHasNul(document: DocumentNode): boolean {
  let found = nulInDocument.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.STRING]: (node) => {
        if (node.value.includes("\u0000")) found = true;
      },
    });
    nulInDocument.set(document, found);
  }
  return found;
}

const hasNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : Array.isArray(value)
      ? value.some(hasNul)
      : value !== null && typeof value === "object" && Object.values(value).some(hasNul);

/** PostgreSQL text cannot hold NUL: refuse it in any argument up front instead of failing deep in a write. */
export function assertNoNulBytes(document: DocumentNode, variables: Record<string, unknown>): void {
  if (hasNul(variables) || documentHasNul(document)) {
    throw new GraphQLError("输入中包含不允许的空字符 (U+0000)", {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 }, reasons: [{ code: "NUL_CHARACTER", message: "U+0000 is not allowed" }] },
    });
  }
}
