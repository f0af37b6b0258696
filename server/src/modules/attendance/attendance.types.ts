import { ATTENDANCE_METHOD, ATTENDANCE_STATUS } from "@qz/shared";
import { MaxLength } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, UUID } from "../../graphql/scalars.js";

export const AttendanceStatus = graphqlEnum(ATTENDANCE_STATUS, "AttendanceStatus", "考勤状态");
export type AttendanceStatus = (typeof AttendanceStatus)[keyof typeof AttendanceStatus];
export const AttendanceMethod = graphqlEnum(ATTENDANCE_METHOD, "AttendanceMethod", "签到方式");
export type AttendanceMethod = (typeof AttendanceMethod)[keyof typeof AttendanceMethod];

@ObjectType({ description: "考勤: check-in and check-out of one engagement; minutes in 15-minute units inside the window" })
export class Attendance {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  engagementId: string;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;

  @Field(() => DateTime)
  checkInAt: Date;

  @Field(() => AttendanceMethod)
  checkInMethod: AttendanceMethod;

  @Field(() => Int, { nullable: true })
  checkInDistanceM: number | null;

  @Field(() => DateTime, { nullable: true })
  checkOutAt: Date | null;

  @Field(() => AttendanceMethod, { nullable: true })
  checkOutMethod: AttendanceMethod | null;

  @Field(() => Int, { nullable: true })
  checkOutDistanceM: number | null;

  @Field(() => Int, { nullable: true, description: "Billable minutes" })
  minutes: number | null;

  @Field(() => DateTime, { nullable: true })
  approvedAt: Date | null;

  @Field(() => String, { nullable: true })
  disputeReason: string | null;
}

@InputType()
export class CheckInInput {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;
}

@InputType()
export class StaffAttendanceInput {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => DateTime)
  checkInAt: Date;

  @Field(() => DateTime)
  checkOutAt: Date;
}

@InputType()
export class AnswerHoursInput {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => Boolean, { description: "true approves the hours now; false disputes them (reason required)" })
  approve: boolean;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  reason?: string | null;
}

@InputType({ description: "扫码签到/签退: the code scanned from the employer's page" })
export class CodeCheckInInput {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => String, { description: "The scanned code (QZ1.…) or the typed short code (XXXX-XXXX)" })
  @MaxLength(120)
  code: string;
}

@ObjectType({ description: "The rotating check-in code for one task: valid for this minute only; ask again at expiresAt" })
export class CheckInCode {
  @Field(() => UUID)
  taskId: string;

  @Field(() => String, { description: "The code itself (what the QR image holds)" })
  code: string;

  @Field(() => String, { description: "The same task and minute in 8 characters to type (Crockford base32, shown as XXXX-XXXX)" })
  shortCode: string;

  @Field(() => String, { description: "The code as an SVG QR image" })
  svg: string;

  @Field(() => DateTime)
  expiresAt: Date;

  @Field(() => Int)
  periodSeconds: number;
}
