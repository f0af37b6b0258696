// The public searches over HTTP without a login: the venue finder and open tasks near a point give exactly
// their public fields (no operator, employer, address or exact place), refuse bad input without spending the
// caller's budget, and stop an IP after PUBLIC_SEARCHES_PER_MINUTE searches a minute.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { venueYearResults } from "../../db/schema/index.js";
import { PUBLIC_SEARCHES_PER_MINUTE } from "../../public-search.js";
import { login } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { insertEmployer, insertRecognizedVenue, north, LICHENG } from "../dispatch/dispatch.fixtures.js";
import { insertVenue } from "../../testing/factories.js";

const VENUES = `query($lat: Float!, $lng: Float!, $first: Int!) { nearestVenues(lat: $lat, lng: $lng, first: $first) {
  id name type address regionCode regionName hotline distanceMeters star starYear services } }`;
const TASKS = `query($lat: Float!, $lng: Float!, $first: Int!) { openTasksNear(lat: $lat, lng: $lng, first: $first) {
  id title skillCode skillName payRateFen payUnit startsAt endsAt seatsLeft regionName venueName distanceMeters } }`;
const fieldsOf = async (t: TestApi, type: string) =>
  (await t.ok<{ __type: { fields: { name: string }[] } }>(`query($n: String!) { __type(name: $n) { fields { name } } }`, { n: type })).__type.fields.map((f) => f.name).sort();

describe("public searches (no login)", () => {
  let t: TestApi;
  let spent = 0;
  const search = async (query: string, vars: Record<string, unknown>) => {
    const r = await t.gql<Record<string, unknown[]>, Record<string, unknown>>(query, vars);
    if (!r.errors) spent++;
    return r;
  };
  let market: { id: string };
  let taskId: string;

  beforeAll(async () => {
    t = await startTestApi();
    const db = t.database.db;
    market = await insertRecognizedVenue(db, { type: "MARKET", name: "鲤城区零工市场", contactPhone: "0595-22000001", ...north(LICHENG, 300) });
    await insertRecognizedVenue(db, { name: "远处驿站", contactPhone: "0595-22000002", ...north(LICHENG, 20_000) });
    await insertVenue(db, { name: "未认定驿站", lat: LICHENG.lat, lng: LICHENG.lng });
    await db.insert(venueYearResults).values({
      venueId: market.id, year: 2025, regionCode: "350502", venueType: "MARKET", status: "FROZEN", policyVersion: "test", scoreTenths: 905, level: 5, star: 5,
      grantFen: 10_000_000, eligible: true, evaluation: {} as never, metrics: {} as never, eligibility: [], computedAt: new Date(), frozenAt: new Date(),
    });
    const employer = await insertEmployer(db);
    const token = await login(t, employer.phone);
    const startsAt = new Date(Date.now() + 48 * 3_600_000);
    const { postTask } = await t.ok<{ postTask: { id: string } }>(`mutation($i: PostTaskInput!) { postTask(input: $i) { id } }`, {
      i: { title: "仓库搬运", skillCode: "PORTER", regionCode: "350502", address: "鲤城区江南街道88号鸿运仓库", ...north(LICHENG, 1_260), startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(), headcount: 2, payRateFen: 2600, payUnit: "HOUR" },
    }, token);
    taskId = postTask.id;
  });
  afterAll(async () => t?.close());

  it("the finder lists recognised venues nearest first with hotline, star and services, and nothing else", async () => {
    expect(await fieldsOf(t, "PublicVenue")).toEqual(["address", "distanceMeters", "hotline", "id", "name", "openingHours", "regionCode", "regionName", "services", "star", "starYear", "type"]);
    const r = await search(VENUES, { ...LICHENG, first: 5 });
    expect(r.errors).toBeUndefined();
    const venues = r.data!.nearestVenues as { id: string; name: string; hotline: string; distanceMeters: number; star: number | null; starYear: number | null; services: string[]; regionName: string }[];
    expect(venues.map((v) => v.name)).toEqual(["鲤城区零工市场", "远处驿站"]);
    expect(venues[0]).toMatchObject({ id: market.id, hotline: "0595-22000001", distanceMeters: 300, star: 5, starYear: 2025, regionName: "鲤城区" });
    expect(venues[0]!.services).toContain("求职登记");
    expect(venues[1]).toMatchObject({ star: null, distanceMeters: 20_000 });
    expect(JSON.stringify(r.data)).not.toMatch(/测试运营单位|operator/);
  });

  it("open tasks carry no employer, address or place, with the distance rounded", async () => {
    expect(await fieldsOf(t, "PublicTask")).toEqual(["distanceMeters", "endsAt", "id", "payRateFen", "payUnit", "regionName", "seatsLeft", "skillCode", "skillName", "startsAt", "title", "venueName"]);
    const r = await search(TASKS, { ...LICHENG, first: 20 });
    expect(r.errors).toBeUndefined();
    const [task, ...rest] = r.data!.openTasksNear as Record<string, unknown>[];
    expect(rest).toEqual([]);
    expect(task).toMatchObject({ id: taskId, title: "仓库搬运", skillName: "搬运装卸", payRateFen: 2600, seatsLeft: 2, regionName: "鲤城区", venueName: "鲤城区零工市场", distanceMeters: 1_500 });
    expect(JSON.stringify(r.data)).not.toMatch(/测试用工单位|江南街道|王经理/);
    // Asking for the employer or the place is a schema error, not a leak.
    const asked = await t.gql(`query { openTasksNear(lat: 24.9, lng: 118.6) { id employerId address lat } }`);
    expect(asked.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it.each([
    [{ ...LICHENG, first: 21 }, "PAGE_SIZE"],
    [{ ...LICHENG, first: 0 }, "PAGE_SIZE"],
    [{ ...LICHENG, first: -1 }, "PAGE_SIZE"],
    [{ lat: 39.9, lng: 116.4, first: 5 }, "POINT_OUTSIDE_QUANZHOU"],
    [{ lat: 1e300, lng: 118.6, first: 5 }, "POINT_OUTSIDE_QUANZHOU"],
  ])("refuses %o with %s, for both searches", async (vars, code) => {
    for (const q of [VENUES, TASKS]) {
      const r = await search(q, vars);
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(r.errors?.[0]?.extensions)).toContain(code);
    }
  });

  it(`stops an IP after ${PUBLIC_SEARCHES_PER_MINUTE} searches a minute, both kinds counted together`, async () => {
    let refused: Awaited<ReturnType<typeof search>> | null = null;
    for (let i = 0; i < PUBLIC_SEARCHES_PER_MINUTE + 5 && !refused; i++) {
      const r = await search(i % 2 ? TASKS : VENUES, { ...LICHENG, first: 1 });
      if (r.errors) refused = r;
    }
    expect(refused?.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(refused?.errors?.[0]?.message).toMatch(/查询过于频繁，请 \d+ 秒后再试/);
    expect(spent).toBe(PUBLIC_SEARCHES_PER_MINUTE);
  });
});
