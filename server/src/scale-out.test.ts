// The scale-out settings on the ordinary single PostgreSQL and Redis the suite runs on: what falls back,
// and what pgbouncer's transaction mode needs (no named prepared statements). The topology itself is
// exercised by scripts/topology and scripts/drills.
import { Cluster, Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { createDatabase } from "./db/client.js";
import { createDeps } from "./deps.js";
import { createRedis } from "./redis.js";
import { createTestEnv, type TestEnv } from "./testing/test-app.js";
import { adminDatabaseUrl } from "./testing/test-env.js";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.cleanup());

describe("read replica routing", () => {
  it("sends stale-tolerant reads to the primary when no replica is configured", async () => {
    const handle = createDeps(env.config, { name: "test" });
    try {
      expect(handle.deps.readDb).toBe(handle.deps.db);
    } finally {
      await handle.close();
    }
  });

  it("opens a separate pool on DATABASE_REPLICA_URL for readDb and keeps writes on the primary", async () => {
    // Any other database stands in for the replica: which one answers shows where each pool points.
    const replicaUrl = adminDatabaseUrl();
    const config = loadConfig({ ...envOf(env), DATABASE_REPLICA_URL: replicaUrl });
    const handle = createDeps(config, { name: "test" });
    try {
      const name = async (db: typeof handle.deps.db) => ((await db.execute<{ d: string }>("select current_database() as d")) as unknown as { d: string }[])[0]!.d;
      expect(await name(handle.deps.readDb)).toBe(new URL(replicaUrl).pathname.slice(1));
      expect(await name(handle.deps.db)).toBe(new URL(env.config.databaseUrl).pathname.slice(1));
    } finally {
      await handle.close();
    }
  });
});

describe("pgbouncer transaction mode", () => {
  const preparedOnConnection = async (prepare: boolean) => {
    // One connection, so the count below sees the statements this client sent.
    const database = createDatabase(env.config.databaseUrl, 1, { prepare });
    try {
      for (const id of [1, 2, 3]) {
        const rows = await database.sql`select ${id}::int + 1 as n`;
        expect(rows[0]!.n).toBe(id + 1);
      }
      // Inside a transaction too, as the services run their writes.
      const inTx = await database.sql.begin((tx) => tx`select count(*)::int as c from pg_prepared_statements`);
      return inTx[0]!.c as number;
    } finally {
      await database.close();
    }
  };

  it("DATABASE_PREPARE=false leaves no named prepared statement on the server connection", async () => {
    expect(await preparedOnConnection(false)).toBe(0);
    // The default does prepare: the count above is not zero by accident.
    expect(await preparedOnConnection(true)).toBeGreaterThan(0);
  });

  it("runs the services' transactions with prepare off", async () => {
    const config = loadConfig({ ...envOf(env), DATABASE_PREPARE: "false" });
    expect(config.databasePrepare).toBe(false);
    const handle = createDeps(config, { name: "test" });
    try {
      const rows = await handle.deps.db.transaction(async (tx) => {
        await tx.execute("select pg_advisory_xact_lock(42)");
        return tx.execute<{ n: number }>("select count(*)::int as n from regions");
      });
      expect((rows as unknown as { n: number }[])[0]!.n).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});

describe("Redis connections", () => {
  it("is a plain client of REDIS_URL by default and answers", async () => {
    const redis = createRedis(env.config);
    try {
      expect(redis).toBeInstanceOf(Redis);
      expect(await redis.ping()).toBe("PONG");
    } finally {
      redis.disconnect();
    }
  });

  it("is a cluster client of the seed nodes when REDIS_CLUSTER_NODES is set", () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: "127.0.0.1:7401,127.0.0.1:7402" });
    const redis = createRedis(config, { lazyConnect: true, maxRetriesPerRequest: null });
    try {
      expect(redis).toBeInstanceOf(Cluster);
      const cluster = redis as Cluster;
      // The seed list is private in ioredis's types; reading it checks what the cluster was given.
      expect((cluster as unknown as { startupNodes: unknown }).startupNodes).toEqual([
        { host: "127.0.0.1", port: 7401 },
        { host: "127.0.0.1", port: 7402 },
      ]);
      expect(cluster.options.redisOptions?.maxRetriesPerRequest).toBeNull();
      expect(cluster.status).toBe("wait");
    } finally {
      redis.disconnect();
    }
  });
});

/** The variables the test env was built from, so a variant config differs in one setting only. */
function envOf(e: TestEnv): Record<string, string> {
  return {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: e.config.databaseUrl,
    REDIS_URL: e.config.redisUrl,
    QUEUE_PREFIX: e.config.queuePrefix.slice(1, -1),
  };
}
