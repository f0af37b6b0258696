// The HTTP request pipeline refuses hostile operations before any resolver (or SQL statement) runs.
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { insertVenue, signedIn } from "../testing/factories.js";
import { startTestApi, type TestApi } from "../testing/test-app.js";
import { DateTime, LocalDate } from "./scalars.js";

const post = (t: TestApi, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("GraphQL request pipeline", () => {
  let t: TestApi;
  let queries: string[] = [];
  let officer: string;
  let worker: string;
  beforeAll(async () => {
    t = await startTestApi({ WRITE_RATE_LIMIT: "12", GRAPHQL_MAX_DEPTH: "3" }, { onQuery: (q) => queries.push(q) });
    officer = (await signedIn(t, "CITY_OFFICER")).token;
    worker = (await signedIn(t, "WORKER")).token;
  });
  afterAll(() => t?.close());
  afterEach(() => vi.restoreAllMocks());

  /** Runs an operation and returns its result with the SQL statements it caused. */
  async function traced(query: string, variables: Record<string, unknown> = {}, token?: string) {
    queries = [];
    const result = await t.gql(query, variables, token);
    return { ...result, sql: [...queries] };
  }

  it("refuses an operation with too many tokens at parse time", async () => {
    const huge = `{ ${Array.from({ length: 12_000 }, () => "__typename").join(" ")} }`;
    const result = await traced(huge, {}, officer);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(result.errors?.[0]?.message).toMatch(/more that 10000 tokens/);
  });

  it("refuses a page size outside 1..100 before costing can go negative, and runs no SQL", async () => {
    const negative = await traced(`{ workers(limit: -2147483648) { total items { userId } } }`, {}, officer);
    expect(negative.status).toBe(400);
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "limit" })] });
    expect(negative.sql).toEqual([]);
    const byVariable = await traced(`query($l: Int!) { a: venues(limit: 5) { total } b: venues(limit: $l) { total } }`, { l: -1 }, officer);
    expect(byVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(byVariable.sql).toEqual([]); // not even the valid alias ran
    const notifications = await traced(`{ myNotifications(limit: -5) { id } }`, {}, worker);
    expect(notifications.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(notifications.sql).toEqual([]);
  });

  it("refuses thousands of aliased pages as a whole, running nothing", async () => {
    const pages = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: workers(limit: 1) { total }`).join(" ")} }`;
    const thousands = await traced(pages(3000), {}, officer);
    expect(thousands.status).toBe(400);
    expect(thousands.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED"); // 27,000 tokens
    expect(thousands.sql).toEqual([]);
    const aliased = await traced(pages(100), {}, officer);
    expect(aliased.status).toBe(400);
    expect(aliased.errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", reasons: [{ code: "TOO_MANY_ROOT_FIELDS" }] });
    expect(aliased.sql).toEqual([]);
  });

  it("refuses a fragment fan-out (each fragment spreading the next twice) without expanding it", async () => {
    const n = 20;
    const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Region { ...F${i + 1} ...F${i + 1} }`).join("\n");
    const started = performance.now();
    const result = await traced(`{ regions { ...F0 } }\n${fragments}\nfragment F${n} on Region { code }`, {}, officer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", reasons: [{ code: "TOO_MANY_FIELDS" }] });
    expect(performance.now() - started).toBeLessThan(1000); // a million-field expansion is never walked
    expect(result.sql).toEqual([]);
  });

  it("charges the write limit per root mutation field, not per request", async () => {
    const mark = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: markNotificationRead(id: "00000000-0000-4000-8000-00000000000${i % 10}")`).join(" ")} }`;
    expect((await t.gql(mark(10), {}, worker)).errors).toBeUndefined(); // 10 of 12 points
    const over = await traced(mark(3), {}, worker);
    expect(over.status).toBe(429);
    expect(over.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(over.sql).toEqual([]);
  });

  it("caps root mutation fields per request (GRAPHQL_MAX_ROOT_MUTATIONS), fragments included, before anything runs", async () => {
    const logins = Array.from({ length: 40 }, (_, i) => `l${i}: login(phone: "13800000000", password: "guess-${i}") { accessToken }`).join(" ");
    const forty = await traced(`mutation { ${logins} }`);
    expect(forty.status).toBe(400);
    expect(forty.errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", reasons: [{ code: "TOO_MANY_ROOT_FIELDS" }] });
    expect(forty.sql).toEqual([]); // no user lookup, so no argon2 verification either
    const viaFragment = await traced(
      `mutation { ...A ...B } fragment A on Mutation { ${logins.split(" l6:")[0]} } fragment B on Mutation { x1: logout(refreshToken: "a") x2: logout(refreshToken: "b") x3: logout(refreshToken: "c") x4: logout(refreshToken: "d") x5: logout(refreshToken: "e") }`,
    );
    expect(viaFragment.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(viaFragment.sql).toEqual([]);
  });

  it.each([
    ["a fragment cycle", `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`],
    ["a self-spread", `{ ...A } fragment A on Query { regions { code } ...A }`],
    ["an unknown fragment", `{ ...Missing }`],
  ])("answers %s with a validation error, not a 500 and a stack on stderr", async (_name, query) => {
    const stderr = vi.spyOn(console, "error");
    const result = await traced(query, {}, officer);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(stderr).not.toHaveBeenCalled();
    expect(result.sql).toEqual([]);
  });

  it("keeps the depth limit after graphql's own rules", async () => {
    const deep = `{ me { ...P } } fragment P on User { workerProfile { homeVenue { region { name } } } }`;
    const result = await t.gql(deep, {}, officer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", reasons: [{ code: "QUERY_TOO_DEEP" }] });
  });

  it("refuses a date PostgreSQL cannot store (year 0000) as BAD_USER_INPUT, before any write", async () => {
    const venue = await insertVenue(t.database.db);
    const ADD = `mutation($i: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $i) { id } }`;
    const byVariable = await traced(ADD, { i: { venueId: venue.id, startsOn: "0000-01-01", endsOn: "2026-12-31" } }, officer);
    expect(byVariable.status).toBe(400);
    expect(byVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(byVariable.errors?.[0]?.message).toMatch(/1900–2200/);
    expect(byVariable.sql).toEqual([]);
    // A literal is checked during validation, like any other malformed literal (see the UUID case in hardening.test.ts).
    const byLiteral = await traced(
      `mutation { addServicePurchasePeriod(input: { venueId: "${venue.id}", startsOn: "2026-01-01", endsOn: "9999-12-31" }) { id } }`,
      {},
      officer,
    );
    expect(byLiteral.status).toBe(400);
    expect(byLiteral.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(byLiteral.sql).toEqual([]);
  });

  it("bounds the date scalars to the years 1900..2200", () => {
    expect(LocalDate.parseValue("1900-01-01")).toBe("1900-01-01");
    expect(LocalDate.parseValue("2200-12-31")).toBe("2200-12-31");
    expect(() => LocalDate.parseValue("1899-12-31")).toThrow(/1900–2200/);
    expect(() => DateTime.parseValue("0000-01-01T00:00:00Z")).toThrow(/1900–2200/);
    expect(() => DateTime.parseValue("2201-01-01T00:00:00Z")).toThrow(/1900–2200/);
    expect(DateTime.parseValue("2026-05-01T08:00:00+08:00")).toEqual(new Date("2026-05-01T00:00:00Z"));
  });

  it("keeps schema suggestions outside production", async () => {
    const result = await t.gql(`{ regionz { code } }`, {}, officer);
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "regions"\?/);
  });

  describe("body errors answer JSON with a typed code, not express's HTML page", () => {
    const expectJsonError = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe(code);
      return body.errors[0]!.message;
    };

    it("malformed JSON is BAD_REQUEST, and the message does not echo the body", async () => {
      const message = await expectJsonError(await post(t, `{"query": "{ regions { code } }", "secret-password`), 400, "BAD_REQUEST");
      expect(message).not.toContain("secret-password");
    });

    it("a body over 1 MB is PAYLOAD_TOO_LARGE", async () => {
      await expectJsonError(await post(t, JSON.stringify({ query: `{ regions { code } }`, variables: { pad: "x".repeat(1_100_000) } })), 413, "PAYLOAD_TOO_LARGE");
    });

    it("a streamed body (no length declared) is cut off at 1 MB too, and the server stays up", async () => {
      const chunk = new TextEncoder().encode(`{"query": "{ regions { code } }", "variables": {"pad": "${"x".repeat(60_000)}`);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // ~1.2 MB in 20 chunks, then the JSON's end: valid JSON, only too long.
          if (sent++ < 20) controller.enqueue(sent === 1 ? chunk : new TextEncoder().encode("x".repeat(60_000)));
          else {
            controller.enqueue(new TextEncoder().encode(`"}}`));
            controller.close();
          }
        },
      });
      const res = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
      await expectJsonError(res, 413, "PAYLOAD_TOO_LARGE");
      expect((await t.gql(`{ regions { code } }`)).data).toBeTruthy();
    });

    it("a broken gzip body is BAD_REQUEST and a good one still works", async () => {
      await expectJsonError(await post(t, "not gzip at all", { "content-encoding": "gzip" }), 400, "BAD_REQUEST");
      const ok = await post(t, gzipSync(JSON.stringify({ query: "{ regions { code } }" })), { "content-encoding": "gzip" });
      expect(ok.status).toBe(200);
    });

    it("an unknown content encoding or an odd charset is UNSUPPORTED_MEDIA_TYPE", async () => {
      await expectJsonError(await post(t, "{}", { "content-encoding": "compress" }), 415, "UNSUPPORTED_MEDIA_TYPE");
      await expectJsonError(await post(t, "{}", { "content-type": "application/json; charset=koi8-r" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    });
  });
});

describe("GraphQL request pipeline in production", () => {
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

  it("hides 'Did you mean' suggestions, which would map the schema for a stranger", async () => {
    const field = await t.gql(`{ regionz { code } }`);
    expect(field.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(field.errors?.[0]?.message).toBe(`Cannot query field "regionz" on type "Query".`);
    const argument = await t.gql(`mutation { login(phone: "13800000000", passwrd: "x") { accessToken } }`);
    expect(argument.errors?.map((e) => e.message).join("\n")).not.toMatch(/Did you mean/);
  });
});
