import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, subsidyApplications, venueServicePurchasePeriods, venueYearResults } from "../../db/schema/index.js";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import { fireSchedule } from "../../jobs/schedules.js";
import { insertUser, insertVenue } from "../../testing/factories.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { emitPlacement } from "./performance.fixtures.js";

const ONSITE_FULL = [{ itemId: "C1", points: 6 }, { itemId: "C2", points: 4 }, { itemId: "D1", points: 4 }, { itemId: "D3", points: 3 }];

describe("projection, on-site assessment, ranking and the annual close", () => {
  let h: ServiceHarness;
  let worker: string;
  let employer: string;
  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-06-10T02:00:00Z" });
    worker = (await insertUser(h.deps.db, "WORKER")).id;
    employer = (await insertUser(h.deps.db, "EMPLOYER")).id;
  });
  afterAll(() => h?.close());

  const venueIn = (regionCode: string, extra: Parameters<typeof insertVenue>[1] = {}) =>
    insertVenue(h.deps.db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2025-03-01T02:00:00Z"), regionCode, ...extra });
  /** n placements on n different days (each counts in A1), priority as asked. */
  async function place(venueId: string, n: number, priority = n) {
    for (let i = 0; i < n; i++) {
      const day = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString();
      await emitPlacement(h.deps.db, { venueId, workerId: worker, employerId: employer, paidAt: day, priorityGroup: i < priority });
    }
    await h.deliverDueEvents();
  }

  it("staff see their venue's items, projected star and grant, the next-star gap and named eligibility reasons; not another venue's", async () => {
    const venue = await venueIn("350502");
    const staff = await h.callerAs("VENUE_STAFF", { venueId: venue.id, regionCode: "350502" });
    await place(venue.id, 40);
    const view = await h.services.performance.venueYear(staff, null, 2026);
    expect(view.year).toBe(2026);
    const a1 = view.items.find((i) => i.id === "A1")!;
    expect(a1).toMatchObject({ actual: 40, target: 300, points: 25, earned: 3.3 });
    expect(view.items.find((i) => i.id === "C1")).toMatchObject({ earned: 0, note: "待县级人社部门现场考核" });
    expect(view.star).toBeNull();
    expect(view.eligible).toBe(false);
    expect(view.eligibility.map((r) => r.code)).toEqual(["SCORE_BELOW_THRESHOLD"]);
    expect(view.nextStar.level).toBe(3);
    expect(view.nextStar.message).toMatch(/^距3星级还差 \d+\.\d 分/);
    const other = await venueIn("350502");
    await expect(h.services.performance.venueYear(staff, other.id, 2026)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const jinjiang = await h.callerAs("COUNTY_OFFICER", { regionCode: "350582" });
    await expect(h.services.performance.venueYear(jinjiang, venue.id, 2026)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const worker = await h.callerAs("WORKER");
    await expect(h.services.performance.venueYear(worker, venue.id, 2026)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the county officer's on-site items and vetoes change the score at once; out-of-range or missing items are refused", async () => {
    const venue = await venueIn("350502");
    const officer = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    await place(venue.id, 60, 20);
    const before = await h.services.performance.venueYear(officer, venue.id, 2026);
    await h.services.performance.enterOnsiteAssessment(officer, { venueId: venue.id, year: 2026, scores: ONSITE_FULL, vetoes: [], unremediedComplaints: 0, notes: "场地达标" });
    const after = await h.services.performance.venueYear(officer, venue.id, 2026);
    expect(after.score).toBeCloseTo(before.score + 17, 5);
    await expect(h.services.performance.enterOnsiteAssessment(officer, { venueId: venue.id, year: 2026, scores: [...ONSITE_FULL.slice(1), { itemId: "C1", points: 6.5 }], vetoes: [], unremediedComplaints: 0 })).rejects.toMatchObject({ code: "BAD_USER_INPUT", reasons: [{ code: "POINTS_RANGE" }] });
    await expect(h.services.performance.enterOnsiteAssessment(officer, { venueId: venue.id, year: 2026, scores: ONSITE_FULL.slice(1), vetoes: [], unremediedComplaints: 0 })).rejects.toMatchObject({ reasons: [{ code: "ONSITE_ITEM_MISSING" }] });
    await expect(h.services.performance.enterOnsiteAssessment(officer, { venueId: venue.id, year: 2026, scores: [...ONSITE_FULL, { itemId: "A1", points: 25 }], vetoes: [], unremediedComplaints: 0 })).rejects.toMatchObject({ reasons: [{ code: "NOT_ONSITE_ITEM" }] });
    await h.services.performance.enterOnsiteAssessment(officer, { venueId: venue.id, year: 2026, scores: ONSITE_FULL, vetoes: ["FEES_CHARGED"], unremediedComplaints: 0 });
    const vetoed = await h.services.performance.venueYear(officer, venue.id, 2026);
    expect(vetoed.score).toBeLessThanOrEqual(69);
    expect(vetoed.eligibility.map((r) => r.code)).toContain("VETO_FEES_CHARGED");
    expect(vetoed.nextStar.blockedBy).toBe("向零工收取费用");
    const audit = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.action, "performance.enter-onsite-assessment"), eq(auditLog.entityId, venue.id)));
    expect(audit).toHaveLength(2);
  });

  it("eligibility: recognised 2026-05-31 is a day short of six months; a purchase-of-service period covering part of the year refuses", async () => {
    const late = await venueIn("350503", { recognizedAt: new Date("2026-05-30T16:00:00Z") }); // 2026-05-31 in Shanghai
    const onTime = await venueIn("350503", { recognizedAt: new Date("2026-05-29T16:00:00Z") }); // 2026-05-30
    const bought = await venueIn("350503");
    await h.deps.db.insert(venueServicePurchasePeriods).values({ venueId: bought.id, startsOn: "2026-10-01", endsOn: "2027-03-31" });
    const officer = await h.callerAs("COUNTY_OFFICER", { regionCode: "350503" });
    const codes = async (id: string) => (await h.services.performance.venueYear(officer, id, 2026)).eligibility.map((r) => r.code);
    expect(await codes(late.id)).toContain("RECOGNISED_LESS_THAN_SIX_MONTHS");
    expect(await codes(onTime.id)).not.toContain("RECOGNISED_LESS_THAN_SIX_MONTHS");
    expect(await codes(bought.id)).toContain("IN_SERVICE_PURCHASE_PERIOD");
  });

  it("ranking: best first in the county officer's county only, two years below 70 flagged", async () => {
    const region = "350504";
    const strong = await venueIn(region, { name: "洛江区强零工市场" });
    const weak = await venueIn(region, { name: "洛江区弱零工市场" });
    await place(strong.id, 100, 40);
    await place(weak.id, 5, 0);
    await h.deps.db.insert(venueYearResults).values({
      venueId: weak.id, year: 2025, regionCode: region, venueType: "MARKET", status: "FROZEN", policyVersion: "2023-default", scoreTenths: 612, grantFen: 0, eligible: false,
      evaluation: { rubricVersion: "2023-default", items: [], rawTenths: 612, deductionTenths: 0, scoreTenths: 612, vetoes: [], level: null, star: null, title: null, grantFen: 0, reclaim: false },
      metrics: {} as never, eligibility: [], computedAt: new Date(), frozenAt: new Date(),
    });
    const officer = await h.callerAs("COUNTY_OFFICER", { regionCode: region });
    const page = await h.services.performance.ranking(officer, { year: 2026, limit: 10, offset: 0 });
    expect(page.items.map((i) => i.venueName)).toEqual(["洛江区强零工市场", "洛江区弱零工市场"]);
    expect(page.items[0]!.rank).toBe(1);
    expect(page.items[1]).toMatchObject({ previousScore: 61.2, belowThresholdTwoYears: true });
    expect(page.items[0]!.belowThresholdTwoYears).toBe(false);
    // The county's review list (优胜劣汰): exactly the flagged venues, however far down the ranking they sit.
    const review = await h.services.performance.ranking(officer, { year: 2026, belowThresholdTwoYears: true, limit: 10, offset: 0 });
    expect(review.total).toBe(1);
    expect(review.items.map((i) => [i.venueName, i.belowThresholdTwoYears, i.previousScore])).toEqual([["洛江区弱零工市场", true, 61.2]]);
    await expect(h.services.performance.ranking(officer, { year: 2026, regionCode: "350502", limit: 10, offset: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const city = await h.callerAs("CITY_OFFICER");
    expect((await h.services.performance.ranking(city, { year: 2026, limit: 100, offset: 0 })).total).toBeGreaterThan(2);
  });

  it("the annual close at 30 Nov 23:59 Shanghai freezes every venue-year and drafts a performance application for each eligible one; later events leave it frozen; a frozen result can be lowered with a reason", async () => {
    const region = "350505";
    const star = await venueIn(region, { name: "泉港区星级零工市场" });
    const none = await venueIn(region, { name: "泉港区零分零工市场" });
    await place(star.id, 150, 50);
    const staff = await h.callerAs("VENUE_STAFF", { venueId: star.id, regionCode: region });
    await h.services.performance.recordActivity(staff, { kind: "SERVICE", category: "求职登记", quantity: 3000, occurredOn: "2026-06-01", evidence: "求职登记台账" });
    await h.services.performance.recordActivity(staff, { kind: "GUIDANCE_REFERRAL", category: "职业指导", quantity: 200, occurredOn: "2026-06-01", evidence: "职业指导记录" });
    for (let i = 0; i < 12; i++) await h.services.performance.recordActivity(staff, { kind: "RECRUITMENT_EVENT", category: "直播带岗", quantity: 1, attendance: 80, occurredOn: "2026-06-01", evidence: "直播回放链接" });
    await h.deliverDueEvents();
    const officer = await h.callerAs("COUNTY_OFFICER", { regionCode: region });
    await h.services.performance.enterOnsiteAssessment(officer, { venueId: star.id, year: 2026, scores: ONSITE_FULL, vetoes: [], unremediedComplaints: 0 });
    const projected = await h.services.performance.venueYear(officer, star.id, 2026);
    expect(projected.star).not.toBeNull();

    h.clock.set("2026-11-30T15:59:00Z");
    await fireSchedule(h.deps, "schedule.annual-close");
    const ran = await h.deliverDueEvents({ ...JOB_HANDLERS, "housekeeping.purge-expired": async () => {} });
    expect(ran.find((r) => r.consumer === "performance.annual-close")?.outcome).toBe("done");
    const frozen = await h.services.performance.venueYear(officer, star.id, 2026);
    expect(frozen).toMatchObject({ status: "FROZEN", score: projected.score, star: projected.star });
    expect((await h.services.performance.venueYear(officer, none.id, 2026)).status).toBe("FROZEN");
    const apps = await h.deps.db.select().from(subsidyApplications).where(eq(subsidyApplications.regionCode, region));
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ venueId: star.id, kind: "PERFORMANCE", year: 2026, status: "DRAFT", amountFen: frozen.grantFen, scoreTenths: Math.round(frozen.score * 10) });

    // The same slot again (a second worker's tick) changes nothing; a late placement of the year does not move the frozen result.
    await fireSchedule(h.deps, "schedule.annual-close");
    await emitPlacement(h.deps.db, { venueId: star.id, workerId: worker, employerId: employer, paidAt: "2026-11-30T15:59:30Z" });
    await h.deliverDueEvents({ ...JOB_HANDLERS, "housekeeping.purge-expired": async () => {} });
    expect((await h.services.performance.venueYear(officer, star.id, 2026)).score).toBe(frozen.score);
    expect(await h.deps.db.select().from(subsidyApplications).where(eq(subsidyApplications.regionCode, region))).toHaveLength(1);

    // On-site entries are closed; lowering is the way, with a reason; the drafted grant follows.
    await expect(h.services.performance.enterOnsiteAssessment(officer, { venueId: star.id, year: 2026, scores: ONSITE_FULL, vetoes: [], unremediedComplaints: 0 })).rejects.toMatchObject({ reasons: [{ code: "YEAR_FROZEN" }] });
    await expect(h.services.subsidy.lowerFrozenResult(officer, { venueId: star.id, year: 2026, score: frozen.score + 1, withdrawStar: false, reason: "复核" })).rejects.toMatchObject({ reasons: [{ code: "SCORE_NOT_LOWER" }] });
    expect(frozen.score).toBe(71.5);
    const lowered = await h.services.subsidy.lowerFrozenResult(officer, { venueId: star.id, year: 2026, score: 70, withdrawStar: false, reason: "复核发现台账不全" });
    expect(lowered.result).toMatchObject({ scoreTenths: 700, star: 3, grantFen: 5_000_000 });
    const [app] = await h.deps.db.select().from(subsidyApplications).where(eq(subsidyApplications.venueId, star.id));
    expect(app!.amountFen).toBe(5_000_000);
    const withdrawn = await h.services.subsidy.lowerFrozenResult(officer, { venueId: star.id, year: 2026, withdrawStar: true, reason: "被通报批评" });
    expect(withdrawn.result).toMatchObject({ star: null, grantFen: 0 });
    const view = await h.services.performance.venueYear(officer, star.id, 2026);
    expect(view.adjustment).toMatchObject({ fromScore: 70, fromStar: 3, reason: "被通报批评" });
    const [appAfter] = await h.deps.db.select().from(subsidyApplications).where(eq(subsidyApplications.venueId, star.id));
    expect(appAfter!.amountFen).toBe(0);
    const audit = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.action, "performance.lower-result"), eq(auditLog.entityId, star.id)));
    expect(audit).toHaveLength(2);
    h.clock.set("2026-06-10T02:00:00Z");
  });

  it("a city officer enters a new policy version effective from a year (audited); incoherent ones are refused with their rules", async () => {
    const city = await h.callerAs("CITY_OFFICER");
    const current = JSON.parse((await h.services.performance.policyView(city, 2027)).policyJson);
    expect(current.version).toBe("2023-default");
    const next = { ...current, version: "2027-v1", source: "泉人社规〔2025〕4号", tiers: current.tiers.map((t: { grantFen: { MARKET: number } }) => ({ ...t, grantFen: { ...t.grantFen, MARKET: t.grantFen.MARKET + 1_000_000 } })) };
    await h.services.performance.setPolicy(city, 2027, JSON.stringify(next));
    expect(JSON.parse((await h.services.performance.policyView(city, 2028)).policyJson).version).toBe("2027-v1");
    expect(JSON.parse((await h.services.performance.policyView(city, 2026)).policyJson).version).toBe("2023-default");
    await expect(h.services.performance.setPolicy(city, 2027, JSON.stringify({ ...next, noticeWorkingDays: 0 }))).rejects.toMatchObject({ code: "BAD_USER_INPUT", reasons: [{ code: "POLICY_NOTICE_DAYS" }] });
    await expect(h.services.performance.setPolicy(city, 2027, "{not json")).rejects.toMatchObject({ reasons: [{ code: "POLICY_JSON" }] });
    const county = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    await expect(h.services.performance.setPolicy(county, 2027, JSON.stringify(next))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await h.deps.db.select().from(auditLog).where(eq(auditLog.action, "performance.set-policy"))).toHaveLength(1);
  });
});
