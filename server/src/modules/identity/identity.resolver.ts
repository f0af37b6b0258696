import { ageOn, isOlderWorker, maskMobile, shanghaiDate } from "@qz/shared";
import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { LocalDate, UUID } from "../../graphql/scalars.js";
import { Allow, Public } from "../../graphql/auth-decorators.js";
import { pageComplexity, PageArgs } from "../../graphql/pagination.js";
import { RequestSmsCodeArgs, SmsCodeRequest } from "../sms/sms.types.js";
import { Region, Venue } from "../venue/venue.types.js";
import {
  AuthPayload,
  CreateOfficerAccountInput,
  CreateStaffAccountInput,
  EmployerProfile,
  LoginArgs,
  LoginWithSmsCodeArgs,
  OptionalSmsCodeArgs,
  RefreshTokenArgs,
  RegisterEmployerInput,
  RegisterWorkerInput,
  ResetPasswordArgs,
  SmsCodeArgs,
  User,
  WorkerFilterArgs,
  WorkerPage,
  WorkerProfile,
  WorkerSkill,
} from "./identity.types.js";
import type { WorkerProfileRow, EmployerProfileRow } from "./identity.repo.js";
import { EmployerFilterArgs, EmployerPage } from "./employer-lookup.types.js";

const workerView = (p: WorkerProfileRow) => ({ ...p, idNumber: p.idNumberMasked }) as unknown as WorkerProfile;
const employerView = (p: EmployerProfileRow) => ({ ...p, idNumber: p.idNumberMasked }) as unknown as EmployerProfile;

