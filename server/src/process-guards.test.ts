import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { isTransientConnectionError } from "./db/connection-errors.js";
import { TEST_PG_URL } from "./testing/test-env.js";

const run = promisify(execFile);
const fixture = fileURLToPath(new URL("./testing/unhandled-db-rejection.fixture.ts", import.meta.url));
const serverDir = fileURLToPath(new URL("..", import.meta.url));

async function runFixture(mode: "guarded" | "bare") {
  try {
    const { stdout } = await run(process.execPath, ["--import", "@oxc-node/core/register", fixture, mode], { cwd: serverDir, env: { ...process.env, DATABASE_URL: TEST_PG_URL }, timeout: 20_000 });
    return { code: 0, stdout, stderr: "" };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("process guards", () => {
  it("classifies connection failures as transient and everything else as not", () => {
    for (const code of ["08P01", "08006", "57P01", "57P03", "57014", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ECONNREFUSED"]) {
      expect(isTransientConnectionError(Object.assign(new Error("x"), { code }))).toBe(true);
    }
    for (const err of [new Error("bug"), Object.assign(new Error("x"), { code: "23505" }), Object.assign(new Error("x"), { code: "42P01" }), "08P01", null, { code: 8 }]) {
      expect(isTransientConnectionError(err)).toBe(false);
    }
  });

  // The worker of the pg-restart drill died exactly so: postgres.js's dropped array-type fetch on a new connection.
  it("a postgres.js background rejection kills an unguarded process and is logged and survived by a guarded one", async () => {
    const bare = await runFixture("bare");
    expect(bare.code).not.toBe(0);
    expect(bare.stderr).toMatch(/PostgresError/);
    expect(bare.stdout).not.toMatch(/still alive/);

    const guarded = await runFixture("guarded");
    expect(guarded.code).toBe(0);
    expect(guarded.stdout).toMatch(/still alive/);
    const logged = guarded.stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { level: number; survived?: boolean; err?: { code?: string } });
    expect(logged).toContainEqual(expect.objectContaining({ level: 50, survived: true, err: expect.objectContaining({ code: "57014" }) }));
  }, 60_000);
});
