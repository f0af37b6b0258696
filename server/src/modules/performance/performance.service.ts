import {
  ACTIVITY_KIND,
  assessmentYearOf,
  checkPolicy,
  nextStarGap,
  shanghaiDate,
  tierFor,
  VETO,
  type ActivityKind,
  type SubsidyPolicy,
  type VetoCode,
} from "@qz/shared";
import { z } from "zod";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText, checkText } from "../../access/input-checks.js";
import { assertRegionInScope, assertVenueInScope } from "../../access/scope.js";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import * as repo from "./performance.repo.js";
import { CONTEXT_REFRESH_MS, createRollupService, type RollupParts } from "./rollup.service.js";
import { toAssessment, toVenuePerformance } from "./performance.view.js";
import { createFollowUpService } from "./follow-up.service.js";

export interface RecordActivityCommand {
  venueId?: string | null;
  kind: ActivityKind;
  category: string;
  quantity: number;
  attendance?: number | null;
  occurredOn: string;
  evidence: string;
}

export interface OnsiteAssessmentCommand {
  venueId: string;
  year: number;
  /** Points per on-site item id (C1, C2, D1, D3), one decimal. */
  scores: { itemId: string; points: number }[];
  vetoes: VetoCode[];
  unremediedComplaints: number;
  notes?: string | null;
  evidence?: string | null;
}

export interface LowerResultCommand {
  venueId: string;
  year: number;
  /** The lowered score (one decimal); omitted when only the star is withdrawn. */
  score?: number | null;
  withdrawStar: boolean;
  reason: string;
}

const CATEGORIES: Record<ActivityKind, readonly string[]> = {
  SERVICE: ["求职登记", "招聘登记", "政策咨询", "岗位推荐", "其他服务"],
  RECRUITMENT_EVENT: ["招聘会", "直播带岗"],
  GUIDANCE_REFERRAL: ["职业指导", "技能培训"],
};

const toTenths = (field: string, points: number, max: number): number => {
  const tenths = Math.round(points * 10);
  if (!Number.isFinite(points) || Math.abs(points * 10 - tenths) > 1e-9 || tenths < 0 || tenths > max * 10) {
    badInput(field, [{ code: "POINTS_RANGE", message: `分值应在 0 到 ${max} 之间，最多一位小数` }]);
  }
  return tenths;
};

/** Structural check of an officer's policy JSON; checkPolicy then checks its sense. */
const policyShape = z.object({
  version: z.string().min(1).max(40),
  effectiveFromYear: z.number().int(),
  source: z.string().max(200),
  assessmentDate: z.string(),
  minRecognisedMonths: z.number().int(),
  noticeWorkingDays: z.number().int(),
  oneTimeGrantFen: z.object({ MARKET: z.number().int(), STATION: z.number().int() }),
  tiers: z.array(z.object({ minScoreTenths: z.number().int(), level: z.number().int().min(1).max(5), grantFen: z.object({ MARKET: z.number().int(), STATION: z.number().int() }) })).max(5),
  vetoCapTenths: z.number().int(),
  zeroingVetoes: z.array(z.enum(VETO.values)),
  deductionPerComplaintTenths: z.number().int(),
  deductionMaxTenths: z.number().int(),
  rubrics: z.object({
    MARKET: z.array(z.any()).max(40),
    STATION: z.array(z.any()).max(40),
  }),
});
const itemShape = z.object({
  id: z.string().regex(/^[A-Z][0-9]{1,2}$/),
  name: z.string().min(1).max(40),
  points: z.number().int(),
  measure: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("COUNT"), metric: z.enum(["placements", "services", "validPostings", "recruitmentEvents", "guidanceReferrals"]), target: z.number().int() }),
    z.object({
      kind: z.literal("RATIO"),
      numerator: z.enum(["priorityPlacements", "onlinePlacements", "signedContracts", "settledEngagements", "ledgerCompletePlacements", "goodRatings", "complaintsOnTime"]),
      denominator: z.enum(["placements", "engagements", "completedEngagements", "ratings", "complaintsClosed"]),
      targetPercent: z.number().int(),
      whenEmpty: z.enum(["FULL", "ZERO"]),
    }),
    z.object({ kind: z.literal("ONSITE") }),
  ]),
});

export type PerformanceService = ReturnType<typeof createPerformanceService>;
/** A stored venue-year result (projected or frozen), for the subsidy side. */
export type VenueYearResultRow = repo.ResultRow;

