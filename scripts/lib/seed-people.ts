// The demo's people and venues as rows: venues in all 13 areas, staff and officers, workers with skills and
// employers, from a seeded PRNG so the same seed gives the same phones, IDs and names (the simulator replays it).
import {
  QUANZHOU_REGIONS,
  SKILL_CATALOG,
  creditCodeCheckChar,
  maskResidentId,
  residentIdCheckDigit,
  type QuanzhouRegion,
} from "@qz/shared";
import { employerProfiles, users, venues, workerProfiles, workerSkills } from "../../server/src/db/schema/index.js";
import type { PiiVault } from "../../server/src/modules/identity/pii.js";
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
} from "./demo-vocabulary.js";
import { Rng, jitter } from "./random.js";


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

export const DEMO_REGION = "350502"; // 鲤城区
const DEMO_MARKET_TOWN = "江南街道"; // so the demo market is always "鲤城区江南零工市场"
const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

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

export type VenueRow = typeof venues.$inferInsert & { id: string; regionCode: string };
export type UserRow = typeof users.$inferInsert & { id: string };

/** Builds rows; keeps the sets that make phones, IDs, names and credit codes unique. */
export class Generator {
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