@Resolver(() => User)
export class IdentityResolver {
  @Public()
  @Mutation(() => SmsCodeRequest, { description: "Texts a one-time code to the phone; the same answer whether or not it is registered" })
  requestSmsCode(@Args(() => RequestSmsCodeArgs) { phone, purpose }: RequestSmsCodeArgs, @Ctx() ctx: Context) {
    return ctx.services.sms.requestCode(ctx.caller, phone, purpose);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: "零工人员自助注册 (needs an SMS code, purpose REGISTER)" })
  registerWorker(@Arg("input", () => RegisterWorkerInput) input: RegisterWorkerInput, @Args(() => SmsCodeArgs) { smsCode }: SmsCodeArgs, @Ctx() ctx: Context) {
    return ctx.services.registration.registerWorker(ctx.caller, input, smsCode);
  }

  @Allow("VENUE_STAFF")
  @Mutation(() => WorkerProfile, { description: "工作人员代为登记现场求职者 (proxy mode)" })
  async registerWalkInWorker(@Arg("input", () => RegisterWorkerInput) input: RegisterWorkerInput, @Ctx() ctx: Context) {
    return workerView(await ctx.services.registration.registerWalkInWorker(ctx.caller, input));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: "用工主体注册 (企业或个人; needs an SMS code, purpose REGISTER)" })
  registerEmployer(@Arg("input", () => RegisterEmployerInput) input: RegisterEmployerInput, @Args(() => SmsCodeArgs) { smsCode }: SmsCodeArgs, @Ctx() ctx: Context) {
    return ctx.services.registration.registerEmployer(ctx.caller, input, smsCode);
  }

  @Allow("COUNTY_OFFICER", "CITY_OFFICER")
  @Mutation(() => User)
  createStaffAccount(@Arg("input", () => CreateStaffAccountInput) input: CreateStaffAccountInput, @Ctx() ctx: Context) {
    return ctx.services.accounts.createStaffAccount(ctx.caller, input);
  }

  @Allow("COUNTY_OFFICER", "CITY_OFFICER")
  @Mutation(() => User)
  createOfficerAccount(@Arg("input", () => CreateOfficerAccountInput) input: CreateOfficerAccountInput, @Ctx() ctx: Context) {
    return ctx.services.accounts.createOfficerAccount(ctx.caller, input);
  }

  @Public()
  @Mutation(() => AuthPayload)
  login(
    @Args(() => LoginArgs) { phone, password }: LoginArgs,
    @Args(() => OptionalSmsCodeArgs) { smsCode }: OptionalSmsCodeArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.sessions.login(ctx.caller, phone, password, smsCode);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: "短信验证码登录 (purpose LOGIN)" })
  loginWithSmsCode(@Args(() => LoginWithSmsCodeArgs) { phone, code }: LoginWithSmsCodeArgs, @Ctx() ctx: Context) {
    return ctx.services.sessions.loginWithSmsCode(ctx.caller, phone, code);
  }

  @Public()
  @Mutation(() => Boolean, { description: "找回密码 with an SMS code (purpose RESET_PASSWORD); ends every session of the account" })
  resetPassword(@Args(() => ResetPasswordArgs) { phone, smsCode, newPassword }: ResetPasswordArgs, @Ctx() ctx: Context) {
    return ctx.services.passwordReset.resetPassword(ctx.caller, phone, smsCode, newPassword);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: "Rotates the refresh token; a reused one revokes its whole family" })
  refreshSession(@Args(() => RefreshTokenArgs) { refreshToken }: RefreshTokenArgs, @Ctx() ctx: Context) {
    return ctx.services.sessions.refresh(ctx.caller, refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, { description: "Ends the session the refresh token belongs to" })
  logout(@Args(() => RefreshTokenArgs) { refreshToken }: RefreshTokenArgs, @Ctx() ctx: Context) {
    return ctx.services.sessions.logout(ctx.caller, refreshToken);
  }

  @Allow()
  @Query(() => User)
  me(@Ctx() ctx: Context) {
    return ctx.services.accounts.me(ctx.caller);
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Mutation(() => WorkerProfile, { description: "核验零工身份: staff of the worker's home venue or officers over it; verified workers get offers (idempotent)" })
  async verifyWorker(@Arg("workerId", () => UUID) workerId: string, @Ctx() ctx: Context) {
    return workerView(await ctx.services.accounts.verifyWorker(ctx.caller, workerId));
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Query(() => [User], { description: "A venue's staff accounts (phones masked), for the venue's own staff and officers over it" })
  venueStaff(@Arg("venueId", () => UUID) venueId: string, @Ctx() ctx: Context) {
    return ctx.services.accounts.venueStaff(ctx.caller, venueId);
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Query(() => WorkerPage, { complexity: pageComplexity })
  async workers(
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => WorkerFilterArgs) filter: WorkerFilterArgs,
    @Ctx() ctx: Context,
  ) {
    const result = await ctx.services.accounts.listWorkers(ctx.caller, { ...page, ...filter });
    return { items: result.items.map(workerView), total: result.total };
  }

  @Allow("VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER")
  @Query(() => EmployerPage, { complexity: pageComplexity, description: "用工单位: staff see employers their venue brokered for; officers their county's, or all" })
  employers(@Args(() => PageArgs) page: PageArgs, @Args(() => EmployerFilterArgs) filter: EmployerFilterArgs, @Ctx() ctx: Context) {
    return ctx.services.accounts.listEmployers(ctx.caller, { ...page, ...filter });
  }

  @FieldResolver(() => String)
  phone(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.caller.actor?.userId === user.id ? user.phone : maskMobile(user.phone);
  }

  @FieldResolver(() => Venue, { nullable: true, description: "VENUE_STAFF: the venue they serve" })
  venue(@Root() user: User, @Ctx() ctx: Context) {
    return user.venueId ? ctx.loaders.venueById.load(user.venueId) : null;
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() user: User, @Ctx() ctx: Context) {
    return user.regionCode ? ctx.loaders.regionByCode.load(user.regionCode) : null;
  }

  @FieldResolver(() => WorkerProfile, { nullable: true })
  async workerProfile(@Root() user: User, @Ctx() ctx: Context) {
    if (user.role !== "WORKER") return null;
    const p = await ctx.loaders.workerProfileByUserId.load(user.id);
    return p && workerView(p);
  }

  @FieldResolver(() => EmployerProfile, { nullable: true })
  async employerProfile(@Root() user: User, @Ctx() ctx: Context) {
    if (user.role !== "EMPLOYER") return null;
    const p = await ctx.loaders.employerProfileByUserId.load(user.id);
    return p && employerView(p);
  }
}

@Resolver(() => WorkerProfile)
export class WorkerProfileResolver {
  @FieldResolver(() => [WorkerSkill])
  skills(@Root() p: WorkerProfile, @Ctx() ctx: Context) {
    return ctx.loaders.skillsByWorkerId.load(p.userId);
  }

  @FieldResolver(() => Venue, { nullable: true, description: "The venue that registered them or that they chose" })
  homeVenue(@Root() p: WorkerProfile, @Ctx() ctx: Context) {
    return p.homeVenueId ? ctx.loaders.venueById.load(p.homeVenueId) : null;
  }

  @FieldResolver(() => Boolean, { description: "大龄: men 50+, women 40+ today (Asia/Shanghai)" })
  olderWorker(@Root() p: WorkerProfile, @Ctx() ctx: Context) {
    return isOlderWorker(p.gender, p.birthDate, shanghaiDate(ctx.now));
  }

  @FieldResolver(() => Int, { description: "Completed years of age today (Asia/Shanghai)" })
  age(@Root() p: WorkerProfile, @Ctx() ctx: Context) {
    return ageOn(p.birthDate, shanghaiDate(ctx.now));
  }

  // Masked ID + birth date = the whole ID number, so only the worker sees their own (issue 5, finding 2).
  @FieldResolver(() => LocalDate, { nullable: true, description: "The worker's own birth date; null for anyone else, who see age and olderWorker" })
  birthDate(@Root() p: WorkerProfile, @Ctx() ctx: Context) {
    return ctx.caller.actor?.userId === p.userId ? p.birthDate : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: "Average rating 1–5, null before the first" })
  rating(@Root() p: WorkerProfile) {
    return p.ratingCount ? Math.round((p.ratingSum / p.ratingCount) * 10) / 10 : null;
  }
}

