// The demo data that `./scripts/start` loads: valid by the same rules the API enforces, and every printed login works.
import { normalizeText, parseCreditCode, parseResidentId } from "@qz/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS, seedDemoData } from "../../scripts/seed.js";
import { createPiiVault } from "../../server/src/modules/identity/pii.js";
import { startTestApi, type TestApi } from "../../server/src/testing/test-app.js";

describe("demo seed", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
    const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
    const result = await seedDemoData(t.database.db, vault, { log: () => {} });
    expect(result.skipped).toBe(false);
  });
  afterAll(() => t?.close());

  it("covers all 13 areas with about 40 venues, 2,000 workers and 200 employers", async () => {
    const [c] = await t.database.db.execute<Record<string, number>>(sql`
      select (select count(*) from venues)::int as venues,
             (select count(distinct region_code) from venues)::int as regions,
             (select count(*) from worker_profiles)::int as workers,
             (select count(*) from employer_profiles)::int as employers,
             (select count(*) from venues where type = 'MARKET')::int as markets`);
    expect(c!.regions).toBe(13);
    expect(c!.venues).toBeGreaterThanOrEqual(35);
    expect(c!.markets).toBeGreaterThanOrEqual(10);
    expect(c!.workers).toBeGreaterThanOrEqual(1900);
    expect(c!.employers).toBeGreaterThanOrEqual(190);
  });

  it("every stored ID number and credit code passes its check digit; genders match the ID", async () => {
    const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
    const workers = await t.database.db.execute<{ id_number_cipher: string; gender: string; birth_date: string }>(
      sql`select id_number_cipher, gender, birth_date::text from worker_profiles`,
    );
    for (const w of workers) {
      const id = parseResidentId(vault.decrypt(w.id_number_cipher));
      expect(id.ok && { gender: id.value.gender, birth: id.value.birthDate }).toEqual({ gender: w.gender, birth: w.birth_date });
    }
    const codes = await t.database.db.execute<{ code: string }>(sql`select operator_credit_code as code from venues union all select credit_code from employer_profiles where credit_code is not null`);
    expect(codes.every((r) => parseCreditCode(r.code).ok)).toBe(true);
  });

  it("names and addresses pass the API's text rules (no control or invisible characters, no blank or padded values)", async () => {
    const rows = await t.database.db.execute<{ kind: "name" | "line"; value: string }>(sql`
      select 'name' as kind, name as value from venues union all select 'name', operator_name from venues
      union all select 'line', address from venues union all select 'name', real_name from worker_profiles
      union all select 'line', home_address from worker_profiles where home_address is not null
      union all select 'name', name from employer_profiles union all select 'name', contact_name from employer_profiles
      union all select 'line', address from employer_profiles where address is not null
      union all select 'name', display_name from users`);
    expect(rows.length).toBeGreaterThan(2000);
    // Accepted, not necessarily a fixed point: NFKC folds the seed's full-width （） to ASCII, which the API would store.
    const refused = rows.filter((r) => r.value !== r.value.trim() || !normalizeText(r.value, { kind: r.kind, label: r.kind, min: 2, max: 200 }).ok);
    expect(refused).toEqual([]);
  });

  it("a second run changes nothing", async () => {
    const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
    const [before] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    expect((await seedDemoData(t.database.db, vault, { log: () => {} })).skipped).toBe(true);
    const [after] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(after!.n).toBe(before!.n);
  });

  it.each(DEMO_LOGINS.map((l) => [l.role, l] as const))("the printed %s login works through the API", async (role, login) => {
    const data = await t.ok(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, { p: login.phone, w: login.password });
    const { me } = await t.ok(`{ me { role } }`, {}, data.login.accessToken);
    expect(me.role).toBe(role);
  });
});
