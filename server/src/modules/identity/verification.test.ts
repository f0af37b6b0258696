import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, workerProfiles } from "../../db/schema/index.js";
import { insertVenue, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { insertWorker } from "../dispatch/dispatch.fixtures.js";

const VERIFY = `mutation($id: UUID!) { verifyWorker(workerId: $id) { userId verifiedAt } }`;

describe("worker verification (核验)", () => {
  let t: TestApi;
  let venueId: string;
  let otherVenueId: string;
  beforeAll(async () => {
    t = await startTestApi();
    venueId = (await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" })).id;
    otherVenueId = (await insertVenue(t.database.db, { regionCode: "350582", status: "RECOGNIZED" })).id;
  });
  afterAll(() => t?.close());

  const codeOf = async (id: string, token: string) => (await t.gql(VERIFY, { id }, token)).errors?.[0]?.extensions?.code ?? "ok";
  const auditsOf = (id: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "identity.verify-worker")));

  it("staff of the worker's home venue verify a self-registered worker once: verified_at set, audited, a repeat changes nothing", async () => {
    const worker = await insertWorker(t.database.db, { verified: false, homeVenueId: venueId });
    const staff = await signedIn(t, "VENUE_STAFF", { venueId, regionCode: "350502" });
    const { verifyWorker } = await t.ok(VERIFY, { id: worker }, staff.token);
    expect(verifyWorker.userId).toBe(worker);
    expect(verifyWorker.verifiedAt).toEqual(expect.any(String));
    const again = await t.ok(VERIFY, { id: worker }, staff.token);
    expect(again.verifyWorker.verifiedAt).toBe(verifyWorker.verifiedAt);
    const audits = await auditsOf(worker);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: staff.user.id, actorRole: "VENUE_STAFF" });
    const [row] = await t.database.db.select().from(workerProfiles).where(eq(workerProfiles.userId, worker));
    expect(row!.verifiedAt?.toISOString()).toBe(verifyWorker.verifiedAt);
  });

  it("only staff of the home venue and officers over its county: others are FORBIDDEN and nothing is written", async () => {
    const worker = await insertWorker(t.database.db, { verified: false, homeVenueId: venueId });
    const otherStaff = await signedIn(t, "VENUE_STAFF", { venueId: otherVenueId, regionCode: "350582" });
    const otherCounty = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350582" });
    const employer = await signedIn(t, "EMPLOYER");
    const self = await signedIn(t, "WORKER");
    expect(await codeOf(worker, otherStaff.token)).toBe("FORBIDDEN");
    expect(await codeOf(worker, otherCounty.token)).toBe("FORBIDDEN");
    expect(await codeOf(worker, employer.token)).toBe("FORBIDDEN");
    expect(await codeOf(worker, self.token)).toBe("FORBIDDEN");
    expect(await auditsOf(worker)).toHaveLength(0);
    const county = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    expect(await codeOf(worker, county.token)).toBe("ok");
    expect(await codeOf("00000000-0000-4000-8000-000000000000", county.token)).toBe("NOT_FOUND");
  });

  it("a worker without a home venue is for the city officers", async () => {
    const worker = await insertWorker(t.database.db, { verified: false, homeVenueId: null });
    const county = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    expect(await codeOf(worker, county.token)).toBe("FORBIDDEN");
    const city = await signedIn(t, "CITY_OFFICER");
    expect(await codeOf(worker, city.token)).toBe("ok");
  });
});
