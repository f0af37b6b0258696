// Demo data for development and manual testing: venues in all 13 areas, ~2,000 workers, ~200 employers
// and one login per role (rows built in lib/seed-people.ts), then each capability's demo (lib/seed-*.ts). Deterministic (seeded PRNG) and idempotent (skips when already seeded).
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { ConfigError, loadConfig, type Config } from "../server/src/config.js";
import { createDatabase, type Db, type Tx } from "../server/src/db/client.js";
import { migrateDatabase } from "../server/src/db/migrate.js";
import { employerProfiles, users, venues, workerProfiles, workerSkills } from "../server/src/db/schema/index.js";
import { hashPassword } from "../server/src/modules/identity/password.js";
import { createPiiVault, type PiiVault } from "../server/src/modules/identity/pii.js";
import { Rng } from "./lib/random.js";
import { seedComplaints } from "./lib/seed-complaints.js";
import { seedDispatch } from "./lib/seed-dispatch.js";
import { seedSettlements, type SettlementSeedInput } from "./lib/seed-settlement.js";
import { seedPerformance } from "./lib/seed-performance.js";
import { seedReconcileRuns } from "./lib/seed-reconcile.js";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_REGION, Generator } from "./lib/seed-people.js";

export { DEMO_LOGINS, DEMO_PASSWORD };

const CITY_OFFICER_PHONE = "13900000001";
const BATCH_SIZE = 500;

export interface SeedOptions {
  workers?: number;
  employers?: number;
  /** PRNG seed; the same seed gives the same data. */
  seed?: number;
  /** A precomputed hash of DEMO_PASSWORD (argon2 costs ~50 ms; tests may pass one in). */
  passwordHash?: string;
  /** The API's configuration (its contract signing key signs the demo contracts); default: from the environment. */
  config?: Config;
  log?: (line: string) => void;
}

export interface SeedResult {
  skipped: boolean;
  counts: { venues: number; users: number; workers: number; workerSkills: number; employers: number };
  elapsedMs: number;
}


/** Seeds demo data unless the demo city officer already exists; everything in one transaction. */
export async function seedDemoData(db: Db, vault: PiiVault, opts: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const log = opts.log ?? ((line: string) => console.log(`[seed] ${line}`));
  if (await isSeeded(db)) {
    log(`demo data already present (${CITY_OFFICER_PHONE} exists); skipping`);
    return { skipped: true, counts: { venues: 0, users: 0, workers: 0, workerSkills: 0, employers: 0 }, elapsedMs: performance.now() - started };
  }

  const rng = new Rng(opts.seed ?? 20230505);
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const gen = new Generator(rng, vault, passwordHash);

  const venueRows = gen.venues();
  const demoMarket = venueRows.find((v) => v.regionCode === DEMO_REGION && v.type === "MARKET" && v.status === "RECOGNIZED");
  if (!demoMarket) throw new Error("seed: no recognised market in 鲤城区 for the demo staff account");
  const officials = gen.officials(demoMarket);
  const workers = gen.workers(opts.workers ?? 2000, venueRows, demoMarket);
  const employers = gen.employers(opts.employers ?? 200);
  const allUsers = [...officials, ...workers.users, ...employers.users];

  let wagesDemo: SettlementSeedInput | undefined;
  await db.transaction(async (tx) => {
    await insertBatches(tx, venues, venueRows);
    await insertBatches(tx, users, allUsers);
    await insertBatches(tx, workerProfiles, workers.profiles);
    await insertBatches(tx, workerSkills, workers.skills);
    await insertBatches(tx, employerProfiles, employers.profiles);
    const demoWorkerId = workers.users.find((u) => u.phone === "13900000004")!.id as string;
    const demoEmployerId = employers.users.find((u) => u.phone === "13900000005")!.id as string;
    const recognised = venueRows.map((v) => ({ ...v, id: v.id as string }));
    const dispatch = await seedDispatch(tx, rng, { profiles: workers.profiles, skills: workers.skills, employers: employers.profiles, venues: recognised, demoWorkerId, demoEmployerId, now: new Date() });
    log(`dispatch demo: ${dispatch.tasks} tasks, ${dispatch.offers} offers, ${dispatch.engagements} engagements`);
    const otherWorkerIds = workers.users.filter((u) => u.id !== demoWorkerId).slice(0, 3).map((u) => u.id as string);
    const otherEmployerId = employers.users.find((u) => u.id !== demoEmployerId)!.id as string;
    const complaintDemo = await seedComplaints(tx, { demoWorkerId, demoEmployerId, otherEmployerId, otherWorkerIds, venueId: demoMarket.id as string, regionCode: DEMO_REGION, lat: demoMarket.lat, lng: demoMarket.lng, now: new Date() });
    log(`complaints demo: ${complaintDemo.complaints} complaints (open ones with SLA countdowns), ${complaintDemo.ratings} ratings`);
    wagesDemo = { config: opts.config ?? loadConfig(), demoWorkerId, demoEmployerId, otherEmployerId, workerIds: workers.users.filter((u) => u.id !== demoWorkerId).slice(3, 7).map((u) => u.id as string), venueId: demoMarket.id as string, regionCode: DEMO_REGION, lat: demoMarket.lat, lng: demoMarket.lng, now: new Date() };
    const byPhone = (phone: string) => officials.find((u) => u.phone === phone)!.id as string;
    const perf = await seedPerformance(tx, rng, {
      venues: venueRows.map((v) => ({ id: v.id as string, type: v.type, regionCode: v.regionCode, status: v.status ?? "PENDING_RECOGNITION", recognizedAt: v.recognizedAt ?? null })),
      workerIds: workers.users.map((u) => u.id as string),
      employerIds: employers.users.map((u) => u.id as string),
      regionCodes: [...new Set(venueRows.map((v) => v.regionCode))],
      cityOfficerId: byPhone("13900000001"),
      countyOfficerId: byPhone("13900000002"),
      demoStaffId: byPhone("13900000003"),
      demoMarketId: demoMarket.id as string,
      now: new Date(),
    });
    log(`performance demo: ${perf.placements} placements, ${perf.activities} activity records, ${perf.ratings} ratings over ${perf.venueYears} venue-years of ${perf.year}; ${perf.frozenLastYear} frozen results and ${perf.applications} applications of earlier years`);
  });

  // Contracts and wages go through the real services, each step its own transaction (an SMS code's order is its
  // creation time, which one transaction would make the same for every code).
  if (wagesDemo) {
    const wages = await seedSettlements(db, wagesDemo);
    log(`wages demo: ${wages.contracts} signed contracts, settlements ${JSON.stringify(wages.settlements)}, ${wages.placements} placements, ${wages.escrowFundedFen} fen in escrow, payout reconciliation differences by day ${JSON.stringify(wages.reconciliations)}`);
    // 评分对账: last night's and the night before's reconcile, by the real reconcile; the later one finds a planted drift.
    const recon = await seedReconcileRuns(db, { config: wagesDemo.config, demoMarketId: wagesDemo.venueId, now: wagesDemo.now });
    log(`score reconcile demo: ${recon.runs.map((r) => `${r.startedAt.toISOString()} ${r.drifted}/${r.venueYears} venue-years drifted (${r.drifts} counters)`).join(", ")}`);
  }

  const counts = {
    venues: venueRows.length,
    users: allUsers.length,
    workers: workers.profiles.length,
    workerSkills: workers.skills.length,
    employers: employers.profiles.length,
  };
  const elapsedMs = performance.now() - started;
  const markets = venueRows.filter((v) => v.type === "MARKET").length;
  log(
    `${counts.venues} venues (${markets} markets, ${counts.venues - markets} stations), ${counts.users} users ` +
      `(${counts.workers} workers with ${counts.workerSkills} skills, ${counts.employers} employers, ${officials.length} staff/officers) ` +
      `in ${(elapsedMs / 1000).toFixed(1)} s`,
  );
  return { skipped: false, counts, elapsedMs };
}

