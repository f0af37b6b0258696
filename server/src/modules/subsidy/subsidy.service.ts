import {
  addDays,
  addWorkingDays,
  APPLICATION_LIFECYCLE,
  checkFundUse,
  checkMaterials,
  MATERIALS,
  oneTimeEligibility,
  shanghaiDate,
  type ApplicationAction,
  type FundCategory,
  type SubsidyKind,
} from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText, checkText } from "../../access/input-checks.js";
import { assertRegionInScope, assertVenueInScope, venueScopeOf } from "../../access/scope.js";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import type { LowerResultCommand } from "../performance/annual-close.service.js";
import type { PerformanceService, VenueYearResultRow } from "../performance/performance.service.js";
import { shanghaiMidnight } from "../performance/rollup.service.js";
import type { ReferenceService } from "../reference/reference.service.js";
import type { VenueService } from "../venue/venue.service.js";
import * as repo from "./subsidy.repo.js";

const OFFICERS = ["COUNTY_OFFICER", "CITY_OFFICER"] as const;
const view = (a: repo.ApplicationRow) => ({ status: a.status, amountFen: a.amountFen, statusReason: a.statusReason });
const fen = (n: number) => `${(n / 100).toFixed(2)} 元`;

export type SubsidyService = ReturnType<typeof createSubsidyService>;

