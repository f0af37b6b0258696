import type { JobHandler } from "../../jobs/job-context.js";

/** 24 h after check-out: hours nobody disputed are approved (a record already answered is left alone). */
export const approveHours: JobHandler<"attendance.approve-hours"> = async ({ services, caller }, { attendanceId }) => {
  await services.attendance.approveIfUndisputed(caller, attendanceId);
};

/** 非全日制 (劳动合同法 §68): approved hours past 24 in a week with one employer → the employer and the venue are told, once per week. */
export const flagPartTimeWeek: JobHandler<"attendance.flag-part-time-week"> = async ({ services, eventId }, { attendanceId }) => {
  const flag = await services.attendance.flagPartTimeWeek(attendanceId);
  if (!flag) return;
  const hours = (flag.minutes / 60).toFixed(flag.minutes % 60 ? 2 : 0);
  const message = {
    kind: "PART_TIME_WEEK_EXCEEDED",
    title: `非全日制用工提醒：同一零工本周（${flag.weekStart}起）在同一用工方工作已达 ${hours} 小时`,
    body: "劳动合同法第六十八条：非全日制用工每周工作时间累计不超过二十四小时。超出的，应按全日制用工订立劳动合同、缴纳社会保险，请用工方调整排班，驿站跟进核实。",
  };
  await services.notifications.notifyUsers(eventId, [flag.employerId], message);
  await services.notifications.notifyVenueStaff(eventId, flag.venueId, message);
};
