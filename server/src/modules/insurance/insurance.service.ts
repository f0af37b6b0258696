// 零工保 evidence (issue 7 item 7): per engagement, the two facts the cover rests on — taken on the platform
// (接单, from engagement.created) and paid on the platform (报酬结算, from placement.recorded, which the
// settlement emits exactly once when it is PAID) — and the insurer's policy reference, so the cover can be
// proven for any day. Read by the parties, the venue's staff and officers in scope.
import { coverageStatus, coversDay, isIsoDate } from "@qz/shared";
import type { Deps } from "../../deps.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { requireActor, type Actor, type Caller } from "../../access/actor.js";
import { assertRegionInScope } from "../../access/scope.js";
import { createInsuranceProvider, type InsuranceProvider } from "./insurance.provider.js";
import * as repo from "./insurance.repo.js";

export type InsuranceService = ReturnType<typeof createInsuranceService>;

/** The parties; staff of the task's brokering venue; county officers of its area; city officers. */
function assertCanRead(actor: Actor, f: repo.EngagementFacts): void {
  switch (actor.role) {
    case "WORKER":
      if (f.workerId !== actor.userId) throw notFound("用工记录", f.engagementId);
      return;
    case "EMPLOYER":
      if (f.employerId !== actor.userId) throw notFound("用工记录", f.engagementId);
      return;
    case "VENUE_STAFF":
      if (actor.venueId !== f.venueId) throw new AppError("FORBIDDEN", "只能查看本场所经办岗位的保障记录");
      return;
    default:
      assertRegionInScope(actor, f.regionCode);
  }
}

export function createInsuranceService(deps: Deps, parts: { provider?: InsuranceProvider } = {}) {
  const { db, now } = deps;
  const provider = parts.provider ?? createInsuranceProvider(deps.config);

  /** 接单: records the engagement (once) and enrols it with the insurer (the same reference on a retry). */
  async function recordTaken(engagementId: string, eventId: string | null) {
    const f = await repo.findEngagementFacts(db, engagementId);
    if (!f) throw notFound("用工记录", engagementId);
    const at = now();
    await repo.insertTaken(db, {
      engagementId,
      taskId: f.taskId,
      workerId: f.workerId,
      employerId: f.employerId,
      venueId: f.venueId,
      regionCode: f.regionCode,
      coverFrom: f.startsAt,
      coverTo: f.endsAt,
      takenAt: f.createdAt,
      takenEventId: eventId,
      provider: provider.name,
      createdAt: at,
      updatedAt: at,
    });
    const row = (await repo.findEvidence(db, engagementId))!;
    if (!row.policyRef) {
      const { policyRef } = await provider.enrol({ engagementId, workerId: f.workerId, coverFrom: f.startsAt, coverTo: f.endsAt });
      await repo.updatePolicyRef(db, engagementId, policyRef, at);
    }
  }

  return {
    provider,

    /** For the engagement.created job. */
    recordTaken: (eventId: string, engagementId: string) => recordTaken(engagementId, eventId),

    /** For the placement.recorded job: the settlement was paid on the platform (taken is recorded first if a retry reordered them). */
    async recordPaid(eventId: string, p: { engagementId: string; placementId: string; paidAt: string }) {
      if (!(await repo.findEvidence(db, p.engagementId))) await recordTaken(p.engagementId, null);
      await repo.updatePaid(db, p.engagementId, { paidAt: new Date(p.paidAt), paidEventId: eventId, placementId: p.placementId, updatedAt: now() });
    },

    /**
     * recordPaid for a batch of placement events: engagements with evidence are set paid in one statement; an
     * unknown engagement is refused as recordPaid refuses it; the rest (taken not yet recorded, a retry reordered
     * them) go one by one through recordPaid, which records taken and enrols first.
     */
    async recordPaidMany(events: { eventId: string; engagementId: string; placementId: string; paidAt: string }[]) {
      const known = new Map((await repo.engagementsWithEvidence(db, events.map((e) => e.engagementId))).map((r) => [r.engagementId, r]));
      const refused: { eventId: string; error: AppError }[] = [];
      const oneByOne: string[] = [];
      const paid: Parameters<typeof repo.updatePaidMany>[1] = [];
      for (const e of events) {
        const k = known.get(e.engagementId.toLowerCase());
        if (!k?.exists) refused.push({ eventId: e.eventId, error: notFound("用工记录", e.engagementId) });
        else if (!k.evidenced) oneByOne.push(e.eventId);
        else paid.push({ engagementId: e.engagementId, paidAt: new Date(e.paidAt), paidEventId: e.eventId, placementId: e.placementId });
      }
      await repo.updatePaidMany(db, paid, now());
      return { refused, oneByOne };
    },

    /** What can be proven for an engagement, and for one Shanghai day when `day` is given ("YYYY-MM-DD"). */
    async coverage(caller: Caller, engagementId: string, day?: string | null) {
      const actor = requireActor(caller);
      if (day != null && !isIsoDate(day)) badInput("day", [{ code: "DATE_FORMAT", message: "日期格式应为 YYYY-MM-DD" }]);
      const f = await repo.findEngagementFacts(db, engagementId);
      if (!f) throw notFound("用工记录", engagementId);
      assertCanRead(actor, f);
      const row = await repo.findEvidence(db, engagementId);
      const facts = { takenAt: row?.takenAt ?? null, paidAt: row?.paidAt ?? null, coverFrom: row?.coverFrom ?? f.startsAt, coverTo: row?.coverTo ?? f.endsAt };
      return {
        engagementId,
        status: coverageStatus(facts),
        ...facts,
        provider: row?.provider ?? null,
        policyRef: row?.policyRef ?? null,
        day: day ?? null,
        coversDay: day == null ? null : coversDay(facts, day),
      };
    },
  };
}
