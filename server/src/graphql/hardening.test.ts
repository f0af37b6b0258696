import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { insertVenue, signedIn } from "../testing/factories.js";
import { startTestApi, type TestApi } from "../testing/test-app.js";

describe("GraphQL hardening", () => {
  let t: TestApi;
  let queries: string[] = [];
  let officer: string;
  beforeAll(async () => {
    t = await startTestApi({ GRAPHQL_MAX_DEPTH: "3", GRAPHQL_MAX_COMPLEXITY: "300", WRITE_RATE_LIMIT: "1000" }, { onQuery: (q) => queries.push(q) });
    officer = (await signedIn(t, "CITY_OFFICER")).token;
  });
  afterAll(() => t?.close());

  it("refuses an over-deep query before running it", async () => {
    const deep = `{ me { workerProfile { homeVenue { region { name } } } } }`;
    const result = await t.gql(deep, {}, officer);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(result.errors?.[0]?.message).toBe("查询嵌套过深：深度 4，上限 3");
    expect(result.errors?.[0]?.extensions?.reasons).toEqual([{ code: "QUERY_TOO_DEEP", message: "'' exceeds maximum operation depth of 3" }]);
  });

  it("refuses an over-complex query with a typed error, and runs nothing", async () => {
    queries = [];
    // Scalars are free; objects and lists cost, pages multiply: four aliased pages of 100 venues with two nested lookups each.
    const page = `venues(limit: 100) { items { id name region { code name } servicePurchasePeriods { startsOn } } }`;
    const wide = `{ a: ${page} b: ${page} c: ${page} d: ${page} }`;
    const result = await t.gql(wide, {}, officer);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", reasons: [{ code: "QUERY_TOO_COMPLEX" }] });
    expect(queries.filter((q) => /from "venues"/.test(q))).toEqual([]);
    // the same shape with a small page is fine
    expect((await t.gql(wide.replaceAll("limit: 100", "limit: 5"), {}, officer)).errors).toBeUndefined();
    // a console table of 100 rows with many columns is cheap: its cells are scalars
    const table = `{ venues(limit: 100) { total items { id name type status regionCode address lat lng operatorName operatorCreditCode contactPhone recognizedAt createdAt } } }`;
    expect((await t.gql(table, {}, officer)).errors).toBeUndefined();
  });

  it("batches field lookups per request (DataLoader): regions of 20 venues cost one query", async () => {
    for (const code of ["350502", "350503", "350504", "350505", "350581"]) {
      for (let i = 0; i < 4; i++) await insertVenue(t.database.db, { regionCode: code });
    }
    queries = [];
    const data = await t.ok(`{ venues(limit: 20) { items { id region { name } servicePurchasePeriods { startsOn } } } }`, {}, officer);
    expect(data.venues.items).toHaveLength(20);
    expect(queries.filter((q) => /from "regions"/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /from "venue_service_purchase_periods"/.test(q))).toHaveLength(1);
  });

  it("refuses queries and mutations over WebSocket: it is for subscriptions, so HTTP's guards cannot be bypassed", async () => {
    const client = createClient({
      url: `${t.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${officer}` },
    });
    try {
      for (const query of ["{ regions { code } }", `mutation { login(phone: "13800000000", password: "whatever-pw") { accessToken } }`]) {
        const outcome = await new Promise<unknown>((resolve) => {
          client.subscribe({ query }, { next: (v) => resolve({ next: v }), error: (e) => resolve({ error: e }), complete: () => resolve("complete") });
        });
        expect(outcome).toEqual({ error: [expect.objectContaining({ message: "WebSocket 只用于订阅；查询和变更请通过 HTTP 发送" })] });
      }
    } finally {
      await client.dispose();
    }
  });

  it("blocks cross-site GET requests that could be CSRF (Apollo csrfPrevention)", async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ regions { code } }")}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
    const form = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ regions { code } }" }) });
    expect(form.status).toBe(400);
  });

  it("refuses a malformed id and a NUL character with typed errors instead of reaching the database", async () => {
    const byVariable = await t.gql(`query($id: UUID!) { venue(id: $id) { id } }`, { id: "abc" }, officer);
    expect(byVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const byLiteral = await t.gql(`{ venue(id: "abc") { id } }`, {}, officer);
    expect(byLiteral.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const nul = await t.gql(`query($s: String) { venues(filter: { search: $s }) { total } }`, { s: "江南\u0000" }, officer);
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [{ code: "NUL_CHARACTER" }] });
    const nulLiteral = await t.gql(`{ venues(filter: { search: "a\\u0000b" }) { total } }`, {}, officer);
    expect(nulLiteral.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("gives a typed BAD_USER_INPUT for malformed arguments", async () => {
    const result = await t.gql(`{ venues(limit: 0) { total } }`, {}, officer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "limit" })] });
  });
});

describe("write rate limit", () => {
  it("limits mutations per user and per IP when anonymous, leaving queries alone", async () => {
    const t = await startTestApi({ WRITE_RATE_LIMIT: "2" });
    try {
      const user = await signedIn(t, "WORKER"); // its login is one anonymous write from this IP
      const MARK = `mutation { markNotificationRead(id: "00000000-0000-4000-8000-000000000000") }`;
      expect((await t.gql(MARK, {}, user.token)).errors).toBeUndefined();
      expect((await t.gql(MARK, {}, user.token)).errors).toBeUndefined();
      const third = await t.gql(MARK, {}, user.token);
      expect(third.status).toBe(429);
      expect(third.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      expect((await t.gql(`{ me { id } }`, {}, user.token)).errors).toBeUndefined();
      // anonymous writes count per IP: the login above was one, this is the second, the next is refused
      await t.gql(`mutation { logout(refreshToken: "nope") }`);
      expect((await t.gql(`mutation { logout(refreshToken: "nope") }`)).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    } finally {
      await t.close();
    }
  });
});

describe("GraphQL in production mode", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({
      NODE_ENV: "production",
      JWT_SECRET: "a-real-production-secret-of-enough-length-0123",
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      PII_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString("base64"),
      CONTRACT_SIGNING_KEY: Buffer.alloc(32, 3).toString("base64"),
      LOG_LEVEL: "silent",
    });
  });
  afterAll(() => t?.close());

  it("turns introspection off", async () => {
    const result = await t.gql(`{ __schema { types { name } } }`);
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("sends no stack traces and no internals in errors", async () => {
    const result = await t.gql(`mutation { login(phone: "13800000000", password: "wrong-password") { accessToken } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    const parse = await t.gql(`{ regions { `);
    expect(parse.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(parse.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });

  it("does not serve the GraphQL IDE", async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await res.text()).not.toContain("YogaGraphiQL");
  });

  it("refuses to start with development secrets", async () => {
    const { loadConfig } = await import("../config.js");
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET, PII_ENCRYPTION_KEY, PII_BLIND_INDEX_KEY/);
  });
});
