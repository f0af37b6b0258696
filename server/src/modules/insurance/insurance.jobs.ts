import type { JobHandler } from "../../jobs/job-context.js";

/** engagement.created → 接单 recorded and the insurer told (safe to run twice: the first record wins). */
export const recordInsuranceTaken: JobHandler<"insurance.record-taken"> = async ({ services, eventId }, { engagementId }) => {
  await services.insurance.recordTaken(eventId, engagementId);
};

/** placement.recorded (a settlement PAID) → 报酬结算 recorded once. */
export const recordInsurancePaid: JobHandler<"insurance.record-paid"> = async ({ services, eventId }, { engagementId, placementId, paidAt }) => {
  await services.insurance.recordPaid(eventId, { engagementId, placementId, paidAt });
};
