import { withBatch, type JobHandler } from "../../jobs/job-context.js";

/** engagement.created → 接单 recorded and the insurer told (safe to run twice: the first record wins). */
export const recordInsuranceTaken: JobHandler<"insurance.record-taken"> = async ({ services, eventId }, { engagementId }) => {
  await services.insurance.recordTaken(eventId, engagementId);
};

/** placement.recorded (a settlement PAID) → 报酬结算 recorded once; a batch of placements in a few statements. */
export const recordInsurancePaid: JobHandler<"insurance.record-paid"> = withBatch(
  async ({ services, eventId }, { engagementId, placementId, paidAt }) => {
    await services.insurance.recordPaid(eventId, { engagementId, placementId, paidAt });
  },
  ({ services }, events) => services.insurance.recordPaidMany(events.map(({ eventId, payload: p }) => ({ eventId, engagementId: p.engagementId, placementId: p.placementId, paidAt: p.paidAt }))),
);
