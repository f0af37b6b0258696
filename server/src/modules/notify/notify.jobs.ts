import type { JobHandler } from "../../jobs/job-context.js";

/** How a status change reads in a notification title. */
const STATUS_TEXT: Record<string, string> = { RECOGNIZED: "已通过认定", SUSPENDED: "已被暂停", REVOKED: "已被撤销认定", PENDING_RECOGNITION: "待认定" };

/** Welcomes a newly registered user in the app. */
export const welcomeUser: JobHandler<"notify.welcome-user"> = async ({ services, eventId }, { userId, role }) => {
  const body = role === "WORKER" ? "完善技能与出行范围后，附近1小时内的零工岗位会推送给您。" : "发布岗位前请先为托管账户充值，工资按日结算。";
  await services.notifications.notifyUsers(eventId, [userId], { kind: "WELCOME", title: "欢迎使用泉州零工服务平台", body });
};

/** Tells a venue's staff that officers changed its status (认定/暂停/撤销). */
export const venueStatusChanged: JobHandler<"notify.venue-status-changed"> = async ({ services, eventId }, { venueId, venueName, to, reason }) => {
  await services.notifications.notifyVenueStaff(eventId, venueId, {
    kind: "VENUE_STATUS",
    title: `${venueName}${STATUS_TEXT[to] ?? to}`,
    body: reason ? `原因：${reason}` : "详情请查看场所管理页面。",
  });
};
