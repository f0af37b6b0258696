import { shanghaiDate } from "@qz/shared";
import { withBatch, type JobHandler } from "../../jobs/job-context.js";

/** placement.recorded → the placement facts, the venue-years' counters and dirty marks, in the job's transaction (a redelivery counts nothing). */
export const recordPlacement: JobHandler<"performance.record-placement"> = withBatch(
  async ({ tx, services }, payload) => {
    await services.performance.recordPlacement(tx, payload);
  },
  // The applies it emitted are queued as soon as it commits: the placement → score path need not wait for the relay's poll.
  async ({ tx, services }, events) => ({ emitted: (await services.performance.recordPlacements(tx, events.map((e) => e.payload))).applies }),
);

/** Dirty venue-years (one event per dirty spell), many at once: each projection recomputed once from its counters. */
export const applyPlacements: JobHandler<"performance.apply-placements"> = withBatch(
  async ({ tx, services }, { venueId, year }) => {
    await services.performance.applyPlacements(tx, venueId, year);
  },
  async ({ tx, services }, events) => {
    await services.performance.applyPlacementsOf(tx, events.map((e) => e.payload));
  },
);

export const recordRating: JobHandler<"performance.record-rating"> = async ({ tx, services }, payload) => {
  await services.performance.recordRating(tx, payload);
};

export const recordComplaint: JobHandler<"performance.record-complaint"> = async ({ tx, services }, payload) => {
  await services.performance.recordComplaint(tx, payload);
};

export const recordActivity: JobHandler<"performance.record-activity"> = async ({ tx, services }, payload) => {
  await services.performance.countActivity(tx, payload);
};

export const recomputeVenueYear: JobHandler<"performance.recompute-venue-year"> = async ({ tx, services }, { venueId, year }) => {
  await services.performance.recompute(tx, venueId, year);
};

/** Nightly: counters from the source rows, drift fixed and reported. */
export const reconcileVenueYears: JobHandler<"performance.reconcile"> = async ({ tx, services, eventId, deps }) => {
  const run = await services.performance.reconcile(tx, eventId);
  if (run.drifted > 0) deps.logger.warn({ drifted: run.drifted, venueYears: run.venueYears }, "performance reconcile fixed drift");
};

/** 30 Nov 23:59 Shanghai: freeze the year, draft a performance application for each eligible venue with a grant. */
export const annualClose: JobHandler<"performance.annual-close"> = async ({ tx, services, caller }, { slot }) => {
  const year = Number(shanghaiDate(new Date(slot)).slice(0, 4));
  const frozen = await services.performance.closeYear(tx, year, caller);
  await services.subsidy.draftPerformanceApplications(tx, frozen, caller);
};

/** venue.status-changed → a fresh recompute of the venue's current year (eligibility follows the status). */
export const recomputeOnVenueStatus: JobHandler<"performance.venue-status-changed"> = async ({ tx, services }, { venueId }) => {
  await services.performance.venueStatusChanged(tx, venueId);
};

/** user.registered → a walk-in registration (现场登记) counts in its venue's A3. */
export const countWalkIn: JobHandler<"performance.count-walk-in"> = async ({ tx, services }, { userId, role }) => {
  if (role === "WORKER") await services.performance.walkInRegistered(tx, userId);
};

/** contract.signed → B2 (e-contract rate) of the contract's venue. */
export const recomputeOnContractSigned: JobHandler<"performance.contract-signed"> = async ({ tx, services }, { contractId }) => {
  await services.performance.contractSigned(tx, contractId);
};
