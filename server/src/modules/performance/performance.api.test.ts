// Venue performance and subsidies over HTTP: guards and validation on the real schema, a placement event
// delivered by the real worker path (outbox relay → BullMQ → job runner) shows in the staff projection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import { startJobWorkers } from "../../jobs/job-runner.js";
import { createOutboxRelay } from "../../jobs/outbox-relay.js";
import { createLogger } from "../../logger.js";
import { insertUser, insertVenue, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { emitPlacement } from "./performance.fixtures.js";

const PROJECTION = `query($venueId: UUID, $year: Int) { venuePerformance(venueId: $venueId, year: $year) {
  venueName score star grantFen eligible eligibility { code message } items { id actual target earned note } nextStar { level missing message hints { itemId needed } } } }`;
const RECORD = `mutation($input: RecordActivityInput!) { recordVenueActivity(input: $input) { id kind quantity year } }`;
const RANKING = `query($year: Int) { performanceRanking(year: $year, limit: 10) { total items { rank venueName score belowThresholdTwoYears } } }`;
const ROSTER = `mutation($venueId: UUID!, $year: Int!, $fullIds: Boolean) { exportPlacementRoster(venueId: $venueId, year: $year, fullIds: $fullIds) { url filename expiresAt } }`;

describe("performance over GraphQL", () => {
  let t: TestApi;
  let stop: () => Promise<void>;
  let venueId: string;
  let staff: string;
  let officer: string;
  let worker: string;
  const year = new Date().getUTCMonth() === 11 ? new Date().getUTCFullYear() + 1 : new Date().getUTCFullYear();
  beforeAll(async () => {
    t = await startTestApi();
    const logger = createLogger({ env: "test", logLevel: "silent" }, "worker");
    const relay = createOutboxRelay({ db: t.database.db, redisUrl: t.config.redisUrl, prefix: t.config.queuePrefix, logger, pollMs: 20 });
    const workers = startJobWorkers(t.api.deps, JOB_HANDLERS);
    relay.start();
    stop = async () => {
      await relay.stop();
      await workers.close();
    };
    const venue = await insertVenue(t.database.db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2025-01-01T00:00:00Z"), regionCode: "350502", name: "鲤城区接口测试零工市场" });
    venueId = venue.id;
    staff = (await signedIn(t, "VENUE_STAFF", { venueId, regionCode: "350502" })).token;
    officer = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" })).token;
    worker = (await signedIn(t, "WORKER")).token;
  });
  afterAll(async () => {
    await stop?.();
    await t?.close();
  });

  it("a placement delivered through the relay and BullMQ shows in the staff projection within moments", async () => {
    const w = await insertUser(t.database.db, "WORKER");
    const e = await insertUser(t.database.db, "EMPLOYER");
    const started = Date.now();
    await emitPlacement(t.database.db, { venueId, workerId: w.id, employerId: e.id, paidAt: new Date().toISOString() });
    type View = { venuePerformance: { items: { id: string; actual: number | null }[] } };
    const a1 = (v: View) => v.venuePerformance.items.find((i) => i.id === "A1")!.actual;
    let actual: number | null = null;
    while (Date.now() - started < 15_000) {
      actual = a1((await t.ok(PROJECTION, {}, staff)) as View);
      if (actual === 1) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(actual).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await t.ok(PROJECTION, { venueId, year }, officer)).venuePerformance.venueName).toBe("鲤城区接口测试零工市场");
  });

  it("guards: workers may not read a projection or the ranking; staff may not rank; bad input is typed", async () => {
    expect((await t.gql(PROJECTION, { venueId }, worker)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(RANKING, {}, staff)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.ok(RANKING, { year }, officer)).performanceRanking.total).toBeGreaterThanOrEqual(1);
    const tooLong = await t.gql(RECORD, { input: { kind: "SERVICE", category: "求职登记", quantity: 1, occurredOn: "2026-01-02", evidence: "证".repeat(501) } }, staff);
    expect(tooLong.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const zero = await t.gql(RECORD, { input: { kind: "SERVICE", category: "求职登记", quantity: 0, occurredOn: "2026-01-02", evidence: "登记台账" } }, staff);
    expect(zero.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const anonymous = await t.gql(PROJECTION, { venueId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("staff record an activity over GraphQL; the roster export's link downloads an .xlsx", async () => {
    const rec = await t.ok(RECORD, { input: { kind: "RECRUITMENT_EVENT", category: "直播带岗", quantity: 1, attendance: 120, occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), evidence: "直播回放链接" } }, staff);
    expect(rec.recordVenueActivity).toMatchObject({ kind: "RECRUITMENT_EVENT", quantity: 1 });
    const link = (await t.ok(ROSTER, { venueId, year }, staff)).exportPlacementRoster;
    const file = await fetch(`${t.url}${link.url}`);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expect((await t.gql(ROSTER, { venueId, year, fullIds: true }, staff)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
