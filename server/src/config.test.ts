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
});
