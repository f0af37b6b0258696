// Placements over time (the officers' dashboard chart): months with zeros, counted placements only, scope held.
import { randomUUID } from "node:crypto";
import { shanghaiDate } from "@qz/shared";
import { eq } from "drizzle-orm";
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { performancePlacements } from "../../db/schema/index.js";
import { insertVenue, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { monthStart } from "./trend.service.js";

const TREND = `query($m: Int, $r: String) { placementsByMonth(months: $m, regionCode: $r) { month placements } }`;

describe("placementsByMonth", () => {
  let t: TestApi;
  const today = shanghaiDate(new Date());
  const month = (back: number) => monthStart(today, back).slice(0, 7);
  beforeAll(async () => {
    t = await startTestApi();
    const licheng = await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" });
    const jinjiang = await insertVenue(t.database.db, { regionCode: "350582", status: "RECOGNIZED" });
    const row = (venueId: string, back: number, day: string, counted = true) => {
      const paidOn = `${month(back)}-${day}`;
      return {
        placementId: randomUUID(), venueId, year: Number(paidOn.slice(0, 4)), engagementId: randomUUID(), taskId: randomUUID(),
        workerId: randomUUID(), employerId: randomUUID(), source: "DISPATCH", priorityGroup: false,
        paidAt: new Date(`${paidOn}T10:00:00+08:00`), paidOn, counted,
      };
    };
    await t.database.db.insert(performancePlacements).values([
      row(licheng.id, 0, "01"), row(licheng.id, 0, "01"), row(licheng.id, 2, "28"),
      row(licheng.id, 1, "15", false), // not counted (same worker × employer × day): not a placement for A1
      row(jinjiang.id, 0, "01"), row(jinjiang.id, 13, "10"),
    ]);
  });
  afterAll(() => t?.close());

  it("a county officer gets their county's months, oldest first, zeros included; another county is refused", async () => {
    const county = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    const { placementsByMonth } = await t.ok(TREND, { m: 3 }, county.token);
    expect(placementsByMonth).toEqual([
      { month: month(2), placements: 1 },
      { month: month(1), placements: 0 },
      { month: month(0), placements: 2 },
    ]);
    expect((await t.gql(TREND, { m: 3, r: "350582" }, county.token)).errors?.[0]?.extensions?.code, "another county").toBe("FORBIDDEN");
  });

  it("the city officer sees every county, or one; twelve months by default", async () => {
    const city = await signedIn(t, "CITY_OFFICER");
    const all = (await t.ok(TREND, {}, city.token)).placementsByMonth as { month: string; placements: number }[];
    expect(all).toHaveLength(12);
    expect(all.at(-1)).toEqual({ month: month(0), placements: 3 });
    expect(all.some((m) => m.month === month(13)), "outside the window").toBe(false);
    expect((await t.ok(TREND, { m: 14, r: "350582" }, city.token)).placementsByMonth.filter((m: { placements: number }) => m.placements > 0)).toEqual([
      { month: month(13), placements: 1 },
      { month: month(0), placements: 1 },
    ]);
  });

  it("a venue's staff see their own venue's months only, whatever county they name", async () => {
    const [licheng] = await t.database.db.select({ venueId: performancePlacements.venueId }).from(performancePlacements).where(eq(performancePlacements.paidOn, `${month(2)}-28`));
    const staff = await signedIn(t, "VENUE_STAFF", { venueId: licheng!.venueId, regionCode: "350502" });
    expect((await t.ok(TREND, { m: 3 }, staff.token)).placementsByMonth).toEqual([
      { month: month(2), placements: 1 },
      { month: month(1), placements: 0 },
      { month: month(0), placements: 2 },
    ]);
    expect((await t.gql(TREND, { m: 3, r: "350582" }, staff.token)).errors?.[0]?.extensions?.code, "another county").toBe("FORBIDDEN");
    const empty = await insertVenue(t.database.db, { regionCode: "350502", status: "RECOGNIZED" });
    const other = await signedIn(t, "VENUE_STAFF", { venueId: empty.id, regionCode: "350502" });
    expect((await t.ok(TREND, { m: 3 }, other.token)).placementsByMonth.map((m: { placements: number }) => m.placements), "a venue without placements").toEqual([0, 0, 0]);
  });

  it("refuses other roles and out-of-range month counts", async () => {
    const worker = await signedIn(t, "WORKER");
    expect((await t.gql(TREND, { m: 3 }, worker.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const city = await signedIn(t, "CITY_OFFICER");
    for (const m of [0, -1, 37, 100000]) expect((await t.gql(TREND, { m }, city.token)).errors?.[0]?.extensions?.code, String(m)).toBe("BAD_USER_INPUT");
  });

  it("counts months back across a year boundary", () => {
    expect(monthStart("2026-02-14", 2)).toBe("2025-12-01");
    expect(monthStart("2026-01-31", 0)).toBe("2026-01-01");
    expect(monthStart("2026-01-31", 13)).toBe("2024-12-01");
  });
});
