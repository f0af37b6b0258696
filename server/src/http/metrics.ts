import type { NextFunction, Request, Response } from "express";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one API process, in its own registry so several apps can share a test process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const graphqlOperations = new Counter({
    name: "graphql_operations_total",
    // No operation-name label: clients choose names, and each new one would be a series kept forever.
    help: "GraphQL operations by type and outcome",
    labelNames: ["type", "outcome"] as const,
    registers: [registry],
  });
  return {
    registry,
    graphqlOperations,
    /** Times every request; the route label is the path without ids, so its cardinality stays bounded. */
    middleware(req: Request, res: Response, next: NextFunction) {
      const end = httpDuration.startTimer({ method: req.method });
      res.on("finish", () => {
        const route = req.path.startsWith("/graphql") ? "/graphql" : ["/healthz", "/metrics"].includes(req.path) ? req.path : "other";
        end({ route, status: String(res.statusCode) });
      });
      next();
    },
    /** The same timing for a request served outside express (POST /graphql, see graphql/http-handler.ts). */
    record(method: string, route: string, status: number, startedAt: bigint) {
      httpDuration.observe({ method, route, status: String(status) }, Number(process.hrtime.bigint() - startedAt) / 1e9);
    },
    async handler(_req: Request, res: Response) {
      res.set("Content-Type", registry.contentType).send(await registry.metrics());
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
