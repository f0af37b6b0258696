import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Context } from "./context.js";
import { assertNoNulBytes, assertQueryCost, rootFieldCount } from "./operation-checks.js";

/**
 * Refuses an operation before it executes when it costs more than `maxComplexity` or carries a NUL
 * character, and rate-limits writes per user (or per IP when anonymous): each root mutation field is
 * one write, so aliasing a mutation many times spends as many points (their number per request is capped
 * in validation, see operationShapeRule).
 */
export function limitsPlugin(schema: GraphQLSchema, maxComplexity: number, writeLimiter: RateLimiterAbstract): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue, operation }) {
          // Throwing here refuses the whole request: Apollo runs no resolver after a failed didResolveOperation.
          const variables = request.variables ?? {};
          assertNoNulBytes(document, variables);
          assertQueryCost(schema, document, request.operationName ?? undefined, variables, maxComplexity);
          if (operation?.operation === "mutation") {
            const { actor, meta } = contextValue.caller;
            const key = actor ? `user:${actor.userId}` : `ip:${meta.ip ?? "unknown"}`;
            try {
              await writeLimiter.consume(key, Math.max(1, rootFieldCount(document, operation)));
            } catch (err) {
              if (!(err instanceof RateLimiterRes)) throw err;
              throw new GraphQLError(`操作过于频繁，请 ${Math.ceil(err.msBeforeNext / 1000)} 秒后再试`, {
                extensions: { code: "RATE_LIMITED", http: { status: 429 } },
              });
            }
          }
        },
      };
    },
  };
}
