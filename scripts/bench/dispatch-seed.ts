// Bulk workers for the dispatch benchmark: N verified workers across Quanzhou's 13 areas, written by
// generate_series in the database (200k in seconds, not minutes of row-by-row inserts), with 1–3 skills each.
import { QUANZHOU_REGIONS, SKILL_CATALOG } from "@qz/shared";
import type { Sql } from "postgres";

// Rough shares of the gig workforce by area, as the demo seed uses (晋江 and 南安 are the big industrial bases).
const REGION_WEIGHTS: Readonly<Record<string, number>> = {
  "350502": 6, "350503": 8, "350504": 4, "350505": 4, "350581": 8, "350582": 18, "350583": 12,
  "350521": 8, "350524": 8, "350525": 4, "350526": 3, "350571": 3, "350572": 4,
};

/** The first phone of the bulk workers; worker i has BULK_PHONE_BASE + i (all share the demo password). */
export const BULK_PHONE_BASE = 17000000000;

/**
 * Inserts `count` workers (users, verified worker_profiles, worker_skills) in one transaction. Homes scatter
 * around each area's seat (about 5 km standard deviation); every worker shares `passwordHash`.
 * For the load the worker_skills trigger that copies the worker (home, travel, dispatchable, ranking fields)
 * row by row is bypassed (the insert makes the copy) and its indexes are built afterwards, with the migrations'
 * definitions: building a GiST index once is several times faster than growing it row by row. Scratch
 * databases only.
 */
export async function seedBulkWorkers(sql: Sql, count: number, passwordHash: string, seed = 0.42): Promise<{ workers: number; skills: number }> {
  const regions = QUANZHOU_REGIONS.map((r) => ({ code: r.code, lat: r.centre.lat, lng: r.centre.lng, weight: REGION_WEIGHTS[r.code] ?? 1 }));
  const skills = SKILL_CATALOG.map((s) => s.code);
  return sql.begin(async (tx) => {
    await tx`select setseed(${seed})`;
    await tx`create temp table bench_regions (code text, lat float8, lng float8, lo float8, hi float8) on commit drop`;
    const total = regions.reduce((s, r) => s + r.weight, 0);
    let acc = 0;
    for (const r of regions) {
      await tx`insert into bench_regions values (${r.code}, ${r.lat}, ${r.lng}, ${acc / total}, ${(acc + r.weight) / total})`;
      acc += r.weight;
    }
    await tx.unsafe(`
      create temp table bench_workers on commit drop as
      select gen_random_uuid() as id, g.i, reg.code as region,
             reg.lat + (random() + random() + random() - 1.5) * 0.09 as lat,
             reg.lng + (random() + random() + random() - 1.5) * 0.1 as lng,
             (select v.id from venues v where v.region_code = reg.code order by v.id limit 1) as venue_id
        from (select i, random() as p from generate_series(1, ${count}) i) g
        join bench_regions reg on g.p >= reg.lo and g.p < reg.hi`);
    await tx`
      insert into users (id, phone, password_hash, role, display_name, status)
      select id, (${BULK_PHONE_BASE}::bigint + i)::text, ${passwordHash}, 'WORKER', '压测零工' || i, 'ACTIVE' from bench_workers`;
    await tx`
      insert into worker_profiles (user_id, real_name, id_number_cipher, id_number_blind_index, id_number_masked, gender, birth_date,
                                   home_lat, home_lng, travel_mode, travel_minutes, available, home_venue_id, verified_at,
                                   completed_count, no_show_count, rating_sum, rating_count)
      select id, '压测零工' || i, 'bench', 'bench-' || i, '350502********' || lpad((i % 10000)::text, 4, '0'),
             (case when random() < 0.55 then 'MALE' else 'FEMALE' end)::gender,
             date '1965-01-01' + (random() * 14000)::int,
             lat, lng,
             (array['WALK','BICYCLE','EBIKE','EBIKE','EBIKE','TRANSIT','CAR'])[1 + floor(random() * 7)::int]::travel_mode,
             (array[30, 45, 60, 60, 60, 90])[1 + floor(random() * 6)::int],
             random() < 0.95, venue_id, now(),
             c, (random() * 0.1 * c)::int, r * 4, r
        from (select *, floor(random() * 40)::int as c, floor(random() * 10)::int as r from bench_workers) w`;
    await tx`alter table worker_skills disable trigger worker_skills_copy_worker`;
    await tx`drop index worker_skills_skill_idx`;
    // The skills' KNN indexes (one per skill, migration 0016) are dropped here and built again after the load.
    for (const { name } of await tx<{ name: string }[]>`select indexname as name from pg_indexes where tablename = 'worker_skills' and indexname like 'worker\_skills\_dispatch\_%'`)
      await tx`drop index ${tx(name)}`;
    // 1–3 distinct skills per worker: base + k·7 (mod the catalogue size) never repeats for k < size.
    const [{ n }] = await tx<{ n: number }[]>`
      with ins as (
        insert into worker_skills (worker_id, skill_code, level, home_earth, travel_mode, travel_minutes, dispatchable,
                                   completed_count, no_show_count, late_withdrawal_count, rating_sum, rating_count,
                                   gender, birth_date, hard_to_employ, zero_employment_family)
        select w.id, (${skills}::text[])[1 + ((w.base + k * 7) % ${skills.length})], 1 + floor(random() * random() * 5)::int, ll_to_earth(w.lat, w.lng),
               wp.travel_mode, wp.travel_minutes, wp.available,
               wp.completed_count, wp.no_show_count, wp.late_withdrawal_count, wp.rating_sum, wp.rating_count,
               wp.gender, wp.birth_date, wp.hard_to_employ, wp.zero_employment_family
          from (select id, lat, lng, floor(power(random(), 1.5) * ${skills.length})::int as base, 1 + floor(random() * 3)::int as n from bench_workers) w
          join worker_profiles wp on wp.user_id = w.id
          cross join lateral generate_series(0, w.n - 1) k
        returning 1)
      select count(*)::int as n from ins`;
    await tx`alter table worker_skills enable trigger worker_skills_copy_worker`;
    await tx`create index worker_skills_skill_idx on worker_skills using btree (skill_code, level)`;
    await tx`select ensure_skill_dispatch_index(code) from skills`;
    return { workers: count, skills: n };
  });
}
