// The demo data that `./scripts/start` loads: valid by the same rules the API enforces, and every printed login works.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { normalizeText, parseCreditCode, parseOpeningHours, parseResidentId } from "@qz/shared";
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
    const result = await seedDemoData(t.database.db, vault, { config: t.config, log: () => {} });
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

  it("reconciles each demo payout day against the mock bank: one clean day, one with the planted difference at the demo market", async () => {
    const runs = await t.database.db.execute<{ day: string; status: string; difference_count: number; kinds: string[]; venues: number }>(sql`
      select r.day::text, r.status, r.difference_count, coalesce(array_agg(d.kind::text) filter (where d.id is not null), '{}') as kinds, count(d.venue_id)::int as venues
      from payout_reconciliations r left join payout_reconciliation_differences d on d.run_id = r.id group by r.id order by r.day`);
    expect(runs.map((r) => [r.status, r.difference_count])).toEqual([
      ["CLEAN", 0],
      ["DIFFERENCES", 1],
    ]);
    expect(runs[1]).toMatchObject({ kinds: ["AMOUNT_MISMATCH"], venues: 1 });
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

  it("every venue has opening hours the API would store as they are (开放时间, shown by the public finder)", async () => {
    const rows = await t.database.db.execute<{ hours: string | null }>(sql`select opening_hours as hours from venues`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.hours == null || parseOpeningHours(r.hours).ok === false || (parseOpeningHours(r.hours) as { value: string }).value !== r.hours)).toEqual([]);
  });

  it("a second run changes nothing", async () => {
    const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
    const [before] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    expect((await seedDemoData(t.database.db, vault, { log: () => {} })).skipped).toBe(true);
    const [after] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(after!.n).toBe(before!.n);
  });

  it("`scripts/start.ts --seed-only --no-seed` on the seeded database applies migrations, finds the demo and exits 0 (what `scripts/topology up` runs on earlier data)", async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ["--import", "@oxc-node/core/register", "scripts/start.ts", "--seed-only", "--no-seed", "--no-admin-build"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, DATABASE_URL: t.config.databaseUrl, REDIS_URL: t.config.redisUrl },
    });
    expect(stdout).toContain("database ready (--seed-only)");
  });

  it("every demo contract verifies through the public verifyContract (terms hash, Ed25519 signatures, chain)", async () => {
    const rows = await t.database.db.execute<{ terms_hash: string; status: string }>(sql`select terms_hash, status::text from contracts`);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      const { verifyContract } = await t.ok(`query($h: String!) { verifyContract(hash: $h) { status termsIntact valid signatures { party valid } } }`, { h: r.terms_hash });
      expect(verifyContract).toMatchObject({ status: r.status, termsIntact: true, valid: true });
      expect(verifyContract.signatures.map((s: { party: string }) => s.party).sort()).toEqual(["EMPLOYER", "WORKER"]);
    }
  });

  it("the ledger balances: entries sum to zero, cached balances equal their entries, no wallet or escrow negative; paid wages left through the bank once", async () => {
    const [l] = await t.database.db.execute<{ sum: string; drift: number; negative: number; escrow: string }>(sql`
      select (select coalesce(sum(amount_fen), 0) from ledger_entries)::text as sum,
             (select count(*) from ledger_accounts a where a.balance_fen <> (select coalesce(sum(e.amount_fen), 0) from ledger_entries e where e.account_id = a.id))::int as drift,
             (select count(*) from ledger_accounts where not may_go_negative and balance_fen < 0)::int as negative,
             (select coalesce(sum(balance_fen), 0) from ledger_accounts where kind = 'TASK_ESCROW')::text as escrow`);
    expect(l).toMatchObject({ sum: "0", drift: 0, negative: 0 });
    expect(Number(l!.escrow)).toBeGreaterThan(0);
    const paid = await t.database.db.execute<{ id: string; total_fen: string; settled: string; placements: number }>(sql`
      select s.id, s.total_fen::text,
             (select coalesce(sum(amount_fen), 0) from ledger_transfers x where x.kind = 'PAYOUT_SETTLED' and x.refs->>'settlementId' = s.id::text)::text as settled,
             (select count(*) from placements p where p.settlement_id = s.id)::int as placements
      from settlements s where s.status = 'PAID'`);
    expect(paid.length).toBeGreaterThanOrEqual(3);
    for (const p of paid) expect({ settled: p.settled, placements: p.placements }).toEqual({ settled: p.total_fen, placements: 1 });
    const states = await t.database.db.execute<{ status: string }>(sql`select distinct status::text from settlements order by 1`);
    expect(states.map((s) => s.status)).toEqual(["DISPUTED", "PAID", "SUBMITTED"]);
    // No demo job's worked hours wait unsubmitted past 24 h: the daily-pay job would call them wage arrears and its
    // complaint would block the demo employer from posting once the worker process runs.
    const [late] = await t.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from attendance_records a
      where a.check_out_at < now() - interval '24 hours' and not exists (select 1 from settlements s where s.engagement_id = a.engagement_id)`);
    expect(late!.n).toBe(0);
    // Nor does any wait unpaid 3 days after the work (the referral comes at 3 working days, never sooner).
    const [unpaid] = await t.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from settlements s join engagements e on e.id = s.engagement_id
      where s.status <> 'PAID' and e.ends_at < now() - interval '3 days'`);
    expect(unpaid!.n).toBe(0);
  });

  it("the demo worker sees a paid settlement and a signed contract; the demo employer sees a funded wallet", async () => {
    const login = async (phone: string) => (await t.ok(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, { p: phone, w: DEMO_LOGINS[0].password })).login.accessToken as string;
    const worker = await login("13900000004");
    const { myContracts } = await t.ok(`{ myContracts(limit: 20) { status engagementId termsHash } }`, {}, worker);
    const statuses = myContracts.map((c: { status: string }) => c.status);
    expect(statuses).toContain("SIGNED");
    expect(statuses).toContain("COMPLETED");
    const done = myContracts.filter((c: { status: string }) => c.status === "COMPLETED");
    const settled = [];
    for (const c of done) settled.push((await t.ok(`query($e: UUID!) { settlementOfEngagement(engagementId: $e) { status totalFen } }`, { e: c.engagementId }, worker)).settlementOfEngagement);
    expect(settled).toContainEqual({ status: "PAID", totalFen: 10400 });
    const employer = await login("13900000005");
    const { myWallet } = await t.ok(`{ myWallet { balanceFen } }`, {}, employer);
    expect(myWallet.balanceFen).toBeGreaterThan(0);
  });

  it("no outstanding offer clashes with its worker's own jobs: the demo worker accepts his seeded offer through the API", async () => {
    const clashes = await t.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n
        from offers o join tasks t on t.id = o.task_id
        join engagements e on e.worker_id = o.worker_id and e.status in ('ACTIVE', 'CONFIRMED')
       where o.status = 'OFFERED' and tstzrange(t.starts_at, t.ends_at) && tstzrange(e.starts_at, e.ends_at)`);
    expect(clashes[0]!.n).toBe(0);
    const { login } = await t.ok(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, { p: "13900000004", w: DEMO_LOGINS[0].password });
    const { myOffers } = await t.ok(`{ myOffers(status: OFFERED, limit: 20) { id } }`, {}, login.accessToken);
    expect(myOffers.length).toBeGreaterThanOrEqual(1);
    const { acceptOffer } = await t.ok(`mutation($id: UUID!) { acceptOffer(id: $id) { status } }`, { id: myOffers[0].id }, login.accessToken);
    expect(acceptOffer.status).toBe("ACTIVE");
  });

  it("the demo employer's task that ran out of waves: raising its headcount reopens the waves (a fresh round is queued)", async () => {
    const [task] = await t.database.db.execute<{ id: string; wave: number; manual: boolean; expired: number }>(sql`
      select t.id, t.wave, t.manual_dispatch_at is not null as manual,
             (select count(*)::int from offers o where o.task_id = t.id and o.status = 'EXPIRED') as expired
        from tasks t where t.title = '鲤城区零工招募（待人工派单）'`);
    expect(task).toMatchObject({ wave: 3, manual: true, expired: 9 });
    const { login } = await t.ok(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, { p: "13900000005", w: DEMO_LOGINS[0].password });
    const { editTask } = await t.ok(`mutation($id: UUID!) { editTask(id: $id, input: { headcount: 2 }) { headcount status manualDispatchAt } }`, { id: task!.id }, login.accessToken);
    expect(editTask).toEqual({ headcount: 2, status: "OPEN", manualDispatchAt: null });
    const [after] = await t.database.db.execute<{ start: number; queued: number }>(sql`
      select wave_round_start as start, (select count(*)::int from outbox where name = 'task.edited' and payload->>'taskId' = ${task!.id}) as queued
        from tasks where id = ${task!.id}`);
    expect(after).toEqual({ start: 3, queued: 1 });
  });

  it.each(DEMO_LOGINS.map((l) => [l.role, l] as const))("the printed %s login works through the API", async (role, login) => {
    const data = await t.ok(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, { p: login.phone, w: login.password });
    const { me } = await t.ok(`{ me { role } }`, {}, data.login.accessToken);
    expect(me.role).toBe(role);
  });
});
