// Each test file gets its own database (cloned from the migrated template) and its own queue prefix.
import { randomUUID } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { Redis } from "ioredis";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { createApi, type Api } from "../app.js";
import { loadConfig, type Config } from "../config.js";
import { createDatabase, type Database } from "../db/client.js";
import { createDeps, type DepsHandle } from "../deps.js";
import type { Logger } from "../logger.js";
import { adminDatabaseUrl, databaseUrlFor, TEST_REDIS_URL } from "./test-env.js";

export interface TestEnv {
  config: Config;
  database: Database;
  /** Drops the database and every Redis key under the prefix. */
  cleanup(): Promise<void>;
}

/** A fresh database and queue prefix for one test file. */
export async function createTestEnv(env: Record<string, string> = {}): Promise<TestEnv> {
  const id = randomUUID().replaceAll("-", "").slice(0, 12);
  const name = `qz_test_${id}`;
  const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${inject("templateDatabase")}"`);
  await admin.end();
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATABASE_URL: databaseUrlFor(name),
    DATABASE_POOL_MAX: "5",
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `t${id}`,
    PORT: "0",
    OUTBOX_POLL_MS: "20",
    ...env,
  });
  const database = createDatabase(config.databaseUrl, 3);
  return {
    config,
    database,
    async cleanup() {
      await database.close();
      await deleteRedisPrefix(config.redisUrl, config.queuePrefix);
      const admin2 = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
      await admin2.unsafe(`drop database if exists "${name}" with (force)`);
      await admin2.end();
    },
  };
}

async function deleteRedisPrefix(url: string, prefix: string) {
  const redis = new Redis(url);
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await redis.quit();
}

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reasons?: { code: string; field?: string; message: string }[]; stacktrace?: unknown } }[];
  status: number;
}

/**
 * An operation: a typed document from `graphql()` in ./gql (generated from server/schema.graphql by
 * `pnpm codegen`, so results and variables are checked against the schema), or a raw string for tests of
 * the transport itself (malformed, hostile or deliberately invalid queries).
 */
export type Operation<T, V> = TypedDocumentNode<T, V> | string;

export interface TestApi extends TestEnv {
  api: Api;
  url: string;
  /** POSTs an operation; `token` becomes the bearer access token. */
  gql<T = Record<string, any>, V = Record<string, unknown>>(query: Operation<T, V>, variables?: V, token?: string): Promise<GraphQLResult<T>>;
  /** Like gql but throws on any GraphQL error, returning data. */
  ok<T = Record<string, any>, V = Record<string, unknown>>(query: Operation<T, V>, variables?: V, token?: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts a real API (express + Apollo) on a free port over the test file's own database. With `sharing`, it
 * is a second API process over that env's database and Redis prefix (`env` is ignored); closing it leaves the env.
 */
export async function startTestApi(
  env: Record<string, string> = {},
  { sharing, ...options }: { now?: () => Date; onQuery?: (query: string) => void; sharing?: TestEnv } = {},
): Promise<TestApi> {
  const testEnv = sharing ?? (await createTestEnv(env));
  const api = await createApi(testEnv.config, options);
  const url = await api.listen();
  const gql = async <T, V>(query: Operation<T, V>, variables?: V, token?: string): Promise<GraphQLResult<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: typeof query === "string" ? query : print(query), variables }),
    });
    return { ...((await res.json()) as object), status: res.status };
  };
  return {
    ...testEnv,
    api,
    url,
    gql,
    async ok<T, V>(query: Operation<T, V>, variables?: V, token?: string) {
      const result = await gql<T, V>(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async close() {
      await api.close();
      if (!sharing) await testEnv.cleanup();
    },
  };
}

/** A test file's own database and deps (with `logger`), made before its tests and closed after them; `use` receives them. */
export function useTestDeps(logger: Logger, use: (env: TestEnv, handle: DepsHandle) => void): void {
  let env: TestEnv | undefined;
  let handle: DepsHandle | undefined;
  beforeAll(async () => {
    env = await createTestEnv();
    handle = createDeps(env.config, { logger });
    use(env, handle);
  });
  afterAll(async () => {
    await handle?.close();
    await env?.cleanup();
  });
}
