import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../app.js";
import { createTestEnv, startTestApi, type TestApi } from "../testing/test-app.js";

describe("HTTP endpoints", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.close());

  it("/healthz reports PostgreSQL and Redis", async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
  });

  it("/metrics speaks Prometheus and counts requests", async () => {
    await fetch(`${t.url}/healthz`);
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const body = await res.text();
    expect(body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(body).toContain("process_cpu_user_seconds_total");
  });

  it("serves GraphiQL from the package itself, without a CDN", async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("YogaGraphiQL.renderYogaGraphiQL");
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });

  it("echoes a request id on every response", async () => {
    const res = await fetch(`${t.url}/healthz`, { headers: { "x-request-id": "req-abc" } });
    expect(res.headers.get("x-request-id")).toBe("req-abc");
    const generated = await fetch(`${t.url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a GraphQL POST (served outside express) echoes the request id and is timed under the /graphql route", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{ __typename }" }) });
    const res = await post({ "x-request-id": "req-gql" });
    expect(res.headers.get("x-request-id")).toBe("req-gql");
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
    expect((await post({ "content-type": "application/json; charset=UTF-8" })).status).toBe(200);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [2-9]/);
  });

  it("answers a public query", async () => {
    const data = await t.ok<{ regions: { code: string; name: string }[] }>("{ regions { code name } }");
    expect(data.regions).toHaveLength(13);
    expect(data.regions[0]).toEqual({ code: "350502", name: "鲤城区" });
  });

  it("/healthz answers 503 and names the part that is down when Redis is unreachable", async () => {
    const env = await createTestEnv();
    const api = await createApi({ ...env.config, redisUrl: "redis://127.0.0.1:1" });
    try {
      const res = await fetch(`${await api.listen()}/healthz`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ status: "degraded", postgres: "ok" });
      expect(body.redis).toMatch(/^error: /);
    } finally {
      await api.close();
      await env.cleanup();
    }
  });
});
