// The console's lookups in the identity module, inside the caller's scope: workers (零工人员查询) by name, mobile
// number or ID number; a venue's staff accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertVenue, nextPhone, registerWithCode, residentId, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const WORKERS = `query($s: String) { workers(search: $s, limit: 50) { total items { realName idNumber homeVenue { id } } } }`;

describe("worker search", () => {
  let t: TestApi;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let county: Awaited<ReturnType<typeof signedIn>>;
  let city: Awaited<ReturnType<typeof signedIn>>;
  let mine: Awaited<ReturnType<typeof insertVenue>>;
  let theirs: Awaited<ReturnType<typeof insertVenue>>;
  const phone = nextPhone();
  const id = residentId("1971-03-04", 611);
  const foreignId = residentId("1972-05-06", 613);
  beforeAll(async () => {
    t = await startTestApi();
    mine = await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" });
    theirs = await insertVenue(t.database.db, { regionCode: "350583", status: "RECOGNIZED" });
    const base = { password: "Worker#2026", skills: [{ skillCode: "PORTER", level: 2 }], homeLat: 24.9, homeLng: 118.6, travelMode: "WALK" };
    await registerWithCode(t, "registerWorker", { ...base, realName: "欧阳秀兰", phone, idNumber: id, homeVenueId: mine.id });
    await registerWithCode(t, "registerWorker", { ...base, realName: "欧阳秀英", phone: nextPhone(), idNumber: foreignId, homeVenueId: theirs.id });
    await registerWithCode(t, "registerWorker", { ...base, realName: "100%_张", phone: nextPhone(), idNumber: residentId("1980-01-01", 615), homeVenueId: mine.id });
    staff = await signedIn(t, "VENUE_STAFF", { venueId: mine.id, regionCode: "350502", displayName: "驿站小林" });
    county = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    city = await signedIn(t, "CITY_OFFICER");
  });
  afterAll(() => t?.close());

  const names = async (token: string, s: string) => ((await t.ok(WORKERS, { s }, token)).workers.items as { realName: string }[]).map((w) => w.realName).sort();

  it("finds by part of the name within the caller's scope only", async () => {
    expect(await names(city.token, "欧阳秀")).toEqual(["欧阳秀兰", "欧阳秀英"]);
    expect(await names(county.token, "欧阳秀"), "the other county's worker stays hidden").toEqual(["欧阳秀兰"]);
    expect(await names(staff.token, " 秀兰 ")).toEqual(["欧阳秀兰"]);
    expect(await names(staff.token, "秀英")).toEqual([]);
  });

  it("treats % and _ in a name as letters, not wildcards", async () => {
    expect(await names(city.token, "%_")).toEqual(["100%_张"]);
    expect(await names(city.token, "_")).toEqual(["100%_张"]);
  });

  it("finds by the exact mobile number and by the full ID number through its blind index; the ID stays masked", async () => {
    expect(await names(staff.token, phone)).toEqual(["欧阳秀兰"]);
    const byId = (await t.ok(WORKERS, { s: id.toLowerCase() }, county.token)).workers;
    expect(byId.total).toBe(1);
    expect(byId.items[0].idNumber).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(await names(county.token, foreignId), "outside the county: nothing").toEqual([]);
    expect(await names(city.token, foreignId)).toEqual(["欧阳秀英"]);
  });

  it("refuses malformed numbers and overlong terms with a typed error", async () => {
    const bad = `${id.slice(0, 17)}${id.endsWith("0") ? "1" : "0"}`;
    for (const s of [bad, id.slice(0, 17), "1234", "99999999999", "张".repeat(41)]) {
      const r = await t.gql(WORKERS, { s }, city.token);
      expect(r.errors?.[0]?.extensions?.code, s).toBe("BAD_USER_INPUT");
    }
    const worker = await signedIn(t, "WORKER");
    expect((await t.gql(WORKERS, { s: "欧阳" }, worker.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lists a venue's staff to its own staff and the officers over it, with masked phones; no one else", async () => {
    const STAFF = `query($v: UUID!) { venueStaff(venueId: $v) { displayName phone role venue { id } } }`;
    await signedIn(t, "VENUE_STAFF", { venueId: theirs.id, regionCode: "350583", displayName: "洛江小陈" });
    const list = (await t.ok(STAFF, { v: mine.id }, county.token)).venueStaff as { displayName: string; phone: string; role: string; venue: { id: string } }[];
    expect(list.map((s) => s.displayName)).toEqual(["驿站小林"]);
    expect(list[0]).toMatchObject({ role: "VENUE_STAFF", venue: { id: mine.id } });
    expect(list[0]!.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await t.ok(STAFF, { v: mine.id }, staff.token)).venueStaff).toHaveLength(1);
    expect((await t.ok(STAFF, { v: theirs.id }, city.token)).venueStaff.map((s: { displayName: string }) => s.displayName)).toEqual(["洛江小陈"]);
    expect((await t.gql(STAFF, { v: theirs.id }, county.token)).errors?.[0]?.extensions?.code, "another county's venue").toBe("FORBIDDEN");
    expect((await t.gql(STAFF, { v: theirs.id }, staff.token)).errors?.[0]?.extensions?.code, "another venue").toBe("FORBIDDEN");
    expect((await t.gql(STAFF, { v: "00000000-0000-4000-8000-000000000000" }, city.token)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
