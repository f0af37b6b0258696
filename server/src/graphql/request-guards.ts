import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, visit, type DocumentNode, type GraphQLSchema, type ValidationRule } from "graphql";
import depthLimit from "graphql-depth-limit";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import type { Config } from "../config.js";

/** Validation rules every transport applies: the depth limit, and no introspection in production. */
export function validationRules(config: Pick<Config, "graphqlMaxDepth" | "isProduction">): ValidationRule[] {
  return [depthLimit(config.graphqlMaxDepth), ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : [])];
}

/** Refuses an operation whose cost (each field 1, lists times their page size) exceeds the limit. */
export function assertQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  max: number,
): void {
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (err) {
    // Costing coerces the variables first, so a malformed one (say, an id that is no UUID) surfaces here.
    throw new GraphQLError((err as Error).message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
  }
  if (complexity > max) {
    throw new GraphQLError(`查询过于复杂：复杂度 ${complexity}，上限 ${max}`, {
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 }, reasons: [{ code: "QUERY_TOO_COMPLEX", message: `complexity ${complexity} > ${max}` }] },
    });
  }
}

const hasNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : Array.isArray(value)
      ? value.some(hasNul)
      : value !== null && typeof value === "object" && Object.values(value).some(hasNul);

/** PostgreSQL text cannot hold NUL: refuse it in any argument up front instead of failing deep in a write. */
export function assertNoNulBytes(document: DocumentNode, variables: Record<string, unknown>): void {
  let found = hasNul(variables);
  if (!found) {
    visit(document, {
      [Kind.STRING]: (node) => {
        if (node.value.includes("\u0000")) found = true;
      },
    });
  }
  if (found) {
    throw new GraphQLError("输入中包含不允许的空字符 (U+0000)", {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 }, reasons: [{ code: "NUL_CHARACTER", message: "U+0000 is not allowed" }] },
    });
  }
}
