import type { Request, Response } from "express";
import type { RedisClient } from "../redis.js";
import type postgres from "postgres";

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

async function probe(check: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(check(), 2000);
    return "ok";
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

/** GET /healthz: 200 when PostgreSQL and Redis both answer, 503 otherwise. */
export function healthHandler(sql: postgres.Sql, redis: RedisClient) {
  return async (_req: Request, res: Response) => {
    const [pg, rd] = await Promise.all([probe(() => sql`select 1`), probe(() => redis.ping())]);
    const ok = pg === "ok" && rd === "ok";
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "degraded", postgres: pg, redis: rd });
  };
}
