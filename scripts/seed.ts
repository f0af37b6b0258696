// Demo data for development and manual testing: venues in all 13 areas, ~2,000 workers, ~200 employers
// and one login per role. Deterministic (seeded PRNG) and idempotent (skips when already seeded).
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  QUANZHOU_REGIONS,
  SKILL_CATALOG,
  creditCodeCheckChar,
  maskResidentId,
  residentIdCheckDigit,
  type QuanzhouRegion,
} from "@qz/shared";
import { ConfigError, loadConfig, type Config } from "../server/src/config.js";
import { createDatabase, type Db, type Tx } from "../server/src/db/client.js";
import { migrateDatabase } from "../server/src/db/migrate.js";
import { employerProfiles, users, venues, workerProfiles, workerSkills } from "../server/src/db/schema/index.js";
import { hashPassword } from "../server/src/modules/identity/password.js";
import { createPiiVault, type PiiVault } from "../server/src/modules/identity/pii.js";
import {
  BRAND_WORDS,
  COMPANY_FORMS,
  FEMALE_GIVEN_CHARS,
  HR_FIRM_WORDS,
  ID_AREA_CODES,
  INDUSTRIES,
  LOCAL_SKILLS,
  MALE_GIVEN_CHARS,
  ROADS,
  SURNAMES,
  TOWNS,
  VILLAGE_SUFFIXES,
  VILLAGE_WORDS,
  creditRegionCodeFor,
  idAreaCodeFor,
} from "./lib/demo-vocabulary.js";
import { Rng, jitter } from "./lib/random.js";
import { seedComplaints } from "./lib/seed-complaints.js";
import { seedDispatch } from "./lib/seed-dispatch.js";
import { seedSettlements, type SettlementSeedInput } from "./lib/seed-settlement.js";
import { seedPerformance } from "./lib/seed-performance.js";

/** The one password of every demo account (dev data only). */
export const DEMO_PASSWORD = "Demo@2026";

/** One login per role, printed by scripts/start. */
export const DEMO_LOGINS = [
  { role: "WORKER", phone: "13900000004", password: DEMO_PASSWORD, who: "零工人员 陈志明（鲤城区）" },
  { role: "EMPLOYER", phone: "13900000005", password: DEMO_PASSWORD, who: "用工主体 泉州鸿盛鞋业有限公司" },
  { role: "VENUE_STAFF", phone: "13900000003", password: DEMO_PASSWORD, who: "鲤城区江南零工市场 工作人员" },
  { role: "COUNTY_OFFICER", phone: "13900000002", password: DEMO_PASSWORD, who: "鲤城区人社局" },
  { role: "CITY_OFFICER", phone: "13900000001", password: DEMO_PASSWORD, who: "泉州市人社局（全市）" },
] as const;

const CITY_OFFICER_PHONE = "13900000001";
const DEMO_REGION = "350502"; // 鲤城区
const DEMO_MARKET_TOWN = "江南街道"; // so the demo market is always "鲤城区江南零工市场"
const BATCH_SIZE = 500;
const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

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

// Venues per area: 12 markets and 28 stations (DESIGN §1 asks for all 13 areas to be covered).
const VENUE_PLAN: Readonly<Record<string, { markets: number; stations: number }>> = {
  "350502": { markets: 1, stations: 2 },
  "350503": { markets: 1, stations: 2 },
  "350504": { markets: 1, stations: 2 },
  "350505": { markets: 1, stations: 2 },
  "350581": { markets: 1, stations: 3 },
  "350582": { markets: 1, stations: 4 },
  "350583": { markets: 1, stations: 3 },
  "350521": { markets: 1, stations: 2 },
  "350524": { markets: 1, stations: 3 },
  "350525": { markets: 1, stations: 1 },
  "350526": { markets: 1, stations: 1 },
  "350571": { markets: 0, stations: 2 },
  "350572": { markets: 1, stations: 1 },
};

// Rough shares of the gig workforce by area (晋江 and 南安 are the big industrial bases).
const REGION_WEIGHTS: Readonly<Record<string, number>> = {
  "350502": 6, "350503": 8, "350504": 4, "350505": 4, "350581": 8, "350582": 18, "350583": 12,
  "350521": 8, "350524": 8, "350525": 4, "350526": 3, "350571": 3, "350572": 4,
};

// 开放时间 as venues post them: markets open six or seven days, stations keep office hours. Picked from the name,
// not the PRNG, so adding this column left every other generated value as it was.
const MARKET_HOURS = ["周一至周六 08:30–12:00，14:30–17:30", "周一至周日 07:30–12:00，14:00–18:00", "周一至周六 08:00–17:30，节假日照常"];
const STATION_HOURS = ["周一至周五 08:30–12:00，14:30–17:30", "周一至周六 08:00–12:00，14:30–17:00", "周一至周五 09:00–17:00，周六 09:00–12:00"];
function openingHoursFor(type: "MARKET" | "STATION", name: string): string {
  const list = type === "MARKET" ? MARKET_HOURS : STATION_HOURS;
  return list[Array.from(name).reduce((sum, ch) => sum + ch.codePointAt(0)!, 0) % list.length]!;
}

