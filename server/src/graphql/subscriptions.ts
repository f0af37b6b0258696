import { GraphQLError, getOperationAST, parse, validate, specifiedRules, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { WebSocketServer } from "ws";
import type { Config } from "../config.js";
import type { Context } from "./context.js";
import { assertNoNulBytes, assertQueryCost, validationRules } from "./request-guards.js";

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  config: Config;
  /** Builds the context from the connection's `authorization` parameter. */
  context: (authorization: unknown, request: { ip: string | null; userAgent: string | null }) => Promise<Context>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

/**
 * graphql-ws on the /graphql path, for subscriptions only: queries and mutations must use HTTP, where
 * CSRF prevention and write limits apply. Subscriptions get the same depth, cost and NUL checks and the
 * same error formatting as HTTP.
 */
export function serveSubscriptions(wsServer: WebSocketServer, { schema, config, context, formatError }: SubscriptionServerOptions) {
  const rules = [...specifiedRules, ...validationRules(config)];
  return useServer(
    {
      schema,
      onSubscribe: async (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return refuse("找不到要执行的操作", "BAD_USER_INPUT");
        if (operation.operation !== "subscription") return refuse("WebSocket 只用于订阅；查询和变更请通过 HTTP 发送", "BAD_REQUEST");
        const errors = validate(schema, document, rules);
        if (errors.length) return errors;
        const variables = payload.variables ?? {};
        try {
          assertNoNulBytes(document, variables);
          assertQueryCost(schema, document, payload.operationName ?? undefined, variables, config.graphqlMaxComplexity);
        } catch (err) {
          return [err as GraphQLError];
        }
        const request = ctx.extra.request;
        const contextValue = await context(ctx.connectionParams?.authorization, {
          ip: request.socket.remoteAddress ?? null,
          userAgent: request.headers["user-agent"] ?? null,
        });
        return { schema, document, variableValues: variables, operationName: payload.operationName, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
    },
    wsServer,
  );
}
