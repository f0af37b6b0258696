// Demo performance data for ./scripts/start: a year of placements, services, events, referrals, ratings and
// closed complaints per recognised venue (the roll-up's source rows and the counters they add up to, so the
// nightly reconcile finds no drift), on-site assessments, last year's frozen results with their applications,
// payments and spending, and county budgets. This year's projections are computed by the worker from a
// `venue-year.changed` event per venue (the staff view also computes one on demand).
import {
  assessmentPeriod,
  assessmentYearOf,
  addDays,
  DEFAULT_POLICY,
  evaluateVenueYear,
  shanghaiDate,
  toEpochDay,
  fromEpochDay,
  type VenueYearMetrics,
} from "@qz/shared";
import type { Tx } from "../../server/src/db/client.js";
import {
  countySubsidyBudgets,
  performanceComplaints,
  performancePlacements,
  performanceRatings,
  subsidyApplications,
  subsidyFundUses,
  venueActivities,
  venueAssessments,
  venueYearMetrics,
  venueYearResults,
} from "../../server/src/db/schema/index.js";
import { emitEvent } from "../../server/src/jobs/outbox.js";
import type { Rng } from "./random.js";

export interface PerformanceSeedInput {
  venues: { id: string; type: "MARKET" | "STATION"; regionCode: string; status: string; recognizedAt: Date | null }[];
  workerIds: string[];
  employerIds: string[];
  regionCodes: string[];
  cityOfficerId: string;
  countyOfficerId: string;
  demoStaffId: string;
  demoMarketId: string;
  now: Date;
}

const BATCH = 500;
const target = (type: "MARKET" | "STATION", id: string) => {
  const m = DEFAULT_POLICY.rubrics[type].find((i) => i.id === id)!.measure;
  return m.kind === "COUNT" ? m.target : 0;
};

async function insertAll<T extends Parameters<Tx["insert"]>[0]>(tx: Tx, table: T, rows: T["$inferInsert"][]) {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(table).values(rows.slice(i, i + BATCH) as never);
}