type VenueRow = typeof venues.$inferInsert & { id: string; regionCode: string };
type UserRow = typeof users.$inferInsert & { id: string };

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

/** Builds rows; keeps the sets that make phones, IDs, names and credit codes unique. */
class Generator {
  private readonly phones = new Set<string>(DEMO_LOGINS.map((l) => l.phone));
  private readonly residentIds = new Set<string>();
  private readonly creditCodes = new Set<string>();
  private readonly companyNames = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly vault: PiiVault,
    private readonly passwordHash: string,
  ) {}

  venues(): VenueRow[] {
    const rows: VenueRow[] = [];
    for (const region of QUANZHOU_REGIONS) {
      const plan = VENUE_PLAN[region.code]!;
      let towns = this.rng.shuffle(TOWNS[region.code]!);
      if (region.code === DEMO_REGION) towns = [DEMO_MARKET_TOWN, ...towns.filter((t) => t !== DEMO_MARKET_TOWN)];
      for (let m = 0; m < plan.markets; m++) rows.push(this.venue(region, "MARKET", towns.shift()!));
      for (let s = 0; s < plan.stations; s++) rows.push(this.venue(region, "STATION", towns.shift()!));
    }
    // A few stations still waiting for recognition, one suspended (the demo market stays recognised).
    const stations = this.rng.shuffle(rows.filter((v) => v.type === "STATION"));
    for (const v of stations.slice(0, 3)) {
      v.status = "PENDING_RECOGNITION";
      v.recognizedAt = null;
    }
    const suspended = stations[3]!;
    suspended.status = "SUSPENDED";
    suspended.suspendedAt = this.dateBetween(new Date(Math.max(+suspended.recognizedAt!, Date.UTC(2025, 0, 1))), utc(2026, 10, 1));
    suspended.statusReason = "年度考核发现服务台账不全，暂停服务限期整改";
    return rows;
  }

  private venue(region: QuanzhouRegion, type: "MARKET" | "STATION", town: string): VenueRow {
    const shortTown = town.replace(/(街道|镇)$/, "");
    const name = type === "MARKET" ? `${region.name}${shortTown}零工市场` : `${region.name}${town}零工驿站`;
    const publicOperator = type === "MARKET" || this.rng.chance(0.5);
    const operatorName = publicOperator
      ? type === "MARKET"
        ? `${region.name}公共就业和人才服务中心`
        : `${region.name}${town}劳动保障服务所`
      : `泉州${this.rng.pick(BRAND_WORDS)}${this.rng.pick(HR_FIRM_WORDS)}有限公司`;
    const point = jitter(this.rng, region.centre, 3);
    // Markets opened first (2024 to mid-2025); stations kept being recognised into 2026.
    const recognizedAt = type === "MARKET" ? this.dateBetween(utc(2024, 0, 1), utc(2025, 5, 30)) : this.dateBetween(utc(2024, 2, 1), utc(2026, 8, 30));
    return {
      id: this.rng.uuid(),
      name,
      type,
      regionCode: region.code,
      address: `泉州市${region.name}${town}${this.rng.pick(ROADS)}${this.rng.int(1, 388)}号`,
      lat: point.lat,
      lng: point.lng,
      operatorName,
      operatorCreditCode: this.creditCode(publicOperator ? "12" : "91", region.code),
      contactPhone: `0595-2${this.rng.digits(7)}`,
      openingHours: openingHoursFor(type, name),
      status: "RECOGNIZED",
      recognizedAt,
    };
  }

  officials(demoMarket: VenueRow): UserRow[] {
    const user = (phone: string, role: string, displayName: string, extra: Partial<UserRow> = {}): UserRow => ({
      id: this.rng.uuid(),
      phone,
      passwordHash: this.passwordHash,
      role,
      displayName,
      ...extra,
    });
    return [
      user("13900000001", "CITY_OFFICER", "黄建国（泉州市人社局）"),
      user("13900000002", "COUNTY_OFFICER", "苏雅琴（鲤城区人社局）", { regionCode: DEMO_REGION }),
      user("13900000003", "VENUE_STAFF", `陈丽娟（${demoMarket.name}）`, { venueId: demoMarket.id, regionCode: DEMO_REGION }),
    ];
  }

  workers(count: number, venueRows: VenueRow[], demoMarket: VenueRow) {
    const users: UserRow[] = [];
    const profiles: (typeof workerProfiles.$inferInsert)[] = [];
    const skills: (typeof workerSkills.$inferInsert)[] = [];
    const venuesByRegion = new Map<string, VenueRow[]>();
    for (const v of venueRows) {
      if (v.status !== "RECOGNIZED") continue;
      venuesByRegion.set(v.regionCode, [...(venuesByRegion.get(v.regionCode) ?? []), v]);
    }
    const regionWeights = QUANZHOU_REGIONS.map((r) => [r, REGION_WEIGHTS[r.code] ?? 1] as const);

    for (let i = 0; i <= count; i++) {
      // i === count is the demo worker, 陈志明 of 鲤城区, with a fixed phone.
      const isDemo = i === count;
      const region: QuanzhouRegion = isDemo ? QUANZHOU_REGIONS[0] : this.rng.weighted(regionWeights);
      const gender = isDemo ? "MALE" : this.rng.chance(0.56) ? "MALE" : "FEMALE";
      const birthDate = isDemo ? "1972-05-18" : this.birthDate();
      const id = this.residentId(this.rng.chance(0.8) ? idAreaCodeFor(region.code) : this.rng.pick(ID_AREA_CODES), birthDate, gender);
      const realName = isDemo ? "陈志明" : this.personName(gender);
      const userId = this.rng.uuid();
      const home = jitter(this.rng, region.centre, 8);
      const regionVenues = venuesByRegion.get(region.code) ?? venueRows.filter((v) => v.regionCode === region.code);
      const travelMode = this.rng.weighted([["WALK", 8], ["BICYCLE", 10], ["EBIKE", 47], ["TRANSIT", 25], ["CAR", 10]] as const);
      const completedCount = Math.floor(this.rng.float() ** 2 * 40);
      const ratingCount = Math.floor(completedCount * this.rng.float() * 0.8);
      users.push({
        id: userId,
        phone: isDemo ? "13900000004" : this.phone(),
        passwordHash: this.passwordHash,
        role: "WORKER",
        displayName: realName,
      });
      profiles.push({
        userId,
        realName,
        idNumberCipher: this.vault.encrypt(id),
        idNumberBlindIndex: this.vault.blindIndex(id),
        idNumberMasked: maskResidentId(id),
        gender,
        birthDate,
        homeLat: home.lat,
        homeLng: home.lng,
        homeAddress: this.homeAddress(region),
        travelMode,
        travelMinutes: travelMode === "WALK" ? this.rng.pick([15, 20, 30]) : this.rng.pick([30, 45, 60, 60, 60, 90]),
        available: isDemo || this.rng.chance(0.88),
        hardToEmploy: !isDemo && this.rng.chance(0.08),
        zeroEmploymentFamily: !isDemo && this.rng.chance(0.03),
        homeVenueId: isDemo ? demoMarket.id : this.rng.pick(regionVenues).id,
        verifiedAt: isDemo || this.rng.chance(0.92) ? this.dateBetween(utc(2025, 0, 1), utc(2026, 10, 1)) : null,
        completedCount,
        noShowCount: this.rng.chance(0.15) ? this.rng.int(1, 3) : 0,
        ratingCount,
        ratingSum: Math.round(ratingCount * (3.6 + this.rng.float() * 1.4)),
      });
      const codes = isDemo ? ["PORTER", "CONSTRUCTION"] : this.skillCodes(region.code);
      for (const skillCode of codes) {
        skills.push({ workerId: userId, skillCode, level: this.rng.weighted([[1, 20], [2, 30], [3, 28], [4, 15], [5, 7]] as const) });
      }
    }
    return { users, profiles, skills };
  }

  employers(count: number) {
    const users: UserRow[] = [];
    const profiles: (typeof employerProfiles.$inferInsert)[] = [];
    const regionWeights = QUANZHOU_REGIONS.map((r) => [r, REGION_WEIGHTS[r.code] ?? 1] as const);
    for (let i = 0; i <= count; i++) {
      // i === count is the demo employer, a shoe company in 鲤城区.
      const isDemo = i === count;
      const region: QuanzhouRegion = isDemo ? QUANZHOU_REGIONS[0] : this.rng.weighted(regionWeights);
      const userId = this.rng.uuid();
      const contactGender = this.rng.chance(0.5) ? "MALE" : "FEMALE";
      const contactName = isDemo ? "林晓燕" : this.personName(contactGender);
      const address = `泉州市${region.name}${this.rng.pick(TOWNS[region.code]!)}${this.rng.pick(ROADS)}${this.rng.int(1, 500)}号`;
      const company = isDemo || this.rng.chance(0.8);
      let name: string;
      if (company) {
        name = isDemo ? "泉州鸿盛鞋业有限公司" : this.companyName(region);
        this.companyNames.add(name);
        profiles.push({
          userId,
          kind: "COMPANY",
          name,
          creditCode: this.creditCode("91", region.code),
          contactName,
          regionCode: region.code,
          address,
        });
      } else {
        const id = this.residentId(idAreaCodeFor(region.code), this.birthDate(1960, 1995), contactGender);
        name = contactName;
        profiles.push({
          userId,
          kind: "INDIVIDUAL",
          name,
          idNumberCipher: this.vault.encrypt(id),
          idNumberBlindIndex: this.vault.blindIndex(id),
          idNumberMasked: maskResidentId(id),
          contactName,
          regionCode: region.code,
          address,
        });
      }
      users.push({ id: userId, phone: isDemo ? "13900000005" : this.phone(), passwordHash: this.passwordHash, role: "EMPLOYER", displayName: name });
    }
    return { users, profiles };
  }

  private companyName(region: QuanzhouRegion): string {
    for (;;) {
      const place = this.rng.chance(0.5) ? "泉州" : region.name.replace(/(区|市|县)$/, "").replace(/^泉州/, "");
      const name = `${place}${this.rng.pick(BRAND_WORDS)}${this.rng.pick(INDUSTRIES)}${this.rng.pick(COMPANY_FORMS)}`;
      if (!this.companyNames.has(name)) return name;
    }
  }

  private personName(gender: "MALE" | "FEMALE"): string {
    const chars = gender === "MALE" ? MALE_GIVEN_CHARS : FEMALE_GIVEN_CHARS;
    const given = this.rng.chance(0.25) ? this.rng.pick([...chars]) : this.rng.pick([...chars]) + this.rng.pick([...chars]);
    return this.rng.weighted(SURNAMES) + given;
  }

  /** An 11-digit mobile on 13x/15x/18x, unique, never one of the demo numbers (139 0000 00xx). */
  private phone(): string {
    for (;;) {
      const prefix = this.rng.pick(["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "158", "159", "180", "182", "185", "186", "187", "188", "189"]);
      const phone = prefix + this.rng.digits(8);
      if (!phone.startsWith("1390000") && !this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** A valid GB 11643 ID: area code, birth date, sequence whose last digit is odd for men, check digit. */
  private residentId(areaCode: string, birthDate: string, gender: "MALE" | "FEMALE"): string {
    for (;;) {
      const sequence = this.rng.digits(2) + String(this.rng.int(0, 4) * 2 + (gender === "MALE" ? 1 : 0));
      const first17 = areaCode + birthDate.replaceAll("-", "") + sequence;
      const id = first17 + residentIdCheckDigit(first17);
      if (!this.residentIds.has(id)) {
        this.residentIds.add(id);
        return id;
      }
    }
  }

  /** A credit code: registering authority and type (12 public institution, 91 company), area, 9 characters, check. */
  private creditCode(kind: "12" | "91", regionCode: string): string {
    for (;;) {
      const first17 = kind + creditRegionCodeFor(regionCode) + this.rng.chars(CREDIT_CHARSET, 9);
      const code = first17 + creditCodeCheckChar(first17);
      if (!this.creditCodes.has(code)) {
        this.creditCodes.add(code);
        return code;
      }
    }
  }

  private birthDate(fromYear = 1960, toYear = 2005): string {
    return this.dateBetween(utc(fromYear, 0, 1), utc(toYear, 11, 31)).toISOString().slice(0, 10);
  }

  private homeAddress(region: QuanzhouRegion): string {
    const town = this.rng.pick(TOWNS[region.code]!);
    return `泉州市${region.name}${town}${this.rng.pick(VILLAGE_WORDS)}${this.rng.pick(VILLAGE_SUFFIXES)}${this.rng.int(1, 199)}号`;
  }

  private skillCodes(regionCode: string): string[] {
    const count = this.rng.weighted([[1, 45], [2, 35], [3, 20]] as const);
    const chosen = new Set<string>();
    const local = LOCAL_SKILLS[regionCode];
    if (local && this.rng.chance(0.4)) chosen.add(this.rng.pick(local));
    while (chosen.size < count) chosen.add(this.rng.pick(SKILL_CATALOG).code);
    return [...chosen];
  }

  /** A time between two instants, during office hours in Asia/Shanghai (01:00–09:00 UTC). */
  private dateBetween(from: Date, to: Date): Date {
    const dayMs = 86_400_000;
    const days = Math.max(0, Math.floor((+to - +from) / dayMs));
    const day = Math.floor(+from / dayMs) + this.rng.int(0, days);
    return new Date(day * dayMs + this.rng.int(1 * 3600, 9 * 3600 - 1) * 1000);
  }
}

const utc = (y: number, monthIndex: number, d: number) => new Date(Date.UTC(y, monthIndex, d));

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
