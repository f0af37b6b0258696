import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema/index.js";
import { insertVenue, login, nextPhone, registerWithCode, residentId, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const CREATE_STAFF = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id role phone venue { id } region { code } } }`;
const CREATE_OFFICER = `mutation($input: CreateOfficerAccountInput!) { createOfficerAccount(input: $input) { id role region { code } } }`;

describe("accounts created by officers", () => {
  let t: TestApi;
  let county: Awaited<ReturnType<typeof signedIn>>;
  let city: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await startTestApi();
    county = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    city = await signedIn(t, "CITY_OFFICER");
  });
  afterAll(() => t?.close());

  it("a county officer creates staff for a venue in their county; the staff can log in and act for that venue", async () => {
    const venue = await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" });
    const phone = nextPhone();
    const { createStaffAccount } = await t.ok(CREATE_STAFF, { input: { phone, password: "Staff#2026", displayName: "驿站小王", venueId: venue.id } }, county.token);
    expect(createStaffAccount).toMatchObject({ role: "VENUE_STAFF", venue: { id: venue.id }, region: { code: "350502" } });
    expect(createStaffAccount.phone).toMatch(/^\d{3}\*{4}\d{4}$/); // someone else's phone is masked
    const token = await login(t, phone, "Staff#2026");
    const { me } = await t.ok(`{ me { phone venue { id } } }`, {}, token);
    expect(me).toEqual({ phone, venue: { id: venue.id } });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, createStaffAccount.id));
    expect(audit).toMatchObject({ action: "identity.create-venue-staff", actorId: county.user.id });
  });

  it("refuses staff for a venue in another county, and a duplicate phone", async () => {
    const foreign = await insertVenue(t.database.db, { regionCode: "350583" });
    const r = await t.gql(CREATE_STAFF, { input: { phone: nextPhone(), password: "Staff#2026", displayName: "x y", venueId: foreign.id } }, county.token);
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const dup = await t.gql(CREATE_STAFF, { input: { phone: county.user.phone, password: "Staff#2026", displayName: "x y", venueId: (await insertVenue(t.database.db)).id } }, county.token);
    expect(dup.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const revoked = await insertVenue(t.database.db, { regionCode: "350502", status: "REVOKED" });
    const onRevoked = await t.gql(CREATE_STAFF, { input: { phone: nextPhone(), password: "Staff#2026", displayName: "x y", venueId: revoked.id } }, county.token);
    expect(onRevoked.errors?.[0]?.extensions?.code).toBe("PRECONDITION_FAILED");
  });

  it("officer accounts: city creates any; county only county colleagues of its own county", async () => {
    const a = await t.ok(CREATE_OFFICER, { input: { phone: nextPhone(), password: "Officer#2026", displayName: "晋江人社", role: "COUNTY_OFFICER", regionCode: "350582" } }, city.token);
    expect(a.createOfficerAccount).toMatchObject({ role: "COUNTY_OFFICER", region: { code: "350582" } });
    const cityByCounty = await t.gql(CREATE_OFFICER, { input: { phone: nextPhone(), password: "Officer#2026", displayName: "x y", role: "CITY_OFFICER" } }, county.token);
    expect(cityByCounty.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const otherCounty = await t.gql(CREATE_OFFICER, { input: { phone: nextPhone(), password: "Officer#2026", displayName: "x y", role: "COUNTY_OFFICER", regionCode: "350582" } }, county.token);
    expect(otherCounty.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const noRegion = await t.gql(CREATE_OFFICER, { input: { phone: nextPhone(), password: "Officer#2026", displayName: "x y", role: "COUNTY_OFFICER" } }, city.token);
    expect(noRegion.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const worker = (await signedIn(t, "WORKER")).token;
    const byWorker = await t.gql(CREATE_OFFICER, { input: { phone: nextPhone(), password: "Officer#2026", displayName: "x y", role: "CITY_OFFICER" } }, worker);
    expect(byWorker.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("worker lists are scoped: staff see their venue's workers, county officers their county's", async () => {
    const mine = await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" });
    const theirs = await insertVenue(t.database.db, { regionCode: "350583", status: "RECOGNIZED" });
    const staff = await signedIn(t, "VENUE_STAFF", { venueId: mine.id, regionCode: "350502" });
    const base = { password: "Worker#2026", realName: "张三", skills: [{ skillCode: "PORTER", level: 2 }], homeLat: 24.9, homeLng: 118.6, travelMode: "WALK" };
    await registerWithCode(t, "registerWorker", { ...base, phone: nextPhone(), idNumber: residentId("1990-01-01", 501), homeVenueId: mine.id });
    await registerWithCode(t, "registerWorker", { ...base, phone: nextPhone(), idNumber: residentId("1990-01-01", 503), homeVenueId: theirs.id });
    const WORKERS = `query($v: UUID) { workers(venueId: $v) { total items { realName idNumber homeVenue { id } skills { skillCode } } } }`;
    const byStaff = (await t.ok(WORKERS, {}, staff.token)).workers;
    expect(byStaff.total).toBe(1);
    expect(byStaff.items[0]).toMatchObject({ homeVenue: { id: mine.id }, skills: [{ skillCode: "PORTER" }] });
    expect(byStaff.items[0].idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect((await t.ok(WORKERS, {}, county.token)).workers.items.every((w: { homeVenue: { id: string } }) => w.homeVenue.id !== theirs.id)).toBe(true);
    expect((await t.gql(WORKERS, { v: theirs.id }, staff.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.ok(WORKERS, { v: theirs.id }, city.token)).workers.total).toBe(1);
    const [u] = await t.database.db.select().from(users).where(eq(users.id, staff.user.id));
    expect(u!.role).toBe("VENUE_STAFF");
  });
});
