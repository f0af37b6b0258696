// 开放时间 over HTTP: a venue's own staff and the officers whose scope holds it set the opening hours the public
// finder shows; others are refused; a bad line is refused with the rule's reasons and changes nothing; each
// change is audited with the line before and after.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, venues } from "../../db/schema/index.js";
import { insertVenue, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const SET = `mutation($i: UpdateVenueOpeningHoursInput!) { updateVenueOpeningHours(input: $i) { id openingHours } }`;
const FINDER = `query($lat: Float!, $lng: Float!) { nearestVenues(lat: $lat, lng: $lng, first: 3) { id openingHours hotline } }`;

describe("venue opening hours", () => {
  let t: TestApi;
  let venueId: string;
  let otherVenueId: string;
  let staff: string;
  let otherStaff: string;
  let licheng: string;
  let jinjiang: string;
  const hoursOf = async (id: string) => (await t.database.db.select({ h: venues.openingHours }).from(venues).where(eq(venues.id, id)))[0]!.h;
  const codeOf = (r: { errors?: { extensions?: { code?: string; reasons?: { code: string }[] } }[] }) =>
    r.errors ? [r.errors[0]!.extensions?.code, ...(r.errors[0]!.extensions?.reasons?.map((x) => x.code) ?? [])].join(":") : "ok";

  beforeAll(async () => {
    t = await startTestApi();
    const db = t.database.db;
    venueId = (await insertVenue(db, { status: "RECOGNIZED", recognizedAt: new Date(), contactPhone: "0595-22000001", lat: 24.9, lng: 118.58 })).id;
    otherVenueId = (await insertVenue(db, { status: "RECOGNIZED", recognizedAt: new Date(), regionCode: "350582", lat: 24.78, lng: 118.55 })).id;
    staff = (await signedIn(t, "VENUE_STAFF", { venueId, regionCode: "350502" })).token;
    otherStaff = (await signedIn(t, "VENUE_STAFF", { venueId: otherVenueId, regionCode: "350582" })).token;
    licheng = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" })).token;
    jinjiang = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350582" })).token;
  });
  afterAll(() => t?.close());

  it("the venue's staff set it in its canonical form; the finder shows it; the change is audited", async () => {
    const r = await t.ok<{ updateVenueOpeningHours: { openingHours: string } }>(SET, { i: { venueId, openingHours: " 周一至周六 8：30～12：00, 14：30-17：30 " } }, staff);
    expect(r.updateVenueOpeningHours.openingHours).toBe("周一至周六 08:30–12:00，14:30–17:30");
    const { nearestVenues } = await t.ok<{ nearestVenues: { id: string; openingHours: string | null }[] }>(FINDER, { lat: 24.9, lng: 118.58 });
    expect(nearestVenues.find((v) => v.id === venueId)?.openingHours).toBe("周一至周六 08:30–12:00，14:30–17:30");
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, venueId), eq(auditLog.action, "venue.update-opening-hours")));
    expect(audit.map((a) => [a.before, a.after])).toEqual([[{ openingHours: null }, { openingHours: "周一至周六 08:30–12:00，14:30–17:30" }]]);
  });

  it("the same line again changes nothing and writes no second audit row", async () => {
    await t.ok(SET, { i: { venueId, openingHours: "周一至周六 08:30–12:00，14:30–17:30" } }, staff);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, venueId), eq(auditLog.action, "venue.update-opening-hours")));
    expect(audit).toHaveLength(1);
  });

  it("refuses another venue's staff, an officer of another county, workers, employers and anonymous callers; nothing changes", async () => {
    const worker = (await signedIn(t, "WORKER")).token;
    const employer = (await signedIn(t, "EMPLOYER")).token;
    const i = { venueId, openingHours: "每天 00:00–24:00" };
    expect(codeOf(await t.gql(SET, { i }, otherStaff))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql(SET, { i }, jinjiang))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql(SET, { i }, worker))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql(SET, { i }, employer))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql(SET, { i }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await t.gql(SET, { i: { ...i, venueId: "00000000-0000-4000-8000-000000000000" } }, licheng))).toBe("NOT_FOUND");
    expect(await hoursOf(venueId)).toBe("周一至周六 08:30–12:00，14:30–17:30");
  });

  it("refuses a bad line with the rule's reason, and a huge one before parsing; nothing changes", async () => {
    const bad = async (openingHours: string) => codeOf(await t.gql(SET, { i: { venueId, openingHours } }, staff));
    expect(await bad("周一至周六上午")).toBe("BAD_USER_INPUT:OPENING_HOURS_NO_TIME");
    expect(await bad("周一至周五 18:00–08:00")).toBe("BAD_USER_INPUT:OPENING_HOURS_RANGE");
    expect(await bad("周一 08:30–25:00")).toBe("BAD_USER_INPUT:OPENING_HOURS_BAD_TIME");
    expect(await bad(`周一 08:00–12:00${"照".repeat(60)}`)).toBe("BAD_USER_INPUT:TEXT_TOO_LONG");
    expect(await bad("周一\u202e 08:00–12:00")).toBe("BAD_USER_INPUT:TEXT_INVISIBLE_CHAR");
    expect(await bad(`周一 08:00–12:00${"x".repeat(100_000)}`)).toMatch(/^BAD_USER_INPUT/);
    expect(await hoursOf(venueId)).toBe("周一至周六 08:30–12:00，14:30–17:30");
  });

  it("an officer of the venue's county changes it, two changes at once leave one of them, and blank clears it", async () => {
    const lines = ["周一至周五 08:00–12:00，14:00–18:00", "周一至周日 08:30–17:30"];
    const both = await Promise.all(lines.map((openingHours, k) => t.gql(SET, { i: { venueId, openingHours } }, k ? licheng : staff)));
    expect(both.map(codeOf)).toEqual(["ok", "ok"]);
    expect(lines).toContain(await hoursOf(venueId));
    const cleared = await t.ok<{ updateVenueOpeningHours: { openingHours: string | null } }>(SET, { i: { venueId, openingHours: "  " } }, licheng);
    expect(cleared.updateVenueOpeningHours.openingHours).toBeNull();
    expect(await hoursOf(venueId)).toBeNull();
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, venueId), eq(auditLog.action, "venue.update-opening-hours")));
    expect(audit).toHaveLength(4);
  });

  it("the database refuses a line the rule would not store, whoever writes it", async () => {
    await expect(t.database.db.update(venues).set({ openingHours: "x".repeat(61) }).where(eq(venues.id, otherVenueId))).rejects.toMatchObject({ cause: { code: "23514", constraint_name: "venues_opening_hours_length" } });
  });
});
