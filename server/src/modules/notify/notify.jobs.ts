import type { JobHandler } from "../../jobs/handlers.js";
import { listVenuesByIds } from "../venue/venue.repo.js";
import { insertNotifications, listVenueStaffIds } from "./notify.repo.js";

const STATUS_TEXT: Record<string, string> = { RECOGNIZED: "已通过认定", SUSPENDED: "已被暂停", REVOKED: "已被撤销认定", PENDING_RECOGNITION: "待认定" };

export const userRegistered: JobHandler<"notify.user-registered"> = async (tx, { userId, role }, eventId) => {
  const body = role === "WORKER" ? "完善技能与出行范围后，附近1小时内的零工岗位会推送给您。" : "发布岗位前请先为托管账户充值，工资按日结算。";
  await insertNotifications(tx, eventId, [userId], { kind: "WELCOME", title: "欢迎使用泉州零工服务平台", body });
};

export const venueStatusChanged: JobHandler<"notify.venue-status-changed"> = async (tx, { venueId, to, reason }, eventId) => {
  const [venue] = await listVenuesByIds(tx, [venueId]);
  const staff = await listVenueStaffIds(tx, venueId);
  await insertNotifications(tx, eventId, staff, {
    kind: "VENUE_STATUS",
    title: `${venue?.name ?? "场所"}${STATUS_TEXT[to] ?? to}`,
    body: reason ? `原因：${reason}` : "详情请查看场所管理页面。",
  });
};
