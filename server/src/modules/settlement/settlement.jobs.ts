import type { JobHandler } from "../../jobs/job-context.js";

/** 24 h after submission: a settlement the worker did not answer is confirmed. */
export const autoConfirmSettlement: JobHandler<"settlement.auto-confirm"> = async ({ services, caller }, { settlementId }) => {
  await services.settlement.autoConfirm(caller, settlementId);
};

/** A confirmed settlement is paid, with any others waiting as one batch (a retry after a crash or a lost bank answer resumes without paying twice). */
export const paySettlement: JobHandler<"settlement.pay"> = async ({ services, caller }, { settlementId }) => {
  await services.settlement.payDue(caller, settlementId);
};

/** 日结, 24 h after the work ended: no settlement submitted → a wage-arrears alert to the employer and the venue's staff. */
export const alertUnsubmittedWages: JobHandler<"settlement.alert-unsubmitted"> = async ({ services, eventId }, { engagementId }) => {
  const due = await services.settlement.dailyPayStatus(engagementId);
  if (!due || due.settlement) return;
  const message = {
    kind: "WAGES_UNSUBMITTED",
    title: `欠薪预警：“${due.title}”完工已满24小时仍未提交工资结算`,
    body: "非全日制用工按日结算工资。请用工方尽快提交结算；3个工作日内仍未支付的，将移送劳动保障监察。",
  };
  await services.notifications.notifyUsers(eventId, [due.employerId], message);
  await services.notifications.notifyVenueStaff(eventId, due.venueId, message);
};

/** 日结, 3 working days (at most 15 days) after the work ended: still unpaid → a labour-inspection referral. */
export const referUnpaidWages: JobHandler<"settlement.refer-unpaid"> = async ({ services, caller }, { engagementId }) => {
  const due = await services.settlement.dailyPayStatus(engagementId);
  if (!due || due.settlement?.status === "PAID") return;
  await services.complaints.referUnpaidWages(caller, { engagementId, workerId: due.workerId, employerId: due.employerId, title: due.title, amountFen: due.settlement?.totalFen ?? null });
};
