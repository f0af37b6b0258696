import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outbox, venues } from "../../db/schema/index.js";
import { creditCode, insertVenue, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const CREATE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id status regionCode recognizedAt region { name } } }`;
const RECOGNIZE = `mutation($id: UUID!) { recognizeVenue(id: $id) { id status recognizedAt statusReason } }`;
const SUSPEND = `mutation($id: UUID!, $r: String!) { suspendVenue(id: $id, reason: $r) { status statusReason recognizedAt } }`;
const REVOKE = `mutation($id: UUID!, $r: String!) { revokeVenue(id: $id, reason: $r) { status } }`;
const LIST = `query($f: VenueFilter, $limit: Int) { venues(filter: $f, limit: $limit) { total items { id name status type regionCode } } }`;

let n = 0;
const venueInput = (over: Record<string, unknown> = {}) => ({
  name: `鲤城区测试零工市场${++n}`,
  type: "MARKET",
  regionCode: "350502",
  address: "鲤城区温陵路100号",
  lat: 24.91,
  lng: 118.58,
  operatorName: "泉州市人力资源服务中心",
  operatorCreditCode: creditCode(9000 + n),
  ...over,
});

describe("venues", () => {
  let t: TestApi;
  let licheng: string; // county officer of 鲤城区
  let jinjiang: string; // county officer of 晋江市
  let city: string;
  beforeAll(async () => {
    t = await startTestApi();
    licheng = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" })).token;
    jinjiang = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350582" })).token;
    city = (await signedIn(t, "CITY_OFFICER")).token;
  });
  afterAll(() => t?.close());

  it("a list reads only the columns asked for, yet every shape of the same query answers the same values", async () => {
    const { createVenue } = await t.ok(CREATE, { input: venueInput({ contactPhone: "13905950000" }) }, licheng);
    const f = { regionCode: "350502" };
    const full = `query($f: VenueFilter) { venues(filter: $f, limit: 100) { total items { id name contactPhone createdAt region { name } } } }`;
    const narrow = `query($f: VenueFilter) { venues(filter: $f, limit: 100) { total items { contactPhone } } }`;
    const fragment = `query($f: VenueFilter) { venues(filter: $f, limit: 100) { total items { ...v } } } fragment v on Venue { contactPhone region { name } }`;
    const directive = `query($f: VenueFilter, $x: Boolean!) { venues(filter: $f, limit: 100) { total items { contactPhone createdAt @include(if: $x) } } }`;
    const all = (await t.ok(full, { f }, licheng)).venues;
    const mine = all.items.find((v: { id: string }) => v.id === createVenue.id);
    expect(mine).toMatchObject({ contactPhone: "13905950000", region: { name: "鲤城区" } });
    expect(mine.createdAt).toMatch(/^\d{4}-/);
    const pick = (items: Record<string, unknown>[], keys: string[]) => items.map((v) => Object.fromEntries(keys.map((k) => [k, v[k]])));
    for (const [query, keys, variables] of [
      [narrow, ["contactPhone"], {}],
      [fragment, ["contactPhone", "region"], {}],
      [directive, ["contactPhone", "createdAt"], { x: true }],
    ] as const) {
      const page = (await t.ok(query, { f, ...variables }, licheng)).venues;
      expect(page.total).toBe(all.total);
      expect(page.items).toEqual(pick(all.items, [...keys]));
    }
  });

  it("a county officer creates a venue in their county; it waits for recognition", async () => {
    const { createVenue } = await t.ok(CREATE, { input: venueInput() }, licheng);
    expect(createVenue).toMatchObject({ status: "PENDING_RECOGNITION", regionCode: "350502", recognizedAt: null, region: { name: "鲤城区" } });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, createVenue.id));
    expect(audit.map((a) => a.action)).toEqual(["venue.create"]);
  });

  it("refuses a venue outside the officer's county (FORBIDDEN) and bad input (BAD_USER_INPUT), writing nothing", async () => {
    const [before] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from venues`);
    const other = await t.gql(CREATE, { input: venueInput({ regionCode: "350582" }) }, licheng);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const badCode = await t.gql(CREATE, { input: venueInput({ operatorCreditCode: "91350500MA2XXXXXX0" }) }, licheng);
    expect(badCode.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badRegion = await t.gql(CREATE, { input: venueInput({ regionCode: "999999" }) }, city);
    expect(badRegion.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const [after] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from venues`);
    expect(after!.n).toBe(before!.n);
  });

  it("recognise → suspend → reinstate → revoke, keeping the first recognition date; every step audited and announced", async () => {
    const { createVenue } = await t.ok(CREATE, { input: venueInput() }, licheng);
    const staff = await signedIn(t, "VENUE_STAFF", { venueId: createVenue.id, regionCode: "350502" });
    const recognised = (await t.ok(RECOGNIZE, { id: createVenue.id }, licheng)).recognizeVenue;
    expect(recognised.status).toBe("RECOGNIZED");
    expect(recognised.recognizedAt).not.toBeNull();
    const suspended = (await t.ok(SUSPEND, { id: createVenue.id, r: "场地整改" }, licheng)).suspendVenue;
    expect(suspended).toEqual({ status: "SUSPENDED", statusReason: "场地整改", recognizedAt: recognised.recognizedAt });
    const reinstated = (await t.ok(RECOGNIZE, { id: createVenue.id }, city)).recognizeVenue;
    expect(reinstated).toMatchObject({ status: "RECOGNIZED", recognizedAt: recognised.recognizedAt });
    expect((await t.ok(REVOKE, { id: createVenue.id, r: "弄虚作假" }, licheng)).revokeVenue.status).toBe("REVOKED");

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, createVenue.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["venue.create", "venue.recognize", "venue.suspend", "venue.recognize", "venue.revoke"]);
    expect(audit[2]).toMatchObject({ before: { status: "RECOGNIZED" }, after: { status: "SUSPENDED", statusReason: "场地整改" } });
    const events = await t.database.db.select().from(outbox).where(sql`${outbox.payload}->>'venueId' = ${createVenue.id}`);
    expect(events.map((e) => (e.payload as { to: string }).to)).toEqual(["RECOGNIZED", "SUSPENDED", "RECOGNIZED", "REVOKED"]);
    expect(staff.user.venueId).toBe(createVenue.id);
  });

  it("refuses an impossible transition or a missing reason with PRECONDITION_FAILED and changes nothing", async () => {
    const venue = await insertVenue(t.database.db, { status: "REVOKED", regionCode: "350502" });
    const again = await t.gql(RECOGNIZE, { id: venue.id }, licheng);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reasons: [{ code: "VENUE_TRANSITION" }] });
    const live = await insertVenue(t.database.db, { status: "RECOGNIZED", regionCode: "350502" });
    const noReason = await t.gql(SUSPEND, { id: live.id, r: "   " }, licheng);
    expect(noReason.errors?.[0]?.extensions?.reasons).toEqual([expect.objectContaining({ code: "VENUE_REASON_REQUIRED" })]);
    const [row] = await t.database.db.select().from(venues).where(eq(venues.id, live.id));
    expect(row!.status).toBe("RECOGNIZED");
    const foreign = await t.gql(SUSPEND, { id: live.id, r: "x" }, jinjiang);
    expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const missing = await t.gql(RECOGNIZE, { id: "00000000-0000-4000-8000-000000000000" }, city);
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("two officers recognising at once: one wins, the other is refused", async () => {
    const venue = await insertVenue(t.database.db, { regionCode: "350502" });
    const results = await Promise.all([t.gql(RECOGNIZE, { id: venue.id }, licheng), t.gql(RECOGNIZE, { id: venue.id }, city)]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe("PRECONDITION_FAILED");
  });

  it("lists by scope: city sees all, county its own, staff only their venue, workers only recognised ones", async () => {
    const a = await insertVenue(t.database.db, { regionCode: "350582", type: "STATION", status: "RECOGNIZED", name: "晋江市陈埭镇零工驿站" });
    await insertVenue(t.database.db, { regionCode: "350582", type: "MARKET", status: "PENDING_RECOGNITION", name: "晋江市零工市场" });
    const staff = (await signedIn(t, "VENUE_STAFF", { venueId: a.id, regionCode: "350582" })).token;
    const worker = (await signedIn(t, "WORKER")).token;
    const all = (await t.ok(LIST, { limit: 100 }, city)).venues;
    const county = (await t.ok(LIST, { limit: 100 }, jinjiang)).venues;
    expect(county.items.every((v: { regionCode: string }) => v.regionCode === "350582")).toBe(true);
    expect(county.total).toBe(2);
    expect(all.total).toBeGreaterThan(county.total);
    expect((await t.ok(LIST, {}, staff)).venues.items.map((v: { id: string }) => v.id)).toEqual([a.id]);
    const workerView = (await t.ok(LIST, { limit: 100, f: { regionCode: "350582" } }, worker)).venues;
    expect(workerView.items.map((v: { name: string }) => v.name)).toEqual(["晋江市陈埭镇零工驿站"]);
    // filters
    const stations = (await t.ok(LIST, { limit: 100, f: { type: "STATION", search: "陈埭" } }, city)).venues;
    expect(stations.items.map((v: { id: string }) => v.id)).toEqual([a.id]);
    // page and total come back together; past the last page the total still holds, and LIKE wildcards are literal
    const paged = `query($f: VenueFilter, $limit: Int, $offset: Int) { venues(filter: $f, limit: $limit, offset: $offset) { total items { id } } }`;
    expect((await t.ok(paged, { limit: 1, offset: 1 }, jinjiang)).venues).toMatchObject({ total: 2, items: [expect.anything()] });
    expect((await t.ok(paged, { limit: 5, offset: 50 }, jinjiang)).venues).toEqual({ total: 2, items: [] });
    expect((await t.ok(paged, { f: { search: "%" } }, city)).venues).toEqual({ total: 0, items: [] });
    // a county officer asking for another county gets refused, not silently widened
    const widened = await t.gql(LIST, { f: { regionCode: "350502" } }, jinjiang);
    expect(widened.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // staff cannot open another venue
    const other = await t.gql(`query($id: UUID!) { venue(id: $id) { id } }`, { id: (await insertVenue(t.database.db)).id }, staff);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("coverage counts recognised venues per area against the plan's targets", async () => {
    const fresh = await startTestApi();
    try {
      const officer = (await signedIn(fresh, "CITY_OFFICER")).token;
      await insertVenue(fresh.database.db, { regionCode: "350502", type: "MARKET", status: "RECOGNIZED" });
      await insertVenue(fresh.database.db, { regionCode: "350502", type: "STATION", status: "RECOGNIZED" });
      await insertVenue(fresh.database.db, { regionCode: "350526", type: "STATION", status: "RECOGNIZED" });
      await insertVenue(fresh.database.db, { regionCode: "350583", type: "MARKET", status: "PENDING_RECOGNITION" });
      const { venueCoverage } = await fresh.ok(`{ venueCoverage { regions { code markets stations covered } city { regionsCovered markets stations regionsMet marketsMet stationsMet targets { regions markets stations } } } }`, {}, officer);
      expect(venueCoverage.regions).toHaveLength(13);
      expect(venueCoverage.regions.find((r: { code: string }) => r.code === "350502")).toEqual({ code: "350502", markets: 1, stations: 1, covered: true });
      expect(venueCoverage.regions.find((r: { code: string }) => r.code === "350583")).toMatchObject({ markets: 0, covered: false });
      expect(venueCoverage.city).toEqual({ regionsCovered: 2, markets: 1, stations: 2, regionsMet: false, marketsMet: false, stationsMet: false, targets: { regions: 13, markets: 30, stations: 100 } });
    } finally {
      await fresh.close();
    }
  });

  it("records a purchase-of-service period and refuses one that ends before it starts", async () => {
    const venue = await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" });
    const ADD = `mutation($input: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $input) { startsOn endsOn } }`;
    await t.ok(ADD, { input: { venueId: venue.id, startsOn: "2026-01-01", endsOn: "2026-06-30", note: "政府购买服务" } }, licheng);
    const bad = await t.gql(ADD, { input: { venueId: venue.id, startsOn: "2026-07-01", endsOn: "2026-06-30" } }, licheng);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const { venue: v } = await t.ok(`query($id: UUID!) { venue(id: $id) { servicePurchasePeriods { startsOn endsOn note } } }`, { id: venue.id }, licheng);
    expect(v.servicePurchasePeriods).toEqual([{ startsOn: "2026-01-01", endsOn: "2026-06-30", note: "政府购买服务" }]);
  });

  it("refuses a 180,000-character suspension reason before it reaches the venue, the audit log or the outbox", async () => {
    const live = await insertVenue(t.database.db, { status: "RECOGNIZED", regionCode: "350502" });
    const result = await t.gql(SUSPEND, { id: live.id, r: "整".repeat(180_000) }, licheng);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "reason" })] });
    const [row] = await t.database.db.select().from(venues).where(eq(venues.id, live.id));
    expect(row).toMatchObject({ status: "RECOGNIZED", statusReason: null });
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, live.id))).toEqual([]);
    expect(await t.database.db.select().from(outbox).where(sql`${outbox.payload}->>'venueId' = ${live.id}`)).toEqual([]);
    // a multi-line reason keeps its lines; surrounding blanks go
    const ok = (await t.ok(SUSPEND, { id: live.id, r: "  消防检查不合格\r\n限期整改  " }, licheng)).suspendVenue;
    expect(ok.statusReason).toBe("消防检查不合格\n限期整改");
  });

  it.each([
    ["blank name, address and operator (length was checked before trimming)", { name: "  ", address: "   ", operatorName: "  " }, "name", "TEXT_REQUIRED"],
    ["a name of zero-width spaces", { name: "\u200b\u200b\u200b" }, "name", "TEXT_INVISIBLE_CHAR"],
    ["a bidi override in the name", { name: "鲤城区\u202e场市工零" }, "name", "TEXT_INVISIBLE_CHAR"],
    ["a line break in the address", { address: "鲤城区温陵路\r\n100号" }, "address", "TEXT_LINE_BREAK"],
    ["a control character in the operator", { operatorName: "泉州市人力资源\u0007服务中心" }, "operatorName", "TEXT_CONTROL_CHAR"],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_name, over, field, code) => {
    const [before] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from venues`);
    const result = await t.gql(CREATE, { input: venueInput(over) }, licheng);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field, code })] });
    const [after] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from venues`);
    expect(after!.n).toBe(before!.n);
  });

  it("stores names and addresses normalised: trimmed, inner spaces collapsed, full-width letters and digits folded", async () => {
    const { createVenue } = await t.ok(CREATE, { input: venueInput({ name: "  鲤城区　规范化  零工驿站 ", address: " 鲤城区温陵路１００号 " }) }, licheng);
    const [row] = await t.database.db.select().from(venues).where(eq(venues.id, createVenue.id));
    expect({ name: row!.name, address: row!.address }).toEqual({ name: "鲤城区 规范化 零工驿站", address: "鲤城区温陵路100号" });
  });

  it("venue names are unique per county (CONFLICT, also for a spelling that normalises the same and for a race); other counties may reuse them", async () => {
    await t.ok(CREATE, { input: venueInput({ name: "鲤城区同名零工市场" }) }, licheng);
    const [before] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from venues`);
    for (const name of ["鲤城区同名零工市场", " 鲤城区同名零工市场　"]) {
      const again = await t.gql(CREATE, { input: venueInput({ name }) }, licheng);
      expect(again.errors?.[0]).toMatchObject({ message: "该县(市、区)已有同名场所", extensions: { code: "CONFLICT" } });
    }
    const [after] = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from venues`);
    expect(after!.n).toBe(before!.n);
    await t.ok(CREATE, { input: venueInput({ name: "鲤城区同名零工市场", regionCode: "350582" }) }, city);
    const race = await Promise.all([1, 2, 3].map(() => t.gql(CREATE, { input: venueInput({ name: "鲤城区并发零工市场" }) }, licheng)));
    expect(race.filter((r) => !r.errors).length).toBe(1);
    expect(race.filter((r) => r.errors?.[0]?.message === "该县(市、区)已有同名场所").length).toBe(2);
  });

  it("refuses a purchase-of-service period that overlaps a recorded one (CONFLICT naming its dates), also when two arrive at once", async () => {
    const venue = await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" });
    const ADD = `mutation($input: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $input) { startsOn endsOn } }`;
    const period = (startsOn: string, endsOn: string) => ({ input: { venueId: venue.id, startsOn, endsOn } });
    await t.ok(ADD, period("2026-01-01", "2026-06-30"), licheng);
    for (const [s, e] of [["2026-01-01", "2026-06-30"], ["2026-06-30", "2026-12-31"], ["2025-07-01", "2026-01-01"], ["2026-03-01", "2026-03-31"]] as const) {
      const clash = await t.gql(ADD, period(s, e), licheng);
      expect(clash.errors?.[0]).toMatchObject({ message: expect.stringContaining("2026-01-01 至 2026-06-30"), extensions: { code: "CONFLICT" } });
    }
    await t.ok(ADD, period("2026-07-01", "2026-12-31"), licheng); // the next day is not an overlap
    const race = await Promise.all([1, 2].map(() => t.gql(ADD, period("2027-01-01", "2027-06-30"), licheng)));
    expect(race.filter((r) => !r.errors).length).toBe(1);
    expect(race.find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const { venue: v } = await t.ok(`query($id: UUID!) { venue(id: $id) { servicePurchasePeriods { startsOn } } }`, { id: venue.id }, licheng);
    expect(v.servicePurchasePeriods.map((p: { startsOn: string }) => p.startsOn)).toEqual(["2026-01-01", "2026-07-01", "2027-01-01"]);
  });
});
