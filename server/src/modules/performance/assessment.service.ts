// On-site assessment (county officers: C1, C2, D1, D3, vetoes) and the venue's self-assessment (附件6 自评).
import type { VetoCode } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText } from "../../access/input-checks.js";
import { assertVenueInScope } from "../../access/scope.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import * as repo from "./performance.repo.js";
import type { PerformanceScope } from "./performance.scope.js";
import { toAssessment } from "./performance.view.js";
import { CONTEXT_REFRESH_MS } from "./rollup.service.js";

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

/** Points entered with one decimal, as tenths; out of range or finer than a tenth is refused. */
export const toTenths = (field: string, points: number, max: number): number => {
  const tenths = Math.round(points * 10);
  if (!Number.isFinite(points) || Math.abs(points * 10 - tenths) > 1e-9 || tenths < 0 || tenths > max * 10) {
    badInput(field, [{ code: "POINTS_RANGE", message: `分值应在 0 到 ${max} 之间，最多一位小数` }]);
  }
  return tenths;
};

/** Entering and reading assessments of a venue-year. */
export function createAssessmentService({ db, now }: Deps, { rollup, venues, venueInScope }: PerformanceScope) {
  return {
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

    /** An assessment of a venue-year (on-site or self), in scope; null when none yet. */
    async assessment(caller: Caller, venueId: string | null | undefined, year: number, kind: "ONSITE" | "SELF") {
      const { venue } = await venueInScope(caller, venueId);
      const row = await repo.findAssessment(db, venue.id, year, kind);
      return row ? toAssessment(row) : null;
    },

  };
}
