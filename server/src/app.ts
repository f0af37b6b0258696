import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "@graphql-yoga/subscription";
import express, { type ErrorRequestHandler, type Request } from "express";
import { GraphQLError } from "graphql";
import { pinoHttp } from "pino-http";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { WebSocketServer } from "ws";
import type { Config } from "./config.js";
import { createDeps, type Deps } from "./deps.js";
import { AppError } from "./errors.js";
import type { Context } from "./graphql/context.js";
import { createErrorFormatter, loggableError } from "./graphql/errors.js";
import { graphiqlPage } from "./graphql/graphiql.js";
import { graphqlPostHandler } from "./graphql/http-handler.js";
import { limitsPlugin } from "./graphql/limits-plugin.js";
import { PARSE_OPTIONS, validationRules } from "./graphql/operation-checks.js";
import { originAllowed, serveSubscriptions } from "./graphql/subscriptions.js";
import { createLoaders } from "./graphql/loaders.js";
import { buildAppSchema } from "./graphql/schema.js";
import { healthHandler } from "./http/health.js";
import { createMetrics } from "./http/metrics.js";
import { mountQueueDashboard } from "./modules/queues/queues.http.js";
import type { Logger } from "./logger.js";
import { evidenceRouter } from "./modules/complaint/evidence.routes.js";
import { verifyAccessToken } from "./modules/identity/access-token.js";
import type { Actor, Caller } from "./access/actor.js";
import { createServices } from "./services.js";
import { createRedis } from "./redis.js";
import { mountContractRoutes } from "./modules/contract/contract.http.js";
import { mountExportRoutes } from "./modules/report/export.http.js";

/** Largest request body or WebSocket message: the same bound on both transports. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface Api {
  server: Server;
  deps: Deps;
  /** Listens on config.port (0 picks a free one) and resolves the bound URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Builds the API process: express with health, metrics, GraphQL (HTTP + WebSocket) and the admin build. */
