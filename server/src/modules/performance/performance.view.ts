// Stored rows → the GraphQL shapes (tenths become one-decimal points).
import { starTitle, type NextStarGap } from "@qz/shared";
import type { AssessmentRow, ResultRow } from "./performance.repo.js";
import type { VenueAssessment } from "./assessment.types.js";
import type { VenuePerformance } from "./performance.types.js";

const pts = (tenths: number) => tenths / 10;

export function toVenuePerformance(r: ResultRow, venue: { name: string }, gap: NextStarGap, onsiteEntered: boolean): VenuePerformance {
  const e = r.evaluation;
  return {
    venueId: r.venueId,
    venueName: venue.name,
    venueType: r.venueType,
    regionCode: r.regionCode,
    year: r.year,
    status: r.status,
    policyVersion: r.policyVersion,
    score: pts(r.scoreTenths),
    level: r.level,
    star: r.star,
    title: r.star ? starTitle(r.year, r.star) : null,
    grantFen: r.grantFen,
    scoreGrantFen: e.grantFen,
    eligible: r.eligible,
    eligibility: r.eligibility,
    items: e.items.map((i) => ({ ...i, earned: pts(i.earnedTenths) })),
    deduction: pts(e.deductionTenths),
    vetoes: e.vetoes,
    nextStar: { ...gap, missing: pts(gap.missingTenths) },
    onsiteEntered,
    computedAt: r.computedAt,
    frozenAt: r.frozenAt,
    adjustment: r.adjustment ? { fromScore: pts(r.adjustment.fromScoreTenths), fromStar: r.adjustment.fromStar, fromGrantFen: r.adjustment.fromGrantFen, reason: r.adjustment.reason, at: new Date(r.adjustment.at) } : null,
  };
}

export function toAssessment(a: AssessmentRow): VenueAssessment {
  return {
    venueId: a.venueId,
    year: a.year,
    kind: a.kind,
    scores: Object.entries(a.scores).map(([itemId, tenths]) => ({ itemId, points: pts(tenths) })),
    vetoes: a.vetoes as VenueAssessment["vetoes"],
    unremediedComplaints: a.unremediedComplaints,
    notes: a.notes,
    evidence: a.evidence,
    enteredAt: a.enteredAt,
  };
}
