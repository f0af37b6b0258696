import { Writable } from "node:stream";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { createErrorFormatter, loggableError } from "./errors.js";

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { logger: pino({ level: "error" }, stream), lines };
}

describe("error formatting", () => {
  it("an unexpected database error reaches the client as INTERNAL, and its parameters never reach the log", () => {
    const { logger, lines } = capturingLogger();
    const format = createErrorFormatter(logger);
    const dbError = new Error(`Failed query: insert into "users" ("phone", "password_hash") values ($1, $2)\nparams: 13800000000,$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA`);
    Object.assign(dbError, { cause: { code: "22021", message: "invalid byte sequence" } });
    const wrapped = new GraphQLError(dbError.message, { originalError: dbError, path: ["registerWorker"] });
    const out = format(wrapped.toJSON(), wrapped);
    expect(out).toEqual({ message: "服务器内部错误", path: ["registerWorker"], extensions: { code: "INTERNAL" } });
    const log = lines.join("");
    expect(log).toContain("Failed query: insert into");
    expect(log).toContain("22021");
    expect(log).not.toContain("argon2id");
    expect(log).not.toContain("13800000000");
  });

  it("a lost database or Redis connection reaches the client as UNAVAILABLE (retry), logged as a warning without parameters", () => {
    const { logger, lines } = capturingLogger();
    const format = createErrorFormatter(logger);
    const wrappedQuery = Object.assign(new Error(`Failed query: select 1\nparams: 13800000000`), { cause: { code: "57P01", message: "terminating connection due to administrator command" } });
    for (const original of [wrappedQuery, Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" })]) {
      const err = new GraphQLError(original.message, { originalError: original, path: ["venues"] });
      expect(format(err.toJSON(), err)).toEqual({ message: "服务暂时不可用，请稍后重试", path: ["venues"], extensions: { code: "UNAVAILABLE" } });
    }
    expect(lines).toHaveLength(0); // the test logger records errors only: these are warnings
    // Redis out of reach (ioredis): the cluster down or without a master for the slot, a closed connection.
    for (const original of [
      new Error("Too many Cluster redirections. Last error: Error: Connection is closed."),
      Object.assign(new Error("CLUSTERDOWN The cluster is down"), { name: "ReplyError" }),
      Object.assign(new Error("Failed to refresh slots cache."), { name: "ClusterAllFailedError" }),
      new Error("Connection is closed."),
    ]) {
      const err = new GraphQLError(original.message, { originalError: original, path: ["login"] });
      expect(format(err.toJSON(), err)).toMatchObject({ extensions: { code: "UNAVAILABLE" } });
    }
    const unique = Object.assign(new Error("Failed query: insert"), { cause: { code: "23505" } });
    const err = new GraphQLError(unique.message, { originalError: unique, path: ["x"] });
    expect(format(err.toJSON(), err)).toMatchObject({ extensions: { code: "INTERNAL" } });
  });

  it("an AppError keeps its code and reasons", () => {
    const { logger, lines } = capturingLogger();
    const err = new GraphQLError("x", { path: ["login"], originalError: new AppError("CONFLICT", "该手机号已注册", [{ code: "DUP", message: "dup" }]) });
    expect(createErrorFormatter(logger)(err.toJSON(), err)).toMatchObject({ message: "该手机号已注册", extensions: { code: "CONFLICT", reasons: [{ code: "DUP" }] } });
    expect(lines).toEqual([]);
  });

  it("redacts everything after `params:`, across lines, and logs only the cause's code and constraint", () => {
    const dbError = new Error(`Failed query: update "users" set "phone" = $1 where "id" = $2\nparams: 13800000000,\n350502199001011234\nsecond line $argon2id$v=19`);
    Object.assign(dbError, { cause: { code: "23505", constraint_name: "users_phone_unique", message: 'duplicate key: Key (id_number)=(350502199001011234)' } });
    const logged = loggableError(dbError);
    const text = JSON.stringify(logged);
    expect(logged.message).toBe(`Failed query: update "users" set "phone" = $1 where "id" = $2\nparams: [redacted]`);
    expect(logged.cause).toEqual({ code: "23505", constraint: "users_phone_unique" });
    expect(String(logged.stack)).toMatch(/^Error: Failed query: update "users"[\s\S]*params: \[redacted\]\n\s+at /);
    for (const secret of ["13800000000", "350502199001011234", "argon2id", "second line"]) expect(text).not.toContain(secret);
  });

  it("strips 'Did you mean' suggestions only when asked (production)", () => {
    const { logger } = capturingLogger();
    const err = new GraphQLError(`Cannot query field "regionz" on type "Query". Did you mean "regions"?`, { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(createErrorFormatter(logger, { hideSuggestions: true })(err.toJSON(), err).message).toBe(`Cannot query field "regionz" on type "Query".`);
    expect(createErrorFormatter(logger)(err.toJSON(), err).message).toContain("Did you mean");
  });
});
