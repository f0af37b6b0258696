import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { UUID } from "../../graphql/scalars.js";
import { PartTimeWeekFlag } from "../settlement/settlement.types.js";
import { AnswerHoursInput, Attendance, CheckInCode, CheckInInput, CodeCheckInInput, StaffAttendanceInput } from "./attendance.types.js";

@Resolver(() => Attendance)
export class AttendanceResolver {
  @Allow()
  @Query(() => Attendance, { nullable: true, description: "The engagement's attendance (whoever may read its contract)" })
  attendance(@Arg("engagementId", () => UUID) engagementId: string, @Ctx() ctx: Context) {
    return ctx.services.attendance.attendanceOf(ctx.caller, engagementId);
  }

  @Allow("WORKER")
  @Mutation(() => Attendance, { description: "Check in within 500 m of the workplace, at most 30 minutes early; the contract must be SIGNED" })
  checkIn(@Arg("input", () => CheckInInput) input: CheckInInput, @Ctx() ctx: Context) {
    return ctx.services.attendance.checkIn(ctx.caller, input);
  }

  @Allow("WORKER")
  @Mutation(() => Attendance, { description: "Check out within 500 m; hours undisputed for 24 h are approved" })
  checkOut(@Arg("input", () => CheckInInput) input: CheckInInput, @Ctx() ctx: Context) {
    return ctx.services.attendance.checkOut(ctx.caller, input);
  }

  @Allow("EMPLOYER", "VENUE_STAFF")
  @Query(() => CheckInCode, { description: "扫码签到: the task's current rotating code for the employer's page (or the brokering venue's staff)" })
  checkInCode(@Arg("taskId", () => UUID) taskId: string, @Ctx() ctx: Context) {
    return ctx.services.attendance.checkInCode(ctx.caller, taskId);
  }

  @Allow("WORKER")
  @Mutation(() => Attendance, { description: "Check in by scanning the employer's current code (no location); the contract must be SIGNED" })
  checkInByCode(@Arg("input", () => CodeCheckInInput) input: CodeCheckInInput, @Ctx() ctx: Context) {
    return ctx.services.attendance.checkInByCode(ctx.caller, input);
  }

  @Allow("WORKER")
  @Mutation(() => Attendance, { description: "Check out by scanning the employer's current code" })
  checkOutByCode(@Arg("input", () => CodeCheckInInput) input: CodeCheckInInput, @Ctx() ctx: Context) {
    return ctx.services.attendance.checkOutByCode(ctx.caller, input);
  }

  @Allow("VENUE_STAFF")
  @Mutation(() => Attendance, { description: "Staff confirm both times for their venue's job (inside the window)" })
  confirmAttendance(@Arg("input", () => StaffAttendanceInput) input: StaffAttendanceInput, @Ctx() ctx: Context) {
    return ctx.services.attendance.confirmByStaff(ctx.caller, input);
  }

  @Allow("EMPLOYER")
  @Mutation(() => Attendance, { description: "The employer approves the hours now or disputes them within 24 h" })
  answerHours(@Arg("input", () => AnswerHoursInput) input: AnswerHoursInput, @Ctx() ctx: Context) {
    return ctx.services.attendance.answerHours(ctx.caller, input);
  }

  @FieldResolver(() => PartTimeWeekFlag, { nullable: true, description: "非全日制: the 24-hour week flag of this worker and employer for the week of this work" })
  partTimeWeek(@Root() a: Attendance, @Ctx() ctx: Context) {
    return ctx.services.attendance.partTimeFlagOf(a.engagementId);
  }
}
