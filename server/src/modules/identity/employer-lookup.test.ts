// 用工单位查询 in the console: employers in the caller's scope (staff: brokered by their venue; county officers:
// their county's; city: all), identifiers masked, typed errors for bad terms and page sizes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employerProfiles, tasks } from "../../db/schema/index.js";
import { createPiiVault } from "./pii.js";
import { creditCode, insertUser, insertVenue, nextPhone, residentId, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const EMPLOYERS = `query($s: String, $limit: Int, $offset: Int) { employers(search: $s, limit: $limit, offset: $offset) {
  total items { userId name kind creditCode idNumber contactName phone regionCode taskCount } } }`;

describe("employer search", () => {
  let t: TestApi;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let county: Awaited<ReturnType<typeof signedIn>>;
  let city: Awaited<ReturnType<typeof signedIn>>;
  const ownCode = creditCode(7_700_001);
  const ownPhone = nextPhone();
  const personId = residentId("1975-02-03", 771);
  beforeAll(async () => {
    t = await startTestApi();
    const db = t.database.db;
    const mine = await insertVenue(db, { regionCode: "350502", status: "RECOGNIZED" });
    const other = await insertVenue(db, { regionCode: "350502", status: "RECOGNIZED" });
    const theirs = await insertVenue(db, { regionCode: "350583", status: "RECOGNIZED" });
    const employer = async (name: string, regionCode: string, extra: Partial<typeof employerProfiles.$inferInsert> = {}, phone?: string) => {
      const u = await insertUser(db, "EMPLOYER", phone ? { phone } : {});
      await db.insert(employerProfiles).values({ userId: u.id, kind: "COMPANY", name, creditCode: creditCode(7_700_000 + name.length * 7 + regionCode.length), contactName: "王建国", regionCode, ...extra });
      return u;
    };
    const task = (employerId: string, venue: { id: string; regionCode: string }) =>
      db.insert(tasks).values({
        employerId, venueId: venue.id, postedBy: employerId, regionCode: venue.regionCode, title: "搬运", description: "搬运鞋材", skillCode: "PORTER",
        address: "仓库", lat: 24.9, lng: 118.6, startsAt: new Date("2026-12-01T01:00:00Z"), endsAt: new Date("2026-12-01T05:00:00Z"), headcount: 2, payRateFen: 2500, payUnit: "HOUR",
      });
    const a = await employer("鲤城鞋业有限公司", "350502", { creditCode: ownCode }, ownPhone);
    const b = await employer("鲤城茶叶商行", "350502", { creditCode: creditCode(7_700_002) });
    const c = await employer("晋江纺织有限公司", "350582", { creditCode: creditCode(7_700_003) });
    const d = await employer("石狮服装有限公司", "350581", { creditCode: creditCode(7_700_004) });
    await employer("陈阿婆", "350583", { kind: "INDIVIDUAL", creditCode: null, idNumberCipher: "x", idNumberBlindIndex: createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey).blindIndex(personId), idNumberMasked: `${personId.slice(0, 6)}********${personId.slice(14)}` });
    await task(a.id, mine);
    await task(a.id, mine);
    await task(b.id, other);
    await task(c.id, mine); // registered in 晋江, brokered in 鲤城: the 鲤城 officers and that venue see it
    await task(d.id, theirs);
    staff = await signedIn(t, "VENUE_STAFF", { venueId: mine.id, regionCode: "350502" });
    county = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    city = await signedIn(t, "CITY_OFFICER");
  });
  afterAll(() => t?.close());

  type Item = { name: string; creditCode: string | null; idNumber: string | null; contactName: string; phone: string; taskCount: number };
  const list = async (token: string, s?: string) => (await t.ok(EMPLOYERS, { s }, token)).employers as { total: number; items: Item[] };
  const names = async (token: string, s?: string) => (await list(token, s)).items.map((e) => e.name).sort();

  it("keeps to the caller's scope: venue staff, county officers, city officers", async () => {
    expect(await names(staff.token)).toEqual(["晋江纺织有限公司", "鲤城鞋业有限公司"]);
    expect(await names(county.token), "another county's employer (石狮, 洛江) is not returned").toEqual(["晋江纺织有限公司", "鲤城茶叶商行", "鲤城鞋业有限公司"]);
    expect((await list(city.token)).total).toBe(5);
    const own = (await list(staff.token)).items.find((e) => e.name === "鲤城鞋业有限公司")!;
    expect(own.taskCount).toBe(2);
    expect((await list(county.token)).items.find((e) => e.name === "晋江纺织有限公司")!.taskCount, "only the county's tasks count").toBe(1);
  });

  it("masks the credit code, ID, contact and phone", async () => {
    const [own] = (await list(county.token, ownCode)).items;
    expect(own!.creditCode).toBe(`${ownCode.slice(0, 4)}**********${ownCode.slice(14)}`);
    expect(own!.contactName).toBe("王**");
    expect(own!.phone).toBe(`${ownPhone.slice(0, 3)}****${ownPhone.slice(7)}`);
    const [person] = (await list(city.token, personId)).items;
    expect(person).toMatchObject({ name: "陈阿婆", creditCode: null, idNumber: `${personId.slice(0, 6)}********${personId.slice(14)}` });
  });

  it("searches by name part, mobile, credit code and ID number, within scope", async () => {
    expect(await names(county.token, "鲤城")).toEqual(["鲤城茶叶商行", "鲤城鞋业有限公司"]);
    expect(await names(staff.token, ownPhone)).toEqual(["鲤城鞋业有限公司"]);
    expect(await names(staff.token, ownCode.toLowerCase())).toEqual(["鲤城鞋业有限公司"]);
    expect(await names(county.token, "石狮"), "outside the county: nothing").toEqual([]);
    expect(await names(county.token, personId)).toEqual([]);
    expect(await names(city.token, "%")).toEqual([]);
  });

  it("refuses bad terms and page sizes with typed errors, and other roles", async () => {
    const badCode = `${ownCode.slice(0, 17)}${ownCode.endsWith("0") ? "1" : "0"}`;
    for (const s of [badCode, "1234", "99999999999", "厂".repeat(41)]) {
      expect((await t.gql(EMPLOYERS, { s }, city.token)).errors?.[0]?.extensions?.code, s).toBe("BAD_USER_INPUT");
    }
    for (const limit of [0, 101, -1]) expect((await t.gql(EMPLOYERS, { limit }, city.token)).errors?.[0]?.extensions?.code, `limit ${limit}`).toBe("BAD_USER_INPUT");
    expect((await t.gql(EMPLOYERS, { offset: -1 }, city.token)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const employer = await signedIn(t, "EMPLOYER");
    expect((await t.gql(EMPLOYERS, {}, employer.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("pages on the server", async () => {
    const p1 = (await t.ok(EMPLOYERS, { limit: 2, offset: 0 }, city.token)).employers;
    const p3 = (await t.ok(EMPLOYERS, { limit: 2, offset: 4 }, city.token)).employers;
    expect([p1.items.length, p3.items.length, p1.total]).toEqual([2, 1, 5]);
  });

  it("filters tasks by employer inside the same scope", async () => {
    const Q = `query($e: UUID) { tasks(employerId: $e) { total } }`;
    const jj = (await t.ok(EMPLOYERS, { s: "晋江纺织" }, city.token)).employers.items[0].userId as string;
    expect((await t.ok(Q, { e: jj }, staff.token)).tasks.total).toBe(1);
    expect((await t.ok(Q, { e: jj }, city.token)).tasks.total).toBe(1);
  });
});
