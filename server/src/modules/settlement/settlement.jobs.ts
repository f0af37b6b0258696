import type { JobHandler } from "../../jobs/job-context.js";

/** 24 h after submission: a settlement the worker did not answer is confirmed. */
export const autoConfirmSettlement: JobHandler<"settlement.auto-confirm"> = async ({ services, caller }, { settlementId }) => {
  await services.settlement.autoConfirm(caller, settlementId);
};

/** A confirmed settlement is paid (a retry after a crash or a lost bank answer resumes without paying twice). */
export const paySettlement: JobHandler<"settlement.pay"> = async ({ services, caller }, { settlementId }) => {
  await services.settlement.paySettlement(caller, settlementId);
};