/** 补助申报: applications through review, 公示 and payment, county budgets, and the use of paid funds. */
export function createSubsidyService(deps: Deps, parts: { venues: VenueService; performance: PerformanceService; reference: ReferenceService }) {
  const { db, now } = deps;
  const { venues, performance, reference } = parts;
  const today = () => shanghaiDate(now());

  function refuse(result: { ok: false; reasons: { code: string; message: string }[] }, code: "PRECONDITION_FAILED" | "CONFLICT" = "PRECONDITION_FAILED"): never {
    throw new AppError(code, result.reasons.map((r) => r.message).join("；"), result.reasons);
  }

  /** Loads and locks an application the caller may see: staff their venue's, officers their county's. */
  async function loadInScope(tx: DbOrTx, caller: Caller, id: string, ...roles: ("VENUE_STAFF" | "COUNTY_OFFICER" | "CITY_OFFICER")[]) {
    const actor = requireActor(caller, ...roles);
    const app = await repo.getApplication(tx, id, true);
    assertVenueInScope(actor, { id: app.venueId, regionCode: app.regionCode });
    return { actor, app };
  }

  async function move(tx: DbOrTx, caller: Caller, app: repo.ApplicationRow, action: ApplicationAction, reason: string | null, extra: Partial<repo.ApplicationRow> = {}) {
    const next = APPLICATION_LIFECYCLE.next(app.status, action, reason);
    if (!next.ok) refuse(next);
    const updated = await repo.updateApplication(tx, app.id, { status: next.value, ...(reason ? { statusReason: reason } : {}), ...extra });
    await recordAudit(tx, caller, { action: "subsidy.transition", entityType: "subsidy_application", entityId: app.id, before: view(app), after: { ...view(updated), action } });
    return updated;
  }

  /** Refuses when the amount would take the county-year beyond its budget (就业补助资金). */
  async function assertWithinBudget(tx: DbOrTx, app: repo.ApplicationRow) {
    const budget = await repo.getBudgetForUpdate(tx, app.regionCode, app.year);
    if (!budget) throw new AppError("PRECONDITION_FAILED", `${app.year} 年度本县(市、区)尚未设定补助预算`, [{ code: "BUDGET_NOT_SET", message: "尚未设定年度补助预算" }]);
    const committed = await repo.committedFen(tx, app.regionCode, app.year, app.id);
    if (committed + app.amountFen > budget.amountFen) {
      const message = `超出县级年度补助预算：预算 ${fen(budget.amountFen)}，已占用 ${fen(committed)}，本申请 ${fen(app.amountFen)}`;
      throw new AppError("PRECONDITION_FAILED", message, [{ code: "BUDGET_EXCEEDED", message }]);
    }
  }

  async function approve(tx: DbOrTx, caller: Caller, app: repo.ApplicationRow) {
    await assertWithinBudget(tx, app);
    return move(tx, caller, app, "APPROVE", null, { approvedAt: now() });
  }

  function materialKeys(kind: SubsidyKind, keys: readonly string[]) {
    const known = new Set(MATERIALS[kind].map((m) => m.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) badInput("materials", [{ code: "MATERIAL_UNKNOWN", message: `不是${kind === "ONE_TIME" ? "一次性运维补助" : "绩效补助"}的申报材料：${unknown.join("、")}` }]);
    return [...new Set(keys)];
  }

  return {
    /** A venue applies for the one-time operating subsidy (once per venue, after recognition). */
    async createOneTimeApplication(caller: Caller, cmd: { venueId?: string | null; materials: string[]; note?: string | null }) {
      const { actor, venue } = await performance.venueInScope(caller, cmd.venueId);
      const materials = materialKeys("ONE_TIME", cmd.materials);
      const note = checkOptionalText("note", cmd.note, { kind: "text", label: "备注", max: 500 });
      return db.transaction(async (tx) => {
        const fresh = await venues.getVenueRecord(venue.id, tx);
        const prior = await repo.listApplicationsOfVenue(tx, venue.id, "ONE_TIME");
        const eligibility = oneTimeEligibility({ type: fresh.type, status: fresh.status, recognizedOn: fresh.recognizedAt ? shanghaiDate(fresh.recognizedAt) : null, purchasePeriods: [] }, prior);
        if (!eligibility.eligible) refuse({ ok: false, reasons: eligibility.reasons });
        const year = Number(today().slice(0, 4));
        const policy = await performance.policyForYear(year);
        const app = await repo.insertApplication(tx, {
          venueId: venue.id,
          regionCode: fresh.regionCode,
          kind: "ONE_TIME",
          year,
          amountFen: policy.oneTimeGrantFen[fresh.type],
          policyVersion: policy.version,
          materials,
          note,
          createdBy: actor.userId,
        });
        // Two requests at once: the partial unique index lets one through.
        if (!app) refuse({ ok: false, reasons: [{ code: "ONE_TIME_ALREADY_CLAIMED", message: "一次性运维补助每个场所仅可享受一次" }] }, "CONFLICT");
        await recordAudit(tx, caller, { action: "subsidy.create-application", entityType: "subsidy_application", entityId: app.id, after: { kind: app.kind, venueId: app.venueId, amountFen: app.amountFen } });
        return app;
      });
    },

    /** The annual close drafts a performance application for each frozen, eligible result with a grant. */
    async draftPerformanceApplications(tx: DbOrTx, results: readonly VenueYearResultRow[], caller: Caller) {
      const drafted: repo.ApplicationRow[] = [];
      for (const r of results) {
        if (!r.eligible || r.grantFen <= 0) continue;
        const app = await repo.insertApplication(tx, {
          venueId: r.venueId,
          regionCode: r.regionCode,
          kind: "PERFORMANCE",
          year: r.year,
          amountFen: r.grantFen,
          scoreTenths: r.scoreTenths,
          level: r.level,
          policyVersion: r.policyVersion,
          materials: [],
        });
        if (!app) continue;
        await recordAudit(tx, caller, { action: "subsidy.create-application", entityType: "subsidy_application", entityId: app.id, after: { kind: app.kind, venueId: app.venueId, year: app.year, amountFen: app.amountFen, drafted: true } });
        drafted.push(app);
      }
      return drafted;
    },

    /** Staff tick the materials provided (DRAFT or RETURNED). */
    async updateMaterials(caller: Caller, id: string, materials: string[], note?: string | null) {
      return db.transaction(async (tx) => {
        const { app } = await loadInScope(tx, caller, id, "VENUE_STAFF", ...OFFICERS);
        if (app.status !== "DRAFT" && app.status !== "RETURNED") throw new AppError("PRECONDITION_FAILED", "只有草稿或退回的申请可以修改材料", [{ code: "APPLICATION_LOCKED", message: "申请已提交" }]);
        const keys = materialKeys(app.kind, materials);
        const updated = await repo.updateApplication(tx, id, { materials: keys, note: note === undefined ? app.note : checkOptionalText("note", note, { kind: "text", label: "备注", max: 500 }) });
        await recordAudit(tx, caller, { action: "subsidy.update-materials", entityType: "subsidy_application", entityId: id, before: { materials: app.materials }, after: { materials: keys } });
        return updated;
      });
    },

    /** DRAFT/RETURNED → SUBMITTED once every material the plan lists is there. */
    async submit(caller: Caller, id: string) {
      return db.transaction(async (tx) => {
        const { app } = await loadInScope(tx, caller, id, "VENUE_STAFF", ...OFFICERS);
        const complete = checkMaterials(app.kind, new Set(app.materials));
        if (!complete.ok) refuse(complete);
        return move(tx, caller, app, "SUBMIT", null, { submittedAt: now() });
      });
    },

    async startReview(caller: Caller, id: string) {
      return db.transaction(async (tx) => move(tx, caller, (await loadInScope(tx, caller, id, ...OFFICERS)).app, "START_REVIEW", null));
    },
    async returnApplication(caller: Caller, id: string, reason: string) {
      const r = checkText("reason", reason, { kind: "text", label: "退回原因", min: 2, max: 500 });
      return db.transaction(async (tx) => move(tx, caller, (await loadInScope(tx, caller, id, ...OFFICERS)).app, "RETURN", r));
    },
    async rejectApplication(caller: Caller, id: string, reason: string) {
      const r = checkText("reason", reason, { kind: "text", label: "不予通过原因", min: 2, max: 500 });
      return db.transaction(async (tx) => move(tx, caller, (await loadInScope(tx, caller, id, ...OFFICERS)).app, "REJECT", r));
    },

    /**
     * UNDER_REVIEW → PUBLIC_NOTICE for the policy's working days (5), starting the next working day; the
     * approval is a scheduled event at the end of the last day. The budget is checked now and again then.
     */
    async publish(caller: Caller, id: string) {
      return db.transaction(async (tx) => {
        const { app } = await loadInScope(tx, caller, id, ...OFFICERS);
        await assertWithinBudget(tx, app);
        const policy = await performance.policyForYear(app.year);
        const cal = await reference.workingDayCalendar();
        const startsOn = addWorkingDays(today(), 1, cal);
        const endsOn = addWorkingDays(startsOn, policy.noticeWorkingDays - 1, cal);
        const eventId = await emitEvent(tx, "subsidy.notice-ended", { applicationId: app.id }, { runAt: shanghaiMidnight(addDays(endsOn, 1)) });
        return move(tx, caller, app, "PUBLISH", null, { noticeStartsOn: startsOn, noticeEndsOn: endsOn, noticeEventId: eventId });
      });
    },

    /** The notice ended (scheduled): approve unless an objection is open or upheld; then the budget decides. */
    async endNotice(tx: DbOrTx, caller: Caller, applicationId: string) {
      const app = await repo.getApplication(tx, applicationId, true);
      if (app.status !== "PUBLIC_NOTICE") return app;
      const objections = await repo.listObjections(tx, app.id);
      if (objections.some((o) => o.status !== "DISMISSED")) return app;
      return approve(tx, caller, app);
    },

    /** Any logged-in user may object during the notice (异议). */
    async fileObjection(caller: Caller, applicationId: string, reason: string) {
      const actor = requireActor(caller);
      const text = checkText("reason", reason, { kind: "text", label: "异议理由", min: 5, max: 1000 });
      return db.transaction(async (tx) => {
        const app = await repo.getApplication(tx, applicationId, true);
        if (app.status !== "PUBLIC_NOTICE" || (app.noticeEndsOn && today() > app.noticeEndsOn)) {
          throw new AppError("PRECONDITION_FAILED", "该申请不在公示期内，不能提出异议", [{ code: "NOT_IN_NOTICE", message: "不在公示期内" }]);
        }
        const row = await repo.insertObjection(tx, { applicationId, filedBy: actor.userId, reason: text });
        await recordAudit(tx, caller, { action: "subsidy.file-objection", entityType: "subsidy_objection", entityId: row.id, after: { applicationId, reason: text } });
        return row;
      });
    },

    /** The county officer checks an objection: upheld blocks the application (back to review); dismissed lets the notice run out. */
    async decideObjection(caller: Caller, objectionId: string, upheld: boolean, note: string) {
      const actor = requireActor(caller, ...OFFICERS);
      const decision = checkText("note", note, { kind: "text", label: "核查意见", min: 2, max: 1000 });
      return db.transaction(async (tx) => {
        const objection = await repo.getObjectionForUpdate(tx, objectionId);
        const app = await repo.getApplication(tx, objection.applicationId, true);
        assertVenueInScope(actor, { id: app.venueId, regionCode: app.regionCode });
        if (objection.status !== "FILED") throw new AppError("PRECONDITION_FAILED", "该异议已核查", [{ code: "OBJECTION_DECIDED", message: "该异议已核查" }]);
        const decided = await repo.updateObjection(tx, objectionId, { status: upheld ? "UPHELD" : "DISMISSED", decidedBy: actor.userId, decisionNote: decision, decidedAt: now() });
        await recordAudit(tx, caller, { action: "subsidy.decide-objection", entityType: "subsidy_objection", entityId: objectionId, before: { status: objection.status }, after: { status: decided.status, note: decision } });
        if (app.status === "PUBLIC_NOTICE") {
          if (upheld) {
            if (app.noticeEventId) await cancelEvent(tx, app.noticeEventId, now());
            await move(tx, caller, app, "BLOCK", `公示异议成立：${decision}`, { noticeEventId: null });
          } else if (app.noticeEndsOn && today() > app.noticeEndsOn && (await repo.listObjections(tx, app.id)).every((o) => o.status === "DISMISSED")) {
            // The notice ran out while this objection was open: it was the last thing holding approval.
            await approve(tx, caller, app);
          }
        }
        return decided;
      });
    },

    /** APPROVED → PAID with the amount, date and voucher (拨付凭证). */
    async recordPayment(caller: Caller, id: string, cmd: { paidFen: number; paidOn: string; voucherNo: string }) {
      const voucherNo = checkText("voucherNo", cmd.voucherNo, { kind: "line", label: "凭证号", min: 2, max: 60 });
      return db.transaction(async (tx) => {
        const { app } = await loadInScope(tx, caller, id, ...OFFICERS);
        if (!Number.isSafeInteger(cmd.paidFen) || cmd.paidFen <= 0 || cmd.paidFen > app.amountFen) {
          badInput("paidFen", [{ code: "PAID_AMOUNT", message: `拨付金额应在 0.01 元到核定金额 ${fen(app.amountFen)} 之间` }]);
        }
        if (cmd.paidOn > today()) badInput("paidOn", [{ code: "DATE_IN_FUTURE", message: "拨付日期不能晚于今天" }]);
        const before = view(app);
        const updated = await move(tx, caller, app, "PAY", null, { paidFen: cmd.paidFen, paidOn: cmd.paidOn, voucherNo });
        await recordAudit(tx, caller, { action: "subsidy.record-payment", entityType: "subsidy_application", entityId: id, before, after: { paidFen: cmd.paidFen, paidOn: cmd.paidOn, voucherNo } });
        return updated;
      });
    },

    /** Each county's yearly budget; never below what is already committed. */
    async setBudget(caller: Caller, regionCode: string, year: number, amountFen: number) {
      const actor = requireActor(caller, ...OFFICERS);
      assertRegionInScope(actor, regionCode);
      if (!Number.isSafeInteger(amountFen) || amountFen < 0) badInput("amountFen", [{ code: "AMOUNT_INVALID", message: "预算应为非负整数（分）" }]);
      return db.transaction(async (tx) => {
        const before = await repo.getBudgetForUpdate(tx, regionCode, year);
        const committed = await repo.committedFen(tx, regionCode, year);
        if (amountFen < committed) throw new AppError("PRECONDITION_FAILED", `预算不能低于已占用的 ${fen(committed)}`, [{ code: "BUDGET_BELOW_COMMITTED", message: `已占用 ${fen(committed)}` }]);
        const saved = await repo.upsertBudget(tx, { regionCode, year, amountFen, setBy: actor.userId });
        await recordAudit(tx, caller, { action: "subsidy.set-budget", entityType: "county_subsidy_budget", entityId: actor.userId, before: before ? { regionCode, year, amountFen: before.amountFen } : null, after: { regionCode, year, amountFen } });
        return { ...saved, committedFen: committed };
      });
    },

    async budget(caller: Caller, regionCode: string, year: number) {
      const actor = requireActor(caller, ...OFFICERS);
      assertRegionInScope(actor, regionCode);
      const [row, committed] = await Promise.all([db.transaction((tx) => repo.getBudgetForUpdate(tx, regionCode, year)), repo.committedFen(db, regionCode, year)]);
      return { regionCode, year, amountFen: row?.amountFen ?? 0, committedFen: committed, set: !!row };
    },

    /** The venue records a spending against its paid grant; construction and fixed assets are refused with the rule. */
    async recordFundUse(caller: Caller, applicationId: string, cmd: { category: FundCategory; amountFen: number; spentOn: string; voucherNo: string; attachment?: string | null; note?: string | null }) {
      const voucherNo = checkText("voucherNo", cmd.voucherNo, { kind: "line", label: "凭证号", min: 2, max: 60 });
      const attachment = checkOptionalText("attachment", cmd.attachment, { kind: "line", label: "附件", max: 300 });
      const note = checkOptionalText("note", cmd.note, { kind: "text", label: "说明", max: 500 });
      return db.transaction(async (tx) => {
        const { actor, app } = await loadInScope(tx, caller, applicationId, "VENUE_STAFF", ...OFFICERS);
        if (app.status !== "PAID") throw new AppError("PRECONDITION_FAILED", "补助尚未拨付，不能登记资金使用", [{ code: "GRANT_NOT_PAID", message: "补助尚未拨付" }]);
        if (cmd.spentOn > today() || (app.paidOn && cmd.spentOn < app.paidOn)) badInput("spentOn", [{ code: "SPENT_ON_RANGE", message: "支出日期应在拨付日期与今天之间" }]);
        const balance = (app.paidFen ?? 0) - (await repo.spentFen(tx, app.id));
        const ok = checkFundUse(cmd.category, cmd.amountFen, balance);
        if (!ok.ok) refuse(ok);
        const row = await repo.insertFundUse(tx, { applicationId: app.id, venueId: app.venueId, category: cmd.category, amountFen: cmd.amountFen, spentOn: cmd.spentOn, voucherNo, attachment, note, recordedBy: actor.userId });
        await recordAudit(tx, caller, { action: "subsidy.record-fund-use", entityType: "subsidy_fund_use", entityId: row.id, after: { applicationId: app.id, category: row.category, amountFen: row.amountFen, spentOn: row.spentOn, voucherNo } });
        return { ...row, balanceFen: balance - cmd.amountFen };
      });
    },

    async fundUses(caller: Caller, applicationId: string) {
      const actor = requireActor(caller, "VENUE_STAFF", ...OFFICERS);
      const app = await repo.getApplication(db, applicationId);
      assertVenueInScope(actor, { id: app.venueId, regionCode: app.regionCode });
      const uses = await repo.listFundUses(db, app.id);
      const spent = uses.reduce((s, u) => s + u.amountFen, 0);
      return { application: app, uses, spentFen: spent, balanceFen: (app.paidFen ?? 0) - spent };
    },

    /** Paid grants per venue with spending by category and the balance (officers, in scope). */
    async fundReport(caller: Caller, regionCode?: string | null, year?: number | null) {
      const actor = requireActor(caller, ...OFFICERS);
      const region = actor.role === "COUNTY_OFFICER" ? actor.regionCode! : (regionCode ?? undefined);
      if (regionCode) assertRegionInScope(actor, regionCode);
      const rows = await repo.fundReport(db, { regionCode: region, year: year ?? undefined });
      return rows.map((r) => ({
        applicationId: r.application_id,
        venueName: r.venue_name,
        regionCode: r.region_code,
        year: Number(r.year),
        kind: r.kind as SubsidyKind,
        paidFen: Number(r.paid_fen),
        spentFen: Number(r.spent_fen),
        balanceFen: Number(r.paid_fen) - Number(r.spent_fen),
        byCategory: Object.entries(r.by_category ?? {}).map(([category, amount]) => ({ category: category as FundCategory, amountFen: Number(amount) })),
      }));
    },

    /** 附件7 grant figures per county in the caller's scope. */
    async grantSummary(caller: Caller, year: number, regionCode?: string | null) {
      const actor = requireActor(caller, ...OFFICERS);
      if (regionCode) assertRegionInScope(actor, regionCode);
      const region = actor.role === "COUNTY_OFFICER" ? actor.regionCode! : (regionCode ?? undefined);
      return repo.grantSummary(db, year, region);
    },

    async getApplication(caller: Caller, id: string) {
      const actor = requireActor(caller);
      const app = await repo.getApplication(db, id);
      // Anyone logged in may read an application during its public notice (that is what 公示 is for).
      if (app.status !== "PUBLIC_NOTICE") assertVenueInScope(actor, { id: app.venueId, regionCode: app.regionCode });
      return app;
    },

    async listApplications(caller: Caller, q: { year?: number | null; kind?: SubsidyKind | null; status?: repo.ApplicationRow["status"] | null; regionCode?: string | null; limit: number; offset: number }) {
      const actor = requireActor(caller);
      if (actor.role === "WORKER" || actor.role === "EMPLOYER") {
        // The public notice board: what is being announced, nothing else.
        if (q.status && q.status !== "PUBLIC_NOTICE") return { items: [], total: 0 };
        return repo.listApplications(db, { regionCode: q.regionCode ?? undefined, year: q.year ?? undefined, kind: q.kind ?? undefined, statuses: ["PUBLIC_NOTICE"], limit: q.limit, offset: q.offset });
      }
      const scope = venueScopeOf(actor);
      if (q.regionCode && scope.regionCode && q.regionCode !== scope.regionCode) assertRegionInScope(actor, q.regionCode);
      return repo.listApplications(db, {
        venueId: scope.venueId,
        regionCode: scope.regionCode ?? q.regionCode ?? undefined,
        year: q.year ?? undefined,
        kind: q.kind ?? undefined,
        statuses: q.status ? [q.status] : undefined,
        limit: q.limit,
        offset: q.offset,
      });
    },

    listObjections: async (caller: Caller, applicationId: string) => {
      await db.transaction((tx) => loadInScope(tx, caller, applicationId, "VENUE_STAFF", ...OFFICERS));
      return repo.listObjections(db, applicationId);
    },

    /** Lowers a frozen result (or withdraws the star) and the unpaid grant with it; a paid one shows what to reclaim. */
    async lowerFrozenResult(caller: Caller, cmd: LowerResultCommand) {
      return db.transaction(async (tx) => {
        const result = await performance.lowerResult(caller, cmd, tx);
        const app = await repo.findPerformanceApplication(tx, cmd.venueId, cmd.year);
        let reclaimFen = 0;
        if (app && app.status !== "PAID" && app.status !== "REJECTED" && app.amountFen > result.grantFen) {
          await repo.updateApplication(tx, app.id, { amountFen: result.grantFen, scoreTenths: result.scoreTenths, level: result.level });
          await recordAudit(tx, caller, { action: "subsidy.transition", entityType: "subsidy_application", entityId: app.id, before: view(app), after: { status: app.status, amountFen: result.grantFen, statusReason: cmd.reason } });
        } else if (app?.status === "PAID") {
          reclaimFen = Math.max(0, (app.paidFen ?? 0) - result.grantFen);
        }
        return { result, reclaimFen };
      });
    },
  };
}
