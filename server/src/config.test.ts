import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("applies development defaults and wraps the queue prefix in a Redis Cluster hash tag", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: "development", port: 4000, queuePrefix: "{qz}", trustProxy: false, isProduction: false });
    expect(c.piiEncryptionKey).toHaveLength(32);
  });

  it.each([
    ["false", false],
    ["0", false],
    ["true", true],
    ["1", true],
  ])("reads TRUST_PROXY=%s as %s", (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it("names every invalid variable at once", () => {
    expect(() => loadConfig({ PORT: "http", PII_ENCRYPTION_KEY: "c2hvcnQ=", TRUST_PROXY: "maybe" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "http", PII_ENCRYPTION_KEY: "c2hvcnQ=", TRUST_PROXY: "maybe" });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/PII_ENCRYPTION_KEY: must be 32 bytes/);
      expect((err as Error).message).toMatch(/TRUST_PROXY/);
    }
  });

  it("stays in single-node mode without the scale-out settings", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ redisClusterNodes: null, databaseReplicaUrl: null, databasePrepare: true });
  });

  it("reads Redis Cluster seed nodes, IPv6 in brackets included", () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: " 127.0.0.1:7401, localhost:7402,[::1]:7403 " });
    expect(c.redisClusterNodes).toEqual([
      { host: "127.0.0.1", port: 7401 },
      { host: "localhost", port: 7402 },
      { host: "::1", port: 7403 },
    ]);
    expect(loadConfig({ REDIS_CLUSTER_NODES: "" }).redisClusterNodes).toBeNull();
  });

  it.each(["127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", "redis://127.0.0.1:7401", "a:1,b"])("refuses REDIS_CLUSTER_NODES=%s", (value) => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(/REDIS_CLUSTER_NODES: comma-separated host:port/);
  });

  it("reads the replica URL and turns prepared statements off for pgbouncer", () => {
    const c = loadConfig({ DATABASE_REPLICA_URL: "postgres://postgres@127.0.0.1:7433/qz", DATABASE_PREPARE: "false" });
    expect(c).toMatchObject({ databaseReplicaUrl: "postgres://postgres@127.0.0.1:7433/qz", databasePrepare: false });
    expect(() => loadConfig({ DATABASE_REPLICA_URL: "replica-host" })).toThrow(/DATABASE_REPLICA_URL/);
    expect(() => loadConfig({ DATABASE_PREPARE: "sometimes" })).toThrow(/DATABASE_PREPARE/);
  });
});
