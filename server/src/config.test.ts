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

  it("stores evidence on local disk by default, under UPLOAD_DIR", () => {
    expect(loadConfig({ UPLOAD_DIR: "/srv/evidence" }).evidenceStorage).toEqual({ kind: "local", dir: "/srv/evidence" });
  });

  it("refuses to start with EVIDENCE_STORAGE=s3 and a required S3 setting missing, naming each", () => {
    expect(() => loadConfig({ EVIDENCE_STORAGE: "s3", S3_BUCKET: "evidence", S3_REGION: "cn-south-1" })).toThrow(ConfigError);
    expect(() => loadConfig({ EVIDENCE_STORAGE: "s3", S3_BUCKET: "evidence", S3_REGION: "cn-south-1" })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ EVIDENCE_STORAGE: "s3" })).toThrow(/S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ EVIDENCE_STORAGE: "gcs" })).toThrow(/EVIDENCE_STORAGE/);
  });

  it("reads the S3 settings when EVIDENCE_STORAGE=s3 (the endpoint is optional: AWS's own)", () => {
    const s3 = { EVIDENCE_STORAGE: "s3", S3_BUCKET: "qz-evidence", S3_REGION: "cn-south-1", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };
    expect(loadConfig(s3).evidenceStorage).toEqual({ kind: "s3", endpoint: null, bucket: "qz-evidence", region: "cn-south-1", accessKeyId: "id", secretAccessKey: "secret", forcePathStyle: false });
    expect(loadConfig({ ...s3, S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "true" }).evidenceStorage).toMatchObject({ endpoint: "http://minio:9000", forcePathStyle: true });
  });
});
