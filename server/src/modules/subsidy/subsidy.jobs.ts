import type { JobHandler } from "../../jobs/job-context.js";

/** The public notice's last working day ended: approve unless an objection stands (a budget refusal is SKIPPED with its reason). */
export const endNotice: JobHandler<"subsidy.end-notice"> = async ({ tx, services, caller }, { applicationId }) => {
  await services.subsidy.endNotice(tx, caller, applicationId);
};