/** Venue performance (成效考核): the roll-up, staff records, the live projection, assessments, the annual close. */
export function createPerformanceService(deps: Deps, parts: RollupParts) {
  const { db, readDb, now } = deps;
  const rollup = createRollupService(deps, parts);
  const { venues } = parts;

  /** The venue the caller may act for: staff their own, officers any in scope. */
  async function venueInScope(caller: Caller, venueId: string | null | undefined, tx: DbOrTx = db) {
    const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
    const id = venueId ?? actor.venueId;
    if (!id) badInput("venueId", [{ code: "VENUE_REQUIRED", message: "请指定场所" }]);
    const venue = await venues.getVenueRecord(id, tx);
    assertVenueInScope(actor, venue);
    return { actor, venue };
  }

  const currentYear = () => assessmentYearOf(shanghaiDate(now()));

  /** The projection (or frozen result) with the next-star gap; computed and stored when missing. */
  async function venueYear(caller: Caller, venueId: string | null | undefined, year: number | null | undefined) {
    const { venue } = await venueInScope(caller, venueId);
    const y = year ?? currentYear();
    const result = (await repo.findResult(db, venue.id, y)) ?? (await db.transaction((tx) => rollup.recompute(tx, venue.id, y)));
    if (!result) throw new AppError("NOT_FOUND", "暂无考核结果");
    const policy = await rollup.policyFor(db, y);
    const onsite = await repo.findAssessment(db, venue.id, y, "ONSITE");
    const gap = nextStarGap(policy, {
      venueType: venue.type,
      year: y,
      metrics: result.metrics,
      onsite: onsite?.scores ?? null,
      vetoes: (onsite?.vetoes ?? []) as VetoCode[],
      unremediedComplaints: onsite?.unremediedComplaints ?? 0,
    });
    return toVenuePerformance(result, venue, gap, onsite !== null);
  }

  return {
    ...rollup,
    ...createFollowUpService(deps, rollup),
    currentYear,

    /** Staff record services (A3), a recruitment event (A5) or referrals (A6) with evidence; the roll-up counts it. */
    async recordActivity(caller: Caller, cmd: RecordActivityCommand) {
      const { actor, venue } = await venueInScope(caller, cmd.venueId);
      if (!CATEGORIES[cmd.kind].includes(cmd.category)) {
        badInput("category", [{ code: "ACTIVITY_CATEGORY", message: `${ACTIVITY_KIND.labels[cmd.kind]}的类别应为：${CATEGORIES[cmd.kind].join("、")}` }]);
      }
      const quantity = cmd.kind === "RECRUITMENT_EVENT" ? 1 : cmd.quantity;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) badInput("quantity", [{ code: "QUANTITY_RANGE", message: "人次应为 1–10000 的整数" }]);
      if (cmd.kind === "RECRUITMENT_EVENT" && (cmd.attendance == null || !Number.isInteger(cmd.attendance) || cmd.attendance < 1 || cmd.attendance > 1_000_000)) {
        badInput("attendance", [{ code: "ATTENDANCE_REQUIRED", message: "招聘活动须登记参加人数" }]);
      }
      const today = shanghaiDate(now());
      if (cmd.occurredOn > today) badInput("occurredOn", [{ code: "DATE_IN_FUTURE", message: "不能登记未来日期的活动" }]);
      const year = assessmentYearOf(cmd.occurredOn);
      const evidence = checkText("evidence", cmd.evidence, { kind: "text", label: "佐证材料说明", min: 4, max: 500 });
      return db.transaction(async (tx) => {
        const frozen = await repo.findResult(tx, venue.id, year);
        if (frozen?.status === "FROZEN") throw new AppError("PRECONDITION_FAILED", `${year} 年度考核已定格，不能再登记该年度的活动`, [{ code: "YEAR_FROZEN", message: "年度考核已定格" }]);
        const row = await repo.insertActivity(tx, {
          venueId: venue.id,
          year,
          kind: cmd.kind,
          category: cmd.category,
          quantity,
          attendance: cmd.kind === "RECRUITMENT_EVENT" ? cmd.attendance! : null,
          occurredOn: cmd.occurredOn,
          evidence,
          recordedBy: actor.userId,
        });
        await recordAudit(tx, caller, { action: "performance.record-activity", entityType: "venue_activity", entityId: row.id, after: { venueId: venue.id, kind: row.kind, category: row.category, quantity, occurredOn: row.occurredOn } });
        await emitEvent(tx, "venue.activity-recorded", { activityId: row.id, venueId: venue.id, year, kind: row.kind, quantity });
        return row;
      });
    },

    /** A venue's status changed: recompute its current year once every process's cached context has expired. */
    async venueStatusChanged(tx: DbOrTx, venueId: string) {
      await emitEvent(tx, "venue-year.changed", { venueId, year: currentYear() }, { runAt: new Date(now().getTime() + CONTEXT_REFRESH_MS) });
    },

    async listActivities(caller: Caller, venueId: string | null | undefined, year: number | null | undefined, limit: number, offset: number) {
      const { venue } = await venueInScope(caller, venueId);
      return repo.listActivities(db, venue.id, year ?? currentYear(), limit, offset);
    },

    venueYear,

    /** 择优推荐 ranking in the caller's scope (county officers their county, city officers any), two years below 70 flagged. */
    async ranking(caller: Caller, q: { year?: number | null; regionCode?: string | null; type?: "MARKET" | "STATION" | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      const regionCode = actor.role === "COUNTY_OFFICER" ? actor.regionCode! : (q.regionCode ?? undefined);
      if (q.regionCode) assertRegionInScope(actor, q.regionCode);
      const year = q.year ?? currentYear();
      const policy = await rollup.policyFor(db, year);
      const floor = policy.tiers.at(-1)!.minScoreTenths;
      // The replica (deps.readDb): a ranking seconds behind the latest roll-up is fine to show.
      const page = await repo.listRanking(readDb, { year, regionCode, type: q.type ?? undefined, limit: q.limit, offset: q.offset });
      return {
        total: page.total,
        items: page.items.map(({ result: r, venueName, previousScoreTenths: prev }, i) => ({
          rank: q.offset + i + 1,
          venueId: r.venueId,
          venueName,
          venueType: r.venueType,
          regionCode: r.regionCode,
          status: r.status,
          score: r.scoreTenths / 10,
          star: r.star,
          level: r.level,
          grantFen: r.grantFen,
          eligible: r.eligible,
          previousScore: prev == null ? null : Number(prev) / 10,
          belowThresholdTwoYears: r.scoreTenths < floor && prev != null && Number(prev) < floor,
        })),
      };
    },

    /** County officers enter the on-site items (C1, C2, D1, D3), vetoes and unremedied complaints after the check (附件6). */
    async enterOnsiteAssessment(caller: Caller, cmd: OnsiteAssessmentCommand) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      const notes = checkOptionalText("notes", cmd.notes, { kind: "text", label: "考核意见", max: 1000 });
      const evidence = checkOptionalText("evidence", cmd.evidence, { kind: "text", label: "佐证材料", max: 1000 });
      if (!Number.isInteger(cmd.unremediedComplaints) || cmd.unremediedComplaints < 0 || cmd.unremediedComplaints > 100) {
        badInput("unremediedComplaints", [{ code: "COUNT_RANGE", message: "未整改投诉数应为 0–100" }]);
      }
      return db.transaction(async (tx) => {
        const venue = await venues.getVenueRecord(cmd.venueId, tx);
        assertVenueInScope(actor, venue);
        const policy = await rollup.policyFor(tx, cmd.year);
        const onsiteItems = policy.rubrics[venue.type].filter((i) => i.measure.kind === "ONSITE");
        const scores: Record<string, number> = {};
        for (const s of cmd.scores) {
          const item = onsiteItems.find((i) => i.id === s.itemId);
          if (!item) badInput("scores", [{ code: "NOT_ONSITE_ITEM", message: `${s.itemId} 不是现场考核项目（应为 ${onsiteItems.map((i) => i.id).join("、")}）` }]);
          scores[item.id] = toTenths(`scores.${item.id}`, s.points, item.points);
        }
        const missing = onsiteItems.filter((i) => scores[i.id] == null);
        if (missing.length) badInput("scores", [{ code: "ONSITE_ITEM_MISSING", message: `缺少现场考核项目：${missing.map((i) => `${i.id} ${i.name}`).join("、")}` }]);
        const before = await repo.findAssessment(tx, venue.id, cmd.year, "ONSITE");
        const result = await repo.findResult(tx, venue.id, cmd.year, true);
        if (result?.status === "FROZEN") throw new AppError("PRECONDITION_FAILED", "该年度考核结果已定格，只能下调或撤销星级", [{ code: "YEAR_FROZEN", message: "年度考核已定格" }]);
        const saved = await repo.upsertAssessment(tx, {
          venueId: venue.id,
          year: cmd.year,
          kind: "ONSITE",
          scores,
          vetoes: [...new Set(cmd.vetoes)],
          unremediedComplaints: cmd.unremediedComplaints,
          notes,
          evidence,
          enteredBy: actor.userId,
          enteredAt: now(),
        });
        const view = (a: repo.AssessmentRow) => ({ scores: a.scores, vetoes: a.vetoes, unremediedComplaints: a.unremediedComplaints, notes: a.notes });
        await recordAudit(tx, caller, { action: "performance.enter-onsite-assessment", entityType: "venue_year", entityId: venue.id, before: before ? view(before) : null, after: { year: cmd.year, ...view(saved) } });
        await rollup.recompute(tx, venue.id, cmd.year);
        // Other processes may hold the old on-site scores for a few seconds: recompute once their caches expired.
        await emitEvent(tx, "venue-year.changed", { venueId: venue.id, year: cmd.year }, { runAt: new Date(now().getTime() + CONTEXT_REFRESH_MS) });
        return toAssessment(saved);
      });
    },

    /** Venue staff submit the self-assessment (附件6 自评): points they claim per item, with notes; it does not change the score. */
    async submitSelfAssessment(caller: Caller, cmd: { venueId?: string | null; year: number; scores: { itemId: string; points: number }[]; notes?: string | null }) {
      const { actor, venue } = await venueInScope(caller, cmd.venueId);
      const notes = checkOptionalText("notes", cmd.notes, { kind: "text", label: "自评说明", max: 2000 });
      const policy = await rollup.policyFor(db, cmd.year);
      const items = policy.rubrics[venue.type];
      const scores: Record<string, number> = {};
      for (const s of cmd.scores) {
        const item = items.find((i) => i.id === s.itemId);
        if (!item) badInput("scores", [{ code: "RUBRIC_ITEM_UNKNOWN", message: `考核表没有 ${s.itemId} 项` }]);
        scores[item.id] = toTenths(`scores.${item.id}`, s.points, item.points);
      }
      return db.transaction(async (tx) => {
        const before = await repo.findAssessment(tx, venue.id, cmd.year, "SELF");
        const saved = await repo.upsertAssessment(tx, { venueId: venue.id, year: cmd.year, kind: "SELF", scores, vetoes: [], unremediedComplaints: 0, notes, enteredBy: actor.userId, enteredAt: now() });
        await recordAudit(tx, caller, { action: "performance.submit-self-assessment", entityType: "venue_year", entityId: venue.id, before: before ? { scores: before.scores } : null, after: { year: cmd.year, scores, notes } });
        return toAssessment(saved);
      });
    },

    /**
     * Annual close (30 Nov 23:59): recompute and freeze every recognised venue's year. Returns the frozen
     * results; the subsidy side drafts an application for each eligible one with a grant.
     */
    async closeYear(tx: DbOrTx, year: number, caller: Caller) {
      const frozen: repo.ResultRow[] = [];
      for (const venueId of await repo.listRecognisedVenueIds(tx)) {
        await rollup.recompute(tx, venueId, year);
        const current = await repo.findResult(tx, venueId, year, true);
        if (!current || current.status === "FROZEN") continue;
        const row = await repo.updateResult(tx, venueId, year, { status: "FROZEN", frozenAt: now() });
        await recordAudit(tx, caller, { action: "performance.freeze-result", entityType: "venue_year", entityId: venueId, after: { year, scoreTenths: row.scoreTenths, star: row.star, grantFen: row.grantFen, policyVersion: row.policyVersion } });
        frozen.push(row);
      }
      return frozen;
    },

    /** A frozen result lowered or its star withdrawn later, with a reason (audited). Runs in the caller's transaction. */
    async lowerResult(caller: Caller, cmd: LowerResultCommand, tx: DbOrTx) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      const reason = checkText("reason", cmd.reason, { kind: "text", label: "原因", min: 2, max: 500 });
      const venue = await venues.getVenueRecord(cmd.venueId, tx);
      assertVenueInScope(actor, venue);
      const result = await repo.findResult(tx, venue.id, cmd.year, true);
      if (!result || result.status !== "FROZEN") throw new AppError("PRECONDITION_FAILED", "只能调整已定格的年度考核结果", [{ code: "RESULT_NOT_FROZEN", message: "年度考核尚未定格" }]);
      const score = cmd.score == null ? result.scoreTenths : toTenths("score", cmd.score, 100);
      if (score > result.scoreTenths) badInput("score", [{ code: "SCORE_NOT_LOWER", message: `只能下调：原得分 ${(result.scoreTenths / 10).toFixed(1)}` }]);
      if (score === result.scoreTenths && !cmd.withdrawStar) badInput("score", [{ code: "NOTHING_CHANGED", message: "请填写下调后的得分或撤销星级" }]);
      const policy = await rollup.policyFor(tx, cmd.year);
      const tier = cmd.withdrawStar ? null : tierFor(policy, score);
      const grantFen = result.eligible && tier ? Math.min(result.grantFen || tier.grantFen[venue.type], tier.grantFen[venue.type]) : 0;
      const star = tier && venue.type === "MARKET" ? tier.level : null;
      const adjustment = { fromScoreTenths: result.scoreTenths, fromStar: result.star, fromGrantFen: result.grantFen, reason, by: actor.userId, at: now().toISOString() };
      const row = await repo.updateResult(tx, venue.id, cmd.year, { scoreTenths: score, level: tier?.level ?? null, star, grantFen, adjustment });
      await recordAudit(tx, caller, {
        action: "performance.lower-result",
        entityType: "venue_year",
        entityId: venue.id,
        before: { year: cmd.year, scoreTenths: result.scoreTenths, star: result.star, grantFen: result.grantFen },
        after: { year: cmd.year, scoreTenths: score, star, grantFen, reason },
      });
      return row;
    },

    /** The policy in force for a year (an officer's version or the 2023 default). */
    policyForYear: (year: number) => rollup.policyFor(db, year),

    /** City officers enter a policy version effective from a year (audited); it is checked as a whole. */
    async setPolicy(caller: Caller, effectiveFromYear: number, json: string) {
      const actor = requireActor(caller, "CITY_OFFICER");
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        badInput("policy", [{ code: "POLICY_JSON", message: "政策内容不是有效的 JSON" }]);
      }
      const shape = policyShape.safeParse(parsed);
      const items = shape.success ? [...shape.data.rubrics.MARKET, ...shape.data.rubrics.STATION].map((i) => itemShape.safeParse(i)) : [];
      if (!shape.success || items.some((i) => !i.success)) {
        const issue = shape.success ? items.find((i) => !i.success)!.error!.issues[0] : shape.error.issues[0];
        badInput("policy", [{ code: "POLICY_SHAPE", message: `政策内容格式有误：${issue?.path.join(".")} ${issue?.message}` }]);
      }
      const policy = { ...(shape.data as SubsidyPolicy), effectiveFromYear };
      const checked = checkPolicy(policy);
      if (!checked.ok) badInput("policy", checked.reasons);
      return db.transaction(async (tx) => {
        const before = (await repo.listPolicies(tx)).find((p) => p.effectiveFromYear === effectiveFromYear) ?? null;
        const saved = await repo.upsertPolicy(tx, { effectiveFromYear, version: policy.version, policy, createdBy: actor.userId });
        await recordAudit(tx, caller, {
          action: "performance.set-policy",
          entityType: "subsidy_policy",
          entityId: actor.userId,
          before: before ? { version: before.version, effectiveFromYear } : null,
          after: { version: policy.version, effectiveFromYear, source: policy.source },
        });
        return { effectiveFromYear: saved.effectiveFromYear, version: saved.version, source: policy.source, policyJson: JSON.stringify(saved.policy) };
      });
    },

    async listReconcileRuns(caller: Caller, limit: number) {
      requireActor(caller, "CITY_OFFICER");
      return (await repo.listReconcileRuns(db, limit)).map((r) => ({ ...r, detailsJson: JSON.stringify(r.details) }));
    },

    /** An assessment of a venue-year (on-site or self), in scope; null when none yet. */
    async assessment(caller: Caller, venueId: string | null | undefined, year: number, kind: "ONSITE" | "SELF") {
      const { venue } = await venueInScope(caller, venueId);
      const row = await repo.findAssessment(db, venue.id, year, kind);
      return row ? toAssessment(row) : null;
    },

    /** The policy version in force for a year, as JSON (officers and staff read it to plan). */
    async policyView(caller: Caller, year: number) {
      requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const p = await rollup.policyFor(db, year);
      return { effectiveFromYear: p.effectiveFromYear, version: p.version, source: p.source, policyJson: JSON.stringify(p) };
    },

    /** 附件7 figures per county in the caller's scope (county officers their own). */
    async regionSummary(caller: Caller, year: number, regionCode?: string | null) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      if (regionCode) assertRegionInScope(actor, regionCode);
      const region = actor.role === "COUNTY_OFFICER" ? actor.regionCode! : (regionCode ?? undefined);
      return repo.regionSummary(db, year, region);
    },

    /** 附件5 rows of a venue-year (counted placements); full ID numbers only for officers who ask, audited by the caller. */
    rosterRows: (venueId: string, year: number) => repo.listRosterPlacements(db, venueId, year),
    venueInScope,
  };
}
