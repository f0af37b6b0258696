import { ArrayMaxSize, IsIn, IsOptional, Length, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from "class-validator";
import { EMPLOYER_KIND, GENDER, OFFICER_ROLE, ROLE, TRAVEL_MODE, USER_STATUS } from "@qz/shared";
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, UUID } from "../../graphql/scalars.js";

export const Role = graphqlEnum(ROLE, "Role", "零工人员 / 用工主体 / 场所工作人员 / 县级人社 / 市人社局");
export type Role = (typeof Role)[keyof typeof Role];
export const Gender = graphqlEnum(GENDER, "Gender");
export type Gender = (typeof Gender)[keyof typeof Gender];
export const TravelMode = graphqlEnum(TRAVEL_MODE, "TravelMode");
export type TravelMode = (typeof TravelMode)[keyof typeof TravelMode];
export const EmployerKind = graphqlEnum(EMPLOYER_KIND, "EmployerKind");
export type EmployerKind = (typeof EmployerKind)[keyof typeof EmployerKind];
export const UserStatus = graphqlEnum(USER_STATUS, "UserStatus");
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];
export const OfficerRole = graphqlEnum(OFFICER_ROLE, "OfficerRole");
export type OfficerRole = (typeof OfficerRole)[keyof typeof OfficerRole];

@ObjectType({ description: "An account: one role each" })
export class User {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "Masked unless it is the caller's own" })
  phone: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String)
  displayName: string;

  @Field(() => UserStatus)
  status: UserStatus;

  venueId: string | null;
  regionCode: string | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class WorkerSkill {
  @Field(() => String)
  skillCode: string;

  @Field(() => Int, { description: "1 初学 … 5 技师" })
  level: number;
}

@ObjectType({ description: "零工人员 profile" })
export class WorkerProfile {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  realName: string;

  @Field(() => String, { description: "Always masked, e.g. 350502********123X" })
  idNumber: string;

  @Field(() => Gender)
  gender: Gender;

  /**
   * Not a field of its own: with the masked ID (digits 7–14 hidden) it would rebuild the whole number, so
   * others see `age` and `olderWorker`, and the `birthDate` field resolver answers the worker alone.
   */
  birthDate: string;

  @Field(() => Float)
  homeLat: number;

  @Field(() => Float)
  homeLng: number;

  @Field(() => String, { nullable: true })
  homeAddress: string | null;

  @Field(() => TravelMode)
  travelMode: TravelMode;

  @Field(() => Int, { description: "How far they will travel, in minutes (default 60: the 1-hour circle)" })
  travelMinutes: number;

  @Field(() => Boolean)
  available: boolean;

  @Field(() => Boolean, { description: "就业困难人员 (certified)" })
  hardToEmploy: boolean;

  @Field(() => Boolean, { description: "零就业家庭" })
  zeroEmploymentFamily: boolean;

  @Field(() => Int)
  completedCount: number;

  @Field(() => Int)
  noShowCount: number;

  @Field(() => DateTime, { nullable: true, description: "When staff or an officer verified the worker (核验); offers go to verified workers only" })
  verifiedAt: Date | null;

  homeVenueId: string | null;
  ratingSum: number;
  ratingCount: number;
}

@ObjectType({ description: "用工主体 profile" })
export class EmployerProfile {
  @Field(() => ID)
  userId: string;

  @Field(() => EmployerKind)
  kind: EmployerKind;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "统一社会信用代码 (companies)" })
  creditCode: string | null;

  @Field(() => String, { nullable: true, description: "Masked resident ID (individuals)" })
  idNumber: string | null;

  @Field(() => String)
  contactName: string;

  @Field(() => String)
  regionCode: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => Int, { description: "Late cancellations, shown to workers" })
  lateCancelCount: number;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String)
  accessToken: string;

  @Field(() => DateTime)
  accessTokenExpiresAt: Date;

  @Field(() => String)
  refreshToken: string;

  @Field(() => DateTime)
  refreshTokenExpiresAt: Date;

  userId: string;
}

@ArgsType()
export class LoginArgs {
  @Field(() => String, { description: "Mainland mobile number" })
  @MaxLength(20)
  phone: string;

  // Bounded like registration: argon2 hashes whatever it is given, so an unbounded password is a cheap DoS.
  @Field(() => String)
  @MaxLength(128)
  password: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field(() => String)
  @MaxLength(256)
  refreshToken: string;
}

@ArgsType()
export class WorkerFilterArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  skillCode?: string | null;

  @Field(() => UUID, { nullable: true })
  venueId?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the name, an 11-digit mobile number or an 18-digit ID number (matched by its blind index)" })
  @IsOptional()
  @MaxLength(40)
  search?: string | null;
}

