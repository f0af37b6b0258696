import type { JobHandler } from "../../jobs/job-context.js";

/** 24 h after check-out: hours nobody disputed are approved (a record already answered is left alone). */
export const approveHours: JobHandler<"attendance.approve-hours"> = async ({ services, caller }, { attendanceId }) => {
  await services.attendance.approveIfUndisputed(caller, attendanceId);
};