/** A demo account as the seed makes it, for clients that act as demo users (the market simulator). */
export interface DemoAccount {
  phone: string;
  role: "WORKER" | "EMPLOYER";
  regionCode: string;
  /** Verified and available workers get offers; employers are always usable. */
  active: boolean;
}

/**
 * The demo workers' and employers' phones and areas for these seed options, without a database: the
 * generator is deterministic, so replaying its draws (with a vault that encrypts nothing) gives the same
 * phones `seedDemoData` stored. Workers come first in the order the seed made them, then employers.
 */
export function demoAccountBook(opts: Pick<SeedOptions, "workers" | "employers" | "seed"> = {}): DemoAccount[] {
  const nothing: PiiVault = { encrypt: () => "", decrypt: () => "", blindIndex: () => "" };
  const gen = new Generator(new Rng(opts.seed ?? 20230505), nothing, "");
  const venueRows = gen.venues();
  const demoMarket = venueRows.find((v) => v.regionCode === DEMO_REGION && v.type === "MARKET" && v.status === "RECOGNIZED")!;
  gen.officials(demoMarket);
  const workers = gen.workers(opts.workers ?? 2000, venueRows, demoMarket);
  const employers = gen.employers(opts.employers ?? 200);
  const regionOfVenue = new Map(venueRows.map((v) => [v.id, v.regionCode]));
  return [
    ...workers.users.map((u, i) => {
      const p = workers.profiles[i]!;
      return { phone: u.phone, role: "WORKER" as const, regionCode: regionOfVenue.get(p.homeVenueId!)!, active: !!p.verifiedAt && p.available !== false };
    }),
    ...employers.users.map((u, i) => ({ phone: u.phone, role: "EMPLOYER" as const, regionCode: employers.profiles[i]!.regionCode, active: true })),
  ];
}

type Table = Parameters<Tx["insert"]>[0];

/** True when the demo data is present (the demo city officer's phone exists). */
export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db.query.users.findFirst({ columns: { id: true }, where: (u, { eq }) => eq(u.phone, CITY_OFFICER_PHONE) });
  return row !== undefined;
}

async function insertBatches<T extends Table>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) await tx.insert(table).values(rows.slice(i, i + BATCH_SIZE));
}


const HELP = `Usage: node --import @oxc-node/core/register scripts/seed.ts [--help]

Seeds demo data into the database of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/quanzhou_gig):
about 40 venues across the 13 areas, 2,000 workers, 200 employers and one login per role, all with
the password ${DEMO_PASSWORD}. Applies pending migrations first (the database itself must exist;
scripts/start creates it). Deterministic, and skips when the demo city officer (${CITY_OFFICER_PHONE}) exists.
Uses PII_ENCRYPTION_KEY / PII_BLIND_INDEX_KEY like the API, so the API can read what it writes.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const unknown = argv.filter((a) => a !== "--help" && a !== "-h");
  if (unknown.length) {
    console.error(`seed: unknown option ${unknown[0]}\n\n${HELP}`);
    return 2;
  }
  const config = loadConfig();
  const database = createDatabase(config.databaseUrl, 2);
  try {
    await migrateDatabase(database.db);
    await seedDemoData(database.db, createPiiVault(config.piiEncryptionKey, config.piiBlindIndexKey));
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(15)} ${l.phone}  ${l.password}  ${l.who}`);
    return 0;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ConfigError ? err.message : err);
      process.exit(1);
    },
  );
}
