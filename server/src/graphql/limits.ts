import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "../errors.js";
import type { Context } from "./context.js";

/**
 * Refuses an operation before it executes when it costs more than `maxComplexity` (each field 1,
 * lists multiplied by their page size), and rate-limits writes per user (or per IP when anonymous).
 */
export function limitsPlugin(schema: GraphQLSchema, maxComplexity: number, writeLimiter: RateLimiterAbstract): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue, operation }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(`查询过于复杂：复杂度 ${complexity}，上限 ${maxComplexity}`, {
              extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 }, reasons: [{ code: "QUERY_TOO_COMPLEX", message: `complexity ${complexity} > ${maxComplexity}` }] },
            });
          }
          if (operation?.operation === "mutation") {
            const { actor, meta } = contextValue.caller;
            const key = actor ? `user:${actor.userId}` : `ip:${meta.ip ?? "unknown"}`;
            try {
              await writeLimiter.consume(key);
            } catch (err) {
              if (!(err instanceof RateLimiterRes)) throw err;
              const e = new AppError("RATE_LIMITED", `操作过于频繁，请 ${Math.ceil(err.msBeforeNext / 1000)} 秒后再试`);
              throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 429 } } });
            }
          }
        },
      };
    },
  };
}
