import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../access/actor.js";
import { createDatabase, type Database } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { insertUser, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { signAccessToken } from "./access-token.js";
import { createUserReader } from "./identity.repo.js";

const ME = `{ me { id role displayName phone status } }`;

describe("me: each caller's own account, read fresh, in shared round trips", () => {
  let t: TestApi;
  let counted: Database;
  let statements: string[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    // A second pool on the test database that records every statement it sends.
    counted = createDatabase(t.config.databaseUrl, 4, { onQuery: (q) => void statements.push(q) });
  });
  afterAll(async () => {
    await counted?.close();
    await t?.close();
  });

  const tokenFor = (user: { id: string; role: string; venueId: string | null; regionCode: string | null }) =>
    signAccessToken({ userId: user.id, role: user.role as Role, venueId: user.venueId, regionCode: user.regionCode }, randomUUID(), t.config.jwtSecret, 600, new Date());

  it("forty users asking at once each get their own account, never another's", async () => {
    const roles: Role[] = ["WORKER", "EMPLOYER"];
    const people = await Promise.all(Array.from({ length: 40 }, (_, i) => insertUser(t.database.db, roles[i % 2]!)));
    const tokens = await Promise.all(people.map(tokenFor));
    // Each user asks twice in the same burst: duplicates in one batch must not confuse the answers.
    const answers = await Promise.all([...tokens, ...tokens].map((token) => t.ok(ME, {}, token)));
    answers.forEach(({ me }, i) => {
      const user = people[i % people.length]!;
      expect(me).toEqual({ id: user.id, role: user.role, displayName: user.displayName, phone: user.phone, status: "ACTIVE" });
    });
  });

  it("reads asked in the same turn share one statement; an unknown or malformed id is nobody and spoils nothing", async () => {
    const read = createUserReader(counted.db);
    const [a, b] = [await insertUser(t.database.db, "WORKER"), await insertUser(t.database.db, "EMPLOYER")];
    statements = [];
    const found = await Promise.all([read(a.id), read(randomUUID()), read("not-a-uuid'); drop table users; --"), read(b.id), read(a.id)]);
    expect(found.map((u) => u?.id ?? null)).toEqual([a.id, null, null, b.id, a.id]);
    // (postgres.js also reads the array types once per pool: not ours to count)
    expect(statements.filter((q) => q.includes(`from "users"`))).toHaveLength(1);
    expect(found[0]).not.toHaveProperty("passwordHash");
  });

  it("nothing is kept between requests: a change is seen on the very next read", async () => {
    const read = createUserReader(counted.db);
    const user = await insertUser(t.database.db, "EMPLOYER");
    const token = await tokenFor(user);
    expect((await t.ok(ME, {}, token)).me.displayName).toBe(user.displayName);
    await t.database.db.update(users).set({ displayName: "改过的名字" }).where(eq(users.id, user.id));
    expect((await read(user.id))?.displayName).toBe("改过的名字");
    expect((await t.ok(ME, {}, token)).me.displayName).toBe("改过的名字");
  });

  it("an account disabled after signing in is refused on its next request, and served again once re-enabled", async () => {
    const { user, token } = await signedIn(t, "WORKER");
    expect((await t.ok(ME, {}, token)).me.id).toBe(user.id);
    await t.database.db.update(users).set({ status: "DISABLED" }).where(eq(users.id, user.id));
    const refused = await t.gql(ME, {}, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refused.data?.me ?? null).toBeNull();
    await t.database.db.update(users).set({ status: "ACTIVE" }).where(eq(users.id, user.id));
    expect((await t.ok(ME, {}, token)).me.id).toBe(user.id);
  });
});
