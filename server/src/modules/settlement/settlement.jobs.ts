import { addDays, shanghaiDate } from "@qz/shared";
import { AppError } from "../../errors.js";
import type { JobHandler } from "../../jobs/job-context.js";
import { CANCELLATION_FEE_UNFUNDED } from "./cancellation-fee.js";

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

/**
 * 取消补偿: a task cancelled late pays each seat holder the cancellation fee (cancellation-fee.ts). When neither
 * the escrow nor the employer's wallet can cover it, the employer and the venue get a wage-arrears alert and the
 * job ends (the employer, after a top-up, or the venue's staff run chargeCancellationFees again).
 */
export const chargeCancellationFees: JobHandler<"settlement.charge-cancellation-fees"> = async ({ services, caller, eventId }, { taskId, late, workerIds }) => {
  if (!late || !workerIds.length) return;
  try {
    // Its own savepoint inside the job: a refusal rolls back only the fee run, the alert below commits with the job.
    await services.cancellationFees.chargeCancellationFees(caller, taskId);
  } catch (err) {
    if (!(err instanceof AppError) || err.reasons[0]?.code !== CANCELLATION_FEE_UNFUNDED) throw err;
    const task = await services.dispatch.findTaskRow(taskId);
    if (!task) return;
    const message = { kind: "CANCELLATION_FEE_UNPAID", title: `欠薪预警：“${task.title}”临时取消的取消补偿未能支付`, body: `${err.message}。取消补偿按合同约定支付给已接单的零工。` };
    await services.notifications.notifyUsers(eventId, [task.employerId], message);
    await services.notifications.notifyVenueStaff(eventId, task.venueId, message);
  }
};

/** 支付对账, nightly: the previous Shanghai day's payouts against the provider's statement. */
export const reconcilePayouts: JobHandler<"settlement.reconcile-payouts"> = async ({ services, eventId }, { slot }) => {
  await services.reconciliation.reconcileDay(addDays(shanghaiDate(new Date(slot)), -1), eventId);
};
