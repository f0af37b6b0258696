// A request in flight when PostgreSQL goes away (a restart, a failover) fails whole with a retryable UNAVAILABLE,
// not INTERNAL, and the next request is served once the database is back.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "../testing/test-env.js";
import { signedIn } from "../testing/factories.js";
import { startTestApi, type TestApi } from "../testing/test-app.js";

describe("database connection lost during a request", () => {
  let t: TestApi;
  let officer: string;
  beforeAll(async () => {
    t = await startTestApi();
    officer = (await signedIn(t, "CITY_OFFICER")).token;
  });
  afterAll(() => t?.close());

  it("answers UNAVAILABLE (retry) when its backend is terminated mid-statement, then serves the retry", async () => {
    const query = "{ venues(limit: 5) { total } }";
    expect((await t.gql(query, {}, officer)).errors).toBeUndefined();
    const database = new URL(t.config.databaseUrl).pathname.slice(1);
    const admin = postgres(adminDatabaseUrl(), { max: 2, onnotice: () => {} });
    const locker = postgres(t.config.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      // Hold the venues table so the request's statement waits, then terminate that backend as a restart would (57P01).
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const lock = locker.begin(async (tx) => {
        await tx`lock table venues in access exclusive mode`;
        locked();
        await held;
      });
      await lockTaken;
      const pending = t.gql(query, {}, officer);
      let waiting: { pid: number }[] = [];
      for (let i = 0; i < 200 && waiting.length === 0; i++) {
        waiting = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database} and wait_event_type = 'Lock'`;
        if (!waiting.length) await new Promise((r) => setTimeout(r, 10));
      }
      expect(waiting).toHaveLength(1);
      await admin`select pg_terminate_backend(${waiting[0]!.pid})`;
      const failed = await pending;
      release();
      await lock;
      expect(failed.errors).toEqual([{ message: "服务暂时不可用，请稍后重试", path: ["venues"], extensions: { code: "UNAVAILABLE" } }]);
      // The pool reconnects: the client's retry succeeds.
      expect((await t.gql(query, {}, officer)).errors).toBeUndefined();
    } finally {
      await locker.end();
      await admin.end();
    }
  });
});
