// 评分对账 over HTTP: the nightly reconcile's runs with each drift typed (venue by name, the counter's label),
// the venue names batched into one query, and only the city officer may read them.
import { assessmentYearOf, shanghaiDate } from "@qz/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { venueActivities, venueYearMetrics } from "../../db/schema/index.js";
import { createServices } from "../../services.js";
import { insertUser, insertVenue, signedIn } from "../../testing/factories.js";
import { graphql } from "../../testing/gql/index.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const RUNS = graphql(`
  query ReconcileRunsForTest($limit: Int!) {
    performanceReconcileRuns(limit: $limit) {
      id startedAt venueYears drifted
      drifts { venueId venueName year field fieldLabel stored actual }
    }
  }
`);

describe("performanceReconcileRuns over GraphQL", () => {
  let t: TestApi;
  let queries: string[] = [];
  let city: string;
  const year = assessmentYearOf(shanghaiDate(new Date()));
  const recognizedAt = new Date("2025-01-01T00:00:00Z");
  let market: { id: string };
  let station: { id: string };

  beforeAll(async () => {
    t = await startTestApi({}, { onQuery: (q) => void queries.push(q) });
    const db = t.database.db;
    city = (await signedIn(t, "CITY_OFFICER")).token;
    market = await insertVenue(db, { type: "MARKET", status: "RECOGNIZED", recognizedAt, regionCode: "350502", name: "鲤城区对账测试零工市场" });
    station = await insertVenue(db, { type: "STATION", status: "RECOGNIZED", recognizedAt, regionCode: "350503", name: "丰泽区对账测试零工驿站" });
    const staff = await insertUser(db, "VENUE_STAFF", { venueId: market.id, regionCode: "350502" });
    // Source rows: 3 services recorded at the market. The stored counters disagree: the market says 5 services and
    // 2 placements (no placement facts exist), the station 4 good ratings of 4 (no ratings exist).
    await db.insert(venueActivities).values({ venueId: market.id, year, kind: "SERVICE", category: "求职登记", quantity: 3, occurredOn: `${year}-01-05`, evidence: "求职登记台账", recordedBy: staff.id });
    await db.insert(venueYearMetrics).values([
      { venueId: market.id, year, services: 5, placements: 2 },
      { venueId: station.id, year, ratings: 4, goodRatings: 4 },
    ]);
    const services = createServices(t.api.deps);
    await db.transaction((tx) => services.performance.reconcile(tx, null)); // finds and fixes the drift
    await db.transaction((tx) => services.performance.reconcile(tx, null)); // then finds none
  });
  afterAll(() => t?.close());

  it("lists the runs newest first, each drift with its venue's name, year, counter label, stored and recounted value", async () => {
    queries = [];
    const runs = (await t.ok(RUNS, { limit: 10 }, city)).performanceReconcileRuns;
    expect(runs.map((r) => [r.venueYears, r.drifted, r.drifts.length])).toEqual([[2, 0, 0], [2, 2, 4]]);
    expect(runs[1]!.drifts).toEqual(expect.arrayContaining([
      { venueId: station.id, venueName: "丰泽区对账测试零工驿站", year, field: "goodRatings", fieldLabel: "好评数（4–5星）", stored: 4, actual: 0 },
      { venueId: station.id, venueName: "丰泽区对账测试零工驿站", year, field: "ratings", fieldLabel: "服务评价数", stored: 4, actual: 0 },
      { venueId: market.id, venueName: "鲤城区对账测试零工市场", year, field: "placements", fieldLabel: "岗位推荐成功人数", stored: 2, actual: 0 },
      { venueId: market.id, venueName: "鲤城区对账测试零工市场", year, field: "services", fieldLabel: "服务人次", stored: 5, actual: 3 },
    ]));
    // Four drifts across two venues and two runs: the names come from one batched venues query, not one per drift.
    expect(queries.filter((q) => /from "venues"/.test(q))).toHaveLength(1);
  });

  it("refuses everyone but the city officer", async () => {
    const county = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" })).token;
    const staff = (await signedIn(t, "VENUE_STAFF", { venueId: market.id, regionCode: "350502" })).token;
    const worker = (await signedIn(t, "WORKER")).token;
    for (const token of [county, staff, worker]) {
      const res = await t.gql(RUNS, { limit: 10 }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(res.data?.performanceReconcileRuns ?? null).toBeNull();
    }
    expect((await t.gql(RUNS, { limit: 10 })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