export async function seedPerformance(tx: Tx, rng: Rng, d: PerformanceSeedInput) {
  const today = shanghaiDate(d.now);
  const year = assessmentYearOf(today);
  const period = assessmentPeriod(year);
  const lastDay = today < period.endsOn ? today : period.endsOn;
  const dayBetween = (from: string, to: string) => fromEpochDay(rng.int(toEpochDay(from), toEpochDay(to)));
  const placements: (typeof performancePlacements.$inferInsert)[] = [];
  const activities: (typeof venueActivities.$inferInsert)[] = [];
  const ratings: (typeof performanceRatings.$inferInsert)[] = [];
  const complaints: (typeof performanceComplaints.$inferInsert)[] = [];
  const metrics: (typeof venueYearMetrics.$inferInsert)[] = [];
  const assessments: (typeof venueAssessments.$inferInsert)[] = [];
  const recognised = d.venues.filter((v) => v.recognizedAt && v.status !== "PENDING_RECOGNITION");
  // Two stations stay weak two years running, so the officers' ranking shows the 优胜劣汰 flag.
  const weak = new Set(recognised.filter((v) => v.type === "STATION").slice(0, 2).map((v) => v.id));

  for (const v of recognised) {
    const from = shanghaiDate(v.recognizedAt!) > period.startsOn ? shanghaiDate(v.recognizedAt!) : period.startsOn;
    if (from > lastDay) continue;
    const frac = (toEpochDay(lastDay) - toEpochDay(from) + 1) / 365;
    // The demo market does well on everything but placements; the rest spread out.
    const q = v.id === d.demoMarketId ? 0.93 : weak.has(v.id) ? 0.25 : 0.35 + rng.float() * 0.75;
    const onsite = v.id === d.demoMarketId || (!weak.has(v.id) && rng.chance(0.75));
    const c = { placements: 0, priorityPlacements: 0, onlinePlacements: 0, settledEngagements: 0, services: 0, recruitmentEvents: 0, guidanceReferrals: 0, ratings: 0, goodRatings: 0, complaintsClosed: 0, complaintsOnTime: 0 };
    const staff = v.id === d.demoMarketId ? d.demoStaffId : d.cityOfficerId;

    const seen = new Set<string>();
    // The demo market's placements leave it just under four stars, so its staff see "+N placements" to the next star.
    const n = Math.round(target(v.type, "A1") * (v.id === d.demoMarketId ? 0.72 : q) * frac);
    for (let i = 0; i < n; i++) {
      const workerId = rng.pick(d.workerIds);
      const employerId = rng.pick(d.employerIds);
      const day = dayBetween(from, lastDay);
      const key = `${workerId}/${employerId}/${day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const priority = rng.chance(v.id === d.demoMarketId ? 0.34 : 0.2 + q * 0.12);
      placements.push({
        placementId: rng.uuid(), venueId: v.id, year, engagementId: rng.uuid(), taskId: rng.uuid(), workerId, employerId,
        source: rng.weighted([["OFFER", 6], ["GRAB", 3], ["PROXY", 1]] as const), priorityGroup: priority,
        paidAt: new Date(`${day}T18:30:00+08:00`), paidOn: day, counted: true,
      });
      c.placements++; c.onlinePlacements++; c.settledEngagements++;
      if (priority) c.priorityPlacements++;
    }

    const activity = (kind: "SERVICE" | "RECRUITMENT_EVENT" | "GUIDANCE_REFERRAL", category: string, quantity: number, evidence: string, attendance: number | null = null) => {
      const occurredOn = dayBetween(from, lastDay);
      activities.push({ venueId: v.id, year, kind, category, quantity, attendance, occurredOn, evidence, recordedBy: staff });
    };
    let services = Math.round(target(v.type, "A3") * q * frac);
    c.services = services;
    const serviceKinds = ["求职登记", "招聘登记", "政策咨询", "岗位推荐"];
    for (let i = 0; services > 0; i++) {
      const part = i === 7 ? services : Math.min(services, Math.ceil(services / (8 - i)));
      activity("SERVICE", serviceKinds[i % serviceKinds.length]!, part, `${serviceKinds[i % serviceKinds.length]}台账（第${i + 1}册）`);
      services -= part;
    }
    const events = Math.round(target(v.type, "A5") * q * frac);
    for (let i = 0; i < events; i++) activity("RECRUITMENT_EVENT", rng.chance(0.6) ? "招聘会" : "直播带岗", 1, "签到表、现场照片和岗位清单", rng.int(40, 400));
    c.recruitmentEvents = events;
    let referrals = Math.round(target(v.type, "A6") * q * frac);
    c.guidanceReferrals = referrals;
    for (let i = 0; referrals > 0; i++) {
      const part = i === 3 ? referrals : Math.min(referrals, Math.ceil(referrals / (4 - i)));
      activity("GUIDANCE_REFERRAL", i % 2 ? "技能培训" : "职业指导", part, i % 2 ? "技能培训推荐名单" : "职业指导记录表");
      referrals -= part;
    }

    const nRatings = Math.round(c.placements * 0.4);
    const goodShare = v.id === d.demoMarketId ? 0.93 : weak.has(v.id) ? 0.6 : 0.75 + rng.float() * 0.23;
    for (let i = 0; i < nRatings; i++) {
      const stars = rng.chance(goodShare) ? rng.int(4, 5) : rng.int(1, 3);
      ratings.push({ ratingId: rng.uuid(), venueId: v.id, year, stars, ratedAt: new Date(`${dayBetween(from, lastDay)}T20:00:00+08:00`) });
      c.ratings++;
      if (stars >= 4) c.goodRatings++;
    }
    const nComplaints = rng.int(0, v.type === "MARKET" ? 4 : 2);
    for (let i = 0; i < nComplaints; i++) {
      const onTime = v.id === d.demoMarketId || rng.chance(0.85);
      complaints.push({ complaintId: rng.uuid(), venueId: v.id, year, onTime, closedAt: new Date(`${dayBetween(from, lastDay)}T16:00:00+08:00`) });
      c.complaintsClosed++;
      if (onTime) c.complaintsOnTime++;
    }
    metrics.push({ venueId: v.id, year, ...c });
    if (onsite) {
      const s = (max: number) => Math.round(max * 10 * (v.id === d.demoMarketId ? 0.95 : 0.6 + rng.float() * 0.4));
      assessments.push({
        venueId: v.id, year, kind: "ONSITE", scores: { C1: s(6), C2: s(4), D1: s(4), D3: s(3) }, vetoes: [], unremediedComplaints: 0,
        notes: "现场核查：场地、制度公示与人员在岗情况", evidence: "现场照片、考勤抽查记录", enteredBy: v.regionCode === "350502" ? d.countyOfficerId : d.cityOfficerId, enteredAt: d.now,
      });
    }
  }

  await insertAll(tx, performancePlacements, placements);
  await insertAll(tx, venueActivities, activities);
  await insertAll(tx, performanceRatings, ratings);
  await insertAll(tx, performanceComplaints, complaints);
  await insertAll(tx, venueYearMetrics, metrics);
  await insertAll(tx, venueAssessments, assessments);
  for (const m of metrics) await emitEvent(tx, "venue-year.changed", { venueId: m.venueId, year });

  // Last year: frozen results (score, star, grant, items), the performance grants that followed and the one-time grants.
  const prev = year - 1;
  const prevEnd = assessmentPeriod(prev).endsOn;
  const results: (typeof venueYearResults.$inferInsert)[] = [];
  const apps: (typeof subsidyApplications.$inferInsert)[] = [];
  const uses: (typeof subsidyFundUses.$inferInsert)[] = [];
  const frozenAt = new Date(`${prevEnd}T23:59:00+08:00`);
  for (const v of recognised) {
    const recognisedOn = shanghaiDate(v.recognizedAt!);
    if (recognisedOn <= addDays(prevEnd, -183)) {
      const q = v.id === d.demoMarketId ? 0.85 : weak.has(v.id) ? 0.3 : 0.4 + rng.float() * 0.6;
      const t = (id: string) => Math.round(target(v.type, id) * q);
      const placementsPrev = t("A1");
      const m: VenueYearMetrics = {
        placements: placementsPrev, priorityPlacements: Math.round(placementsPrev * 0.3), onlinePlacements: placementsPrev, services: t("A3"), validPostings: t("A4"),
        recruitmentEvents: t("A5"), guidanceReferrals: t("A6"), engagements: placementsPrev, signedContracts: null, completedEngagements: placementsPrev, settledEngagements: placementsPrev,
        ledgerCompletePlacements: null, ratings: Math.round(placementsPrev * 0.4), goodRatings: Math.round(placementsPrev * 0.4 * 0.9), complaintsClosed: 0, complaintsOnTime: 0,
      };
      const e = evaluateVenueYear(DEFAULT_POLICY, { venueType: v.type, year: prev, metrics: m, onsite: weak.has(v.id) ? null : { C1: 50, C2: 35, D1: 35, D3: 25 }, vetoes: [], unremediedComplaints: 0 });
      results.push({
        venueId: v.id, year: prev, regionCode: v.regionCode, venueType: v.type, status: "FROZEN", policyVersion: e.rubricVersion, scoreTenths: e.scoreTenths, level: e.level, star: e.star,
        grantFen: e.grantFen, eligible: e.grantFen > 0, evaluation: e, metrics: m, eligibility: e.grantFen > 0 ? [] : [{ code: "SCORE_BELOW_THRESHOLD", message: `得分 ${(e.scoreTenths / 10).toFixed(1)} 低于 70 分，不予补助` }],
        computedAt: frozenAt, frozenAt,
      });
      if (e.grantFen > 0) {
        const id = rng.uuid();
        const paid = v.id === d.demoMarketId || rng.chance(0.6);
        const paidOn = `${year - 1}-12-${String(rng.int(20, 28)).padStart(2, "0")}`;
        apps.push({
          id, venueId: v.id, regionCode: v.regionCode, kind: "PERFORMANCE", year: prev, status: paid ? "PAID" : "APPROVED", amountFen: e.grantFen, scoreTenths: e.scoreTenths, level: e.level,
          policyVersion: e.rubricVersion, materials: ["FORM_4", "FORM_5", "FORM_6", "WORK_REPORT"], noticeStartsOn: `${year - 1}-12-08`, noticeEndsOn: `${year - 1}-12-12`,
          submittedAt: new Date(`${year - 1}-12-03T10:00:00+08:00`), approvedAt: new Date(`${year - 1}-12-13T00:00:00+08:00`),
          paidFen: paid ? e.grantFen : null, paidOn: paid ? paidOn : null, voucherNo: paid ? `泉人社拨〔${year - 1}〕${rng.int(100, 999)}号` : null, createdBy: d.cityOfficerId,
        });
        if (paid && v.id === d.demoMarketId) {
          uses.push({ applicationId: id, venueId: v.id, category: "ONLINE_PLATFORM", amountFen: Math.round(e.grantFen * 0.4), spentOn: `${year}-01-15`, voucherNo: "记-2026-001", attachment: "线上平台运维合同.pdf", note: "线上派单平台年度运维", recordedBy: d.demoStaffId });
          uses.push({ applicationId: id, venueId: v.id, category: "TRAINING", amountFen: Math.round(e.grantFen * 0.2), spentOn: `${year}-03-20`, voucherNo: "记-2026-017", attachment: "培训签到表.pdf", note: "零工技能提升培训两期", recordedBy: d.demoStaffId });
        }
      }
    }
    if (v.type === "MARKET") {
      apps.push({
        venueId: v.id, regionCode: v.regionCode, kind: "ONE_TIME", year: Number(recognisedOn.slice(0, 4)), status: "PAID", amountFen: DEFAULT_POLICY.oneTimeGrantFen.MARKET,
        policyVersion: DEFAULT_POLICY.version, materials: ["CREDIT_CODE_AND_LEGAL_REP", "PREMISES_PROOF", "FORM_3", "FORM_4", "IMPLEMENTATION_PLAN"],
        paidFen: DEFAULT_POLICY.oneTimeGrantFen.MARKET, paidOn: addDays(recognisedOn, 30), voucherNo: `一次性运维补助-${recognisedOn}`, createdBy: d.cityOfficerId,
      });
    }
  }
  await insertAll(tx, venueYearResults, results);
  await insertAll(tx, subsidyApplications, apps);
  await insertAll(tx, subsidyFundUses, uses);
  const budgets = d.regionCodes.flatMap((regionCode) => {
    const prevSum = apps.filter((a) => a.regionCode === regionCode && a.year === prev).reduce((s, a) => s + a.amountFen, 0);
    return [
      { regionCode, year: prev, amountFen: Math.max(100_000_000, Math.ceil((prevSum * 1.2) / 100_000) * 100_000), setBy: d.cityOfficerId },
      { regionCode, year, amountFen: 100_000_000, setBy: d.cityOfficerId },
    ];
  });
  await insertAll(tx, countySubsidyBudgets, budgets);
  return { year, placements: placements.length, activities: activities.length, ratings: ratings.length, venueYears: metrics.length, frozenLastYear: results.length, applications: apps.length };
}
