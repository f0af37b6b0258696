import type { JobHandler } from "../../jobs/job-context.js";

/** task.posted → the first wave. */
export const sendFirstWave: JobHandler<"dispatch.send-wave"> = async ({ services, eventId }, { taskId }) => {
  await services.dispatch.sendWave(taskId, eventId);
};

/** A wave's expiry came due → expire what is unanswered, and send the next wave if nothing is outstanding. */
export const expireOffers: JobHandler<"dispatch.expire-offers"> = async ({ services, eventId }, { taskId, wave }) => {
  await services.dispatch.expireWave(taskId, wave, eventId);
};

/** A decline → the next wave, once no offer of the task is outstanding. */
export const sendNextWave: JobHandler<"dispatch.send-next-wave"> = async ({ services, eventId }, { taskId }) => {
  await services.dispatch.sendWave(taskId, eventId, { onlyWhenIdle: true });
};

/** A withdrawal freed a seat → a wave for it (less what outstanding offers already cover). */
export const backfillSeat: JobHandler<"dispatch.backfill-seat"> = async ({ services, eventId }, { taskId }) => {
  await services.dispatch.sendWave(taskId, eventId);
};

/** An edit changed the terms or added seats → a wave (new terms start from wave 1). */
export const sendWaveAfterEdit: JobHandler<"dispatch.send-wave-after-edit"> = async ({ services, eventId }, { taskId }) => {
  await services.dispatch.sendWave(taskId, eventId);
};

/**
 * Live updates for a stored wave. This runs after the wave's transaction committed (the relay only sees
 * committed events), so a subscriber who reloads the offer always finds it; a retry may publish twice,
 * which clients absorb (they reload by id).
 */
export const publishWave: JobHandler<"dispatch.publish-wave"> = async ({ services }, { taskId, offerIds }) => {
  const { live } = services.dispatch;
  const offers = await Promise.all(offerIds.map((id) => services.dispatch.findOfferRow(id)));
  await Promise.all([live.taskUpdated(taskId), ...offers.flatMap((o) => (o && o.status === "OFFERED" ? [live.offerReceived(o.workerId, o.id)] : []))]);
};

/** Tells the employer a worker accepted (the contracts issue adds its own consumer of engagement.created). */
export const notifyEngagementCreated: JobHandler<"notify.engagement-created"> = async ({ services, eventId }, { taskId, engagementId }) => {
  const view = await services.dispatch.engagementNotice(engagementId, taskId);
  if (!view) return;
  await services.notifications.notifyUsers(eventId, [view.employerId], {
    kind: "ENGAGEMENT_CREATED",
    title: `岗位“${view.title}”有零工接单（${view.filledCount}/${view.headcount}）`,
    body: view.proxy ? "由驿站工作人员代为接单。" : "请在开工前与零工确认到岗时间和地点。",
  });
};

/** Tells the engaged workers the employer cancelled. */
export const notifyTaskCancelled: JobHandler<"notify.task-cancelled"> = async ({ services, eventId }, { taskId, workerIds, late }) => {
  if (!workerIds.length) return;
  const task = await services.dispatch.findTaskRow(taskId);
  await services.notifications.notifyUsers(eventId, workerIds, {
    kind: "TASK_CANCELLED",
    title: `岗位“${task?.title ?? ""}”已被用工方取消`,
    body: late ? "开工前24小时内取消，按规定可获得取消补偿，将在结算时发放。" : `取消原因：${task?.cancelReason ?? "未说明"}`,
  });
};

/** 到岗确认: the reminder came due → a notice to a worker who has not confirmed yet. */
export const remindReconfirm: JobHandler<"notify.remind-reconfirm"> = async ({ services, eventId }, { engagementId }) => {
  await services.dispatch.remindReconfirm(engagementId, eventId);
};

/** 到岗确认: the deadline came due → an unconfirmed engagement is released and its seat backfilled. */
export const releaseUnconfirmed: JobHandler<"dispatch.release-unconfirmed"> = async ({ services, caller, eventId }, { engagementId }) => {
  await services.dispatch.releaseUnconfirmed(caller, engagementId, eventId);
};