export async function createApi(
  config: Config,
  options: { logger?: Logger; now?: () => Date; onQuery?: (query: string) => void } = {},
): Promise<Api> {
  const handle = createDeps(config, { name: "api", ...options });
  const { deps } = handle;
  const { logger, redis } = deps;
  // Pub/sub over Redis (a cluster broadcasts PUBLISH to every node), so an event raised on one API process reaches subscribers on all.
  const publishClient = createRedis(config);
  const subscribeClient = createRedis(config);
  for (const client of [publishClient, subscribeClient]) client.on("error", (err) => logger.warn({ err: err.message }, "redis error"));
  const services = createServices(deps);
  const pubSub = createPubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  const schema = await buildAppSchema(pubSub);
  const metrics = createMetrics();

  const app = express();
  app.disable("x-powered-by");
  // No ETag: GraphQL answers are POST responses nobody revalidates, and hashing every body costs CPU per request.
  app.set("etag", false);
  app.set("trust proxy", config.trustProxy);
  // POST /graphql with a plain JSON body skips express (graphqlPost, set once Apollo has started); the rest is express's.
  let graphqlPost: ((req: IncomingMessage, res: ServerResponse) => boolean) | null = null;
  const server = createServer((req, res) => {
    if (!graphqlPost?.(req, res)) app(req, res);
  });

  const formatError = createErrorFormatter(logger, { hideSuggestions: config.isProduction });
  const wsServer = new WebSocketServer({
    server,
    path: "/graphql",
    // ws buffers a whole message before graphql-ws sees it: without a cap one 20 MiB frame exhausted the heap.
    maxPayload: MAX_BODY_BYTES,
    verifyClient: ({ req }: { req: import("node:http").IncomingMessage }) => originAllowed(req, config.allowedOrigins),
  });
  const wsCleanup = serveSubscriptions(wsServer, {
    schema,
    config,
    formatError,
    authenticate: actorFrom,
    context: (actor, request) => contextFor(actor, { requestId: randomUUID(), ...request }),
  });

  const writeLimiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.queuePrefix}:writes`, points: config.writeRateLimit, duration: 60 });
  const operationMetrics: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors }) {
          metrics.graphqlOperations.inc({ type: operation?.operation ?? "unknown", outcome: errors?.length ? "error" : "ok" });
        },
      };
    },
  };
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.isProduction,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !config.isProduction,
    validationRules: validationRules(config),
    parseOptions: PARSE_OPTIONS,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL answers here, so skip the per-field cache-hint bookkeeping.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(schema, config.graphqlMaxComplexity, writeLimiter),
      operationMetrics,
    ],
  });
  await apollo.start();
  await deps.sessionRevocations.start();

  async function actorFrom(authorization: string): Promise<Actor> {
    const match = /^Bearer\s+(.+)$/i.exec(authorization);
    if (!match) throw new AppError("UNAUTHENTICATED", "Authorization 头格式应为 Bearer <token>");
    return verifyAccessToken(match[1]!, config.jwtSecret, deps.now(), deps.sessionRevocations);
  }

  function contextFor(actor: Actor | null, meta: Caller["meta"]): Context {
    return { caller: { actor, meta }, services, loaders: createLoaders(deps.db), now: deps.now() };
  }

  const requestId = (req: IncomingMessage, res: ServerResponse) => {
    const id = (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].slice(0, 64)) || randomUUID();
    res.setHeader("x-request-id", id);
    return id;
  };
  graphqlPost = graphqlPostHandler({
    apollo,
    maxBodyBytes: MAX_BODY_BYTES,
    trustProxy: app.get("trust proxy fn"),
    requestId,
    context: async (req, meta) => {
      const auth = req.headers.authorization;
      // A bad or expired token fails the request, so the client knows to refresh rather than act anonymously.
      return contextFor(auth ? await actorFrom(auth).catch(rethrowAsGraphQL) : null, meta);
    },
    finished(req, res, id, startedAt) {
      metrics.record(req.method!, "/graphql", res.statusCode, startedAt);
      if (logger.isLevelEnabled("info")) {
        const responseTime = Math.round(Number(process.hrtime.bigint() - startedAt) / 1e6);
        logger.info({ req: { id, method: req.method, url: req.url }, res: { statusCode: res.statusCode }, responseTime }, "request completed");
      }
    },
    writeError: (res, status) => writeJsonError(res, status),
    logger,
  });
  if (logger.isLevelEnabled("info")) {
    app.use(
      pinoHttp({
        logger,
        genReqId: requestId,
        autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/metrics" },
        // Method, path and id are enough to follow a request; headers may carry tokens and personal data.
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      }),
    );
  } else {
    // Request lines are not logged above info: keep only the request id (pino-http cost ~2 % of CPU per request).
    app.use((req, res, next) => {
      req.id = requestId(req, res);
      next();
    });
  }
  app.use(metrics.middleware);
  app.get("/healthz", healthHandler(handle.sql, redis));
  app.get("/metrics", (req, res) => metrics.handler(req, res));
  if (!config.isProduction) {
    app.get("/graphql", (req, res, next) => {
      if (req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.query) res.type("html").send(graphiqlPage());
      else next();
    });
  }
  app.use(
    "/graphql",
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }: { req: Request }) => {
        const meta = { requestId: String(req.id), ip: req.ip ?? null, userAgent: req.get("user-agent") ?? null };
        const auth = req.get("authorization");
        // A bad or expired token fails the request, so the client knows to refresh rather than act anonymously.
        return contextFor(auth ? await actorFrom(auth).catch(rethrowAsGraphQL) : null, meta);
      },
    }),
  );
  const closeQueueDashboard = mountQueueDashboard(app, deps, services.queues);
  mountContractRoutes(app, services.contracts);
  mountExportRoutes(app, services.exportLinks, logger);
  app.use(evidenceRouter({ services, config, authenticate: actorFrom }));
  if (config.adminDist && existsSync(join(config.adminDist, "index.html"))) {
    app.use(express.static(config.adminDist, { index: "index.html", maxAge: "1h" }));
    // The phone pages (/m/…) are a second entry with their own index.html; everything else is the console.
    const mobileIndex = join(config.adminDist, "m", "index.html");
    app.get(/^\/m(\/.*)?$/, (_req, res, next) => (existsSync(mobileIndex) ? res.sendFile(mobileIndex) : next()));
    app.get(/^\/(?!graphql|healthz|metrics).*/, (_req, res) => res.sendFile(join(config.adminDist, "index.html")));
  }
  app.use(jsonErrors(logger));

  return {
    server,
    deps,
    async listen() {
      await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      return `http://${config.host}:${port}`;
    },
    async close() {
      await apollo.stop();
      await closeQueueDashboard();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // quit() waits for a reply that never comes while Redis is down; disconnect() does not.
      await Promise.allSettled([publishClient, subscribeClient].map((c) => (c.status === "ready" ? c.quit() : c.disconnect())));
      await handle.close();
    },
  };
}

/**
 * Body-parser and other middleware errors as a GraphQL-shaped JSON body instead of express's HTML page:
 * clients get a typed code, and the message never echoes the body (a JSON syntax error quotes it).
 */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const status: number = typeof err?.status === "number" && err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) (req.log ?? logger).error({ error: loggableError(err) }, "unhandled error in HTTP middleware");
    writeJsonError(res, status);
  };
}

function writeJsonError(res: ServerResponse, status: number): void {
  const [code, message] =
    status === 413
      ? ["PAYLOAD_TOO_LARGE", `请求体过大，上限 ${MAX_BODY_BYTES / 1024 / 1024} MB`]
      : status === 415
        ? ["UNSUPPORTED_MEDIA_TYPE", "不支持的请求编码或字符集，请使用 UTF-8 的 application/json"]
        : status < 500
          ? ["BAD_REQUEST", "请求体无法解析，请发送有效的 JSON"]
          : ["INTERNAL", "服务器内部错误"];
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function rethrowAsGraphQL(err: unknown): never {
  if (err instanceof AppError) throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: 401 } } });
  throw err;
}