@ObjectType()
export class WorkerPage {
  @Field(() => [WorkerProfile])
  items: WorkerProfile[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class WorkerSkillInput {
  @Field(() => String)
  @Length(1, 40)
  skillCode: string;

  @Field(() => Int)
  @Min(1)
  @Max(5)
  level: number;
}

@InputType()
class AccountInput {
  @Field(() => String, { description: "Mainland mobile number" })
  @Length(11, 20)
  phone: string;

  @Field(() => String)
  @Length(8, 128, { message: "密码长度须为 8–128 位" })
  password: string;
}

@InputType()
export class RegisterWorkerInput extends AccountInput {
  @Field(() => String)
  @Length(2, 40)
  realName: string;

  @Field(() => String, { description: "18-digit resident ID (GB 11643)" })
  @Length(15, 20)
  idNumber: string;

  @Field(() => [WorkerSkillInput])
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  skills: WorkerSkillInput[];

  @Field(() => Float)
  @Min(23.5)
  @Max(26)
  homeLat: number;

  @Field(() => Float)
  @Min(117.5)
  @Max(119.5)
  homeLng: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  homeAddress?: string | null;

  @Field(() => TravelMode, { defaultValue: TravelMode.EBIKE })
  travelMode: TravelMode;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(5)
  @Max(180)
  travelMinutes?: number | null;

  @Field(() => Boolean, { nullable: true })
  hardToEmploy?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  zeroEmploymentFamily?: boolean | null;

  @Field(() => UUID, { nullable: true })
  homeVenueId?: string | null;
}

@InputType()
export class RegisterEmployerInput extends AccountInput {
  @Field(() => EmployerKind)
  kind: EmployerKind;

  @Field(() => String)
  @Length(2, 100)
  name: string;

  @Field(() => String, { nullable: true, description: "Required for COMPANY" })
  @IsOptional()
  @Length(18, 18, { message: "统一社会信用代码应为18位" })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: "Required for INDIVIDUAL" })
  @IsOptional()
  @Length(15, 20)
  idNumber?: string | null;

  @Field(() => String)
  @Length(2, 40)
  contactName: string;

  @Field(() => String)
  @Length(6, 6)
  regionCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  address?: string | null;
}

@InputType()
export class CreateStaffAccountInput extends AccountInput {
  @Field(() => String)
  @Length(2, 40)
  displayName: string;

  @Field(() => UUID)
  venueId: string;
}

@InputType()
export class CreateOfficerAccountInput extends AccountInput {
  @Field(() => String)
  @Length(2, 40)
  displayName: string;

  @Field(() => OfficerRole)
  @IsIn(Object.values(OfficerRole))
  role: OfficerRole;

  @Field(() => String, { nullable: true, description: "Required for COUNTY_OFFICER" })
  @IsOptional()
  @Length(6, 6)
  regionCode?: string | null;
}

const SMS_CODE_FORMAT = /^\d{6}$/;
const SMS_CODE_MESSAGE = "验证码为6位数字";

@ArgsType()
export class SmsCodeArgs {
  @Field(() => String, { description: "The 6-digit SMS code (requestSmsCode, purpose REGISTER)" })
  @MaxLength(6)
  @Matches(SMS_CODE_FORMAT, { message: SMS_CODE_MESSAGE })
  smsCode: string;
}

@ArgsType()
export class OptionalSmsCodeArgs {
  @Field(() => String, { nullable: true, description: "Needed too once the phone had too many failed logins (SMS_CODE_REQUIRED); purpose LOGIN" })
  @IsOptional()
  @MaxLength(6)
  @Matches(SMS_CODE_FORMAT, { message: SMS_CODE_MESSAGE })
  smsCode?: string | null;
}

@ArgsType()
export class LoginWithSmsCodeArgs {
  @Field(() => String)
  @MaxLength(20)
  phone: string;

  @Field(() => String, { description: "The 6-digit SMS code (requestSmsCode, purpose LOGIN)" })
  @MaxLength(6)
  @Matches(SMS_CODE_FORMAT, { message: SMS_CODE_MESSAGE })
  code: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => String)
  @MaxLength(20)
  phone: string;

  @Field(() => String, { description: "The 6-digit SMS code (requestSmsCode, purpose RESET_PASSWORD)" })
  @MaxLength(6)
  @Matches(SMS_CODE_FORMAT, { message: SMS_CODE_MESSAGE })
  smsCode: string;

  @Field(() => String)
  @MinLength(8, { message: "密码长度须为 8–128 位" })
  @MaxLength(128, { message: "密码长度须为 8–128 位" })
  newPassword: string;
}
