import type { IncomingMessage } from "node:http";
import { GraphQLError, getOperationAST, parse, validate, specifiedRules, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { WebSocketServer } from "ws";
import type { Config } from "../config.js";
import type { Actor } from "../access/actor.js";
import type { Context } from "./context.js";
import { assertNoNulBytes, assertQueryCost, PARSE_OPTIONS, validationRules } from "./operation-checks.js";

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  config: Config;
  /** Verifies the connection's `authorization` parameter ("Bearer <token>"); rejects when it is not valid. */
  authenticate: (authorization: string) => Promise<Actor>;
  /** Builds an operation's context for an authenticated actor. */
  context: (actor: Actor, request: { ip: string | null; userAgent: string | null }) => Context;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** graphql-ws close codes (its CloseCode enum is not exported from the ws entry point). */
const UNAUTHORIZED = 4401;

const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

/**
 * Whether a WebSocket upgrade may proceed: browsers always send Origin, so a page on another site (which
 * could otherwise ride the user's network position, CSWSH) is refused unless it is the server's own host
 * or listed in ALLOWED_ORIGINS. Non-browser clients send no Origin and are let through to authenticate.
 */
export function originAllowed(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.host === request.headers.host || allowedOrigins.includes(url.origin);
}

/**
 * graphql-ws on the /graphql path, for subscriptions only: queries and mutations must use HTTP, where
 * CSRF prevention and write limits apply. A connection must carry a valid access token in connection_init
 * (else it is closed with 4401); subscriptions get the same parse, validation, cost and NUL checks and the
 * same error formatting as HTTP. The caller sets `maxPayload` and the origin check on the WebSocketServer.
 */
export function serveSubscriptions(wsServer: WebSocketServer, { schema, config, authenticate, context, formatError }: SubscriptionServerOptions) {
  const rules = [...specifiedRules, ...validationRules(config)];
  // Give graphql's own errors the codes Apollo gives them on HTTP, so both transports answer alike.
  const typed = (errors: readonly GraphQLError[], code: string) =>
    errors.map((e) =>
      typeof e.extensions.code === "string"
        ? e
        : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, originalError: e, extensions: { ...e.extensions, code } }),
    );
  const actors = new WeakMap<object, Actor>();
  return useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const actor = typeof authorization === "string" ? await authenticate(authorization).catch(() => null) : null;
        if (!actor) {
          // 4401 tells the client to log in (or refresh) rather than retry as it would after 4403.
          ctx.extra.socket.close(UNAUTHORIZED, "Unauthorized");
          return false;
        }
        actors.set(ctx, actor);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, PARSE_OPTIONS);
        } catch (err) {
          return typed([err as GraphQLError], "GRAPHQL_PARSE_FAILED");
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return refuse("找不到要执行的操作", "BAD_USER_INPUT");
        if (operation.operation !== "subscription") return refuse("WebSocket 只用于订阅；查询和变更请通过 HTTP 发送", "BAD_REQUEST");
        const errors = validate(schema, document, rules);
        if (errors.length) return typed(errors, "GRAPHQL_VALIDATION_FAILED");
        const variables = payload.variables ?? {};
        try {
          assertNoNulBytes(document, variables);
          assertQueryCost(schema, document, payload.operationName ?? undefined, variables, config.graphqlMaxComplexity);
        } catch (err) {
          return typed([err as GraphQLError], "BAD_USER_INPUT");
        }
        // The token was checked at connection_init; it may have expired since, so check it per operation.
        const authorization = ctx.connectionParams?.authorization;
        const actor = typeof authorization === "string" ? await authenticate(authorization).catch(() => null) : null;
        if (!actor || actor.userId !== actors.get(ctx)?.userId) return refuse("访问令牌无效或已过期，请重新登录", "UNAUTHENTICATED");
        const request = ctx.extra.request;
        const contextValue = context(actor, { ip: request.socket.remoteAddress ?? null, userAgent: request.headers["user-agent"] ?? null });
        return { schema, document, variableValues: variables, operationName: payload.operationName, contextValue };
      },
      // Errors sent as an `error` message (refusals above) go through the same formatter as HTTP's.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
    },
    wsServer,
  );
}
