/** Where tests find PostgreSQL and Redis: the machine's own services unless overridden. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The server's maintenance connection, for CREATE/DROP DATABASE. */
export const adminDatabaseUrl = () => TEST_PG_URL;

/** Polls `predicate` every 25 ms until it holds, for work another process or a queue finishes; fails after `timeoutMs`. */
export async function until(predicate: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
