import { ageOn, isSkillCode, maskResidentId, parseCreditCode, parseResidentId, shanghaiDate } from "@qz/shared";
import type { Deps } from "../../deps.js";
import type { DbOrTx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { AppError, badInput } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { redisLimiter, spendOrRefuse } from "../../rate-limit.js";
import { recordAudit } from "../audit/audit.js";
import { invalidSmsCode, type SmsService } from "../sms/sms.service.js";
import type { VenueService } from "../venue/venue.service.js";
import { requireActor, type Caller, type Role } from "../../access/actor.js";
import * as repo from "./identity.repo.js";
import { checkOptionalText, checkPhone, checkRegion, checkText } from "../../access/input-checks.js";
import { hashPassword } from "./password.js";
import type { Session, SessionService } from "./session.service.js";

/** 劳动法 §15: no employment under 16. */
const MINIMUM_WORKING_AGE = 16;
/**
 * Self-registration attempts per hour. Each needs an SMS code, so each probe costs a code (10 a day per phone);
 * these bound what one phone or one address can try with its codes (finding 5). Venue wifi at a recruitment
 * day puts many people behind one address, hence the larger IP figure.
 */
const REGISTRATIONS_PER_PHONE_PER_HOUR = 10;
const REGISTRATIONS_PER_IP_PER_HOUR = 60;

export interface AccountFields {
  phone: string;
  password: string;
}

export interface RegisterWorkerCommand extends AccountFields {
  realName: string;
  idNumber: string;
  skills: { skillCode: string; level: number }[];
  homeLat: number;
  homeLng: number;
  homeAddress?: string | null;
  travelMode: "WALK" | "BICYCLE" | "EBIKE" | "TRANSIT" | "CAR";
  travelMinutes?: number | null;
  hardToEmploy?: boolean | null;
  zeroEmploymentFamily?: boolean | null;
  homeVenueId?: string | null;
}

export interface RegisterEmployerCommand extends AccountFields {
  kind: "COMPANY" | "INDIVIDUAL";
  /** Company name, or the individual's real name. */
  name: string;
  creditCode?: string | null;
  idNumber?: string | null;
  contactName: string;
  regionCode: string;
  address?: string | null;
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;

/** Self-registration of workers and employers, and staff registering walk-in workers (proxy mode). */
export function createRegistrationService(deps: Deps, sessions: SessionService, sms: SmsService, venues: VenueService) {
  const { db, pii, now } = deps;
  const attemptsByPhone = redisLimiter(deps, "register-phone", REGISTRATIONS_PER_PHONE_PER_HOUR, 3_600);
  const attemptsByIp = redisLimiter(deps, "register-ip", REGISTRATIONS_PER_IP_PER_HOUR, 3_600);

  /**
   * Self-registration's first step: counts the attempt and checks the phone's REGISTER code without consuming it
   * (a typo elsewhere in the form must not cost a new code). Nothing about existing accounts is looked at before.
   */
  async function proveSelfRegistration(caller: Caller, phone: string, smsCode: string): Promise<string> {
    if (caller.meta.ip) await spendOrRefuse(attemptsByIp, caller.meta.ip, "REGISTER_IP_LIMIT", "本网络注册尝试过于频繁");
    await spendOrRefuse(attemptsByPhone, phone, "REGISTER_PHONE_LIMIT", "该手机号注册尝试过于频繁");
    const codeId = await sms.checkCode(phone, "REGISTER", smsCode);
    if (!codeId) throw invalidSmsCode();
    return codeId;
  }

  /**
   * Spends the code, committed on its own before the uniqueness checks: a CONFLICT rolls the registration back
   * but not this, so one code buys one uniqueness answer, not a loop of them (finding 5).
   */
  async function consumeCode(codeId: string): Promise<void> {
    if (!(await sms.consumeCode(db, codeId))) throw invalidSmsCode();
  }

  async function checkHomeVenue(tx: DbOrTx, venueId: string | null | undefined) {
    if (venueId && (await venues.getVenueRecord(venueId, tx)).status !== "RECOGNIZED") {
      badInput("homeVenueId", [{ code: "VENUE_NOT_RECOGNIZED", message: "只能选择已认定的零工市场或驿站" }]);
    }
  }

  /** The worker's free text as it will be stored (normalised, then length-checked). */
  function workerText(cmd: RegisterWorkerCommand) {
    return {
      realName: checkText("realName", cmd.realName, { kind: "name", label: "姓名", min: 2, max: 40 }),
      homeAddress: checkOptionalText("homeAddress", cmd.homeAddress, { kind: "line", label: "住址", max: 200 }),
    };
  }

  function checkWorker(cmd: RegisterWorkerCommand) {
    workerText(cmd);
    const today = shanghaiDate(now());
    const id = parseResidentId(cmd.idNumber, today);
    if (!id.ok) badInput("idNumber", id.reasons);
    if (ageOn(id.value.birthDate, today) < MINIMUM_WORKING_AGE) {
      badInput("idNumber", [{ code: "WORKER_UNDER_16", message: "未满16周岁，不能登记为零工人员" }]);
    }
    const seen = new Set<string>();
    for (const s of cmd.skills) {
      if (!isSkillCode(s.skillCode)) badInput("skills", [{ code: "SKILL_UNKNOWN", message: `未知技能：${s.skillCode}` }]);
      if (seen.has(s.skillCode)) badInput("skills", [{ code: "SKILL_DUPLICATE", message: `技能重复：${s.skillCode}` }]);
      seen.add(s.skillCode);
    }
    return id.value;
  }

  /** Maps a lost race on a unique column to the same CONFLICT the pre-check gives. */
  async function guardUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err, "users_phone_unique")) throw new AppError("CONFLICT", "该手机号已注册");
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", "该证件号码或信用代码已注册");
      throw err;
    }
  }

  async function assertPhoneFree(tx: DbOrTx, phone: string) {
    if (await repo.findUserByPhone(tx, phone)) throw new AppError("CONFLICT", "该手机号已注册");
  }

  async function insertWorker(tx: DbOrTx, caller: Caller, cmd: RegisterWorkerCommand, phone: string, passwordHash: string, registeredBy: string | null) {
    const id = checkWorker(cmd);
    const { realName, homeAddress } = workerText(cmd);
    // Every other check before any uniqueness check, so CONFLICT never stands out from another refusal (finding 5).
    await checkHomeVenue(tx, cmd.homeVenueId);
    const blindIndex = pii.blindIndex(id.id);
    await assertPhoneFree(tx, phone);
    if (await repo.findWorkerByBlindIndex(tx, blindIndex)) throw new AppError("CONFLICT", "该身份证号已注册");
    const user = await repo.insertUser(tx, { phone, passwordHash, role: "WORKER", displayName: realName, createdBy: registeredBy });
    const profile = await repo.insertWorkerProfile(
      tx,
      {
        userId: user.id,
        realName,
        idNumberCipher: pii.encrypt(id.id),
        idNumberBlindIndex: blindIndex,
        idNumberMasked: maskResidentId(id.id),
        gender: id.gender,
        birthDate: id.birthDate,
        homeLat: cmd.homeLat,
        homeLng: cmd.homeLng,
        homeAddress,
        travelMode: cmd.travelMode,
        travelMinutes: cmd.travelMinutes ?? 60,
        hardToEmploy: cmd.hardToEmploy ?? false,
        zeroEmploymentFamily: cmd.zeroEmploymentFamily ?? false,
        homeVenueId: cmd.homeVenueId ?? null,
        registeredBy,
      },
      cmd.skills,
    );
    await recordAudit(tx, caller, {
      action: registeredBy ? "identity.register-walk-in-worker" : "identity.register-worker",
      entityType: "user",
      entityId: user.id,
      after: { role: "WORKER", phone, idNumber: profile.idNumberMasked, skills: cmd.skills, homeVenueId: profile.homeVenueId },
    }, user.id);
    await emitEvent(tx, "user.registered", { userId: user.id, role: "WORKER" });
    return { user, profile };
  }

  return {
    /** A worker registers themself with an SMS code (purpose REGISTER) for the phone, and gets a session. */
    async registerWorker(caller: Caller, cmd: RegisterWorkerCommand, smsCode: string): Promise<Session> {
      const phone = checkPhone(cmd.phone);
      const codeId = await proveSelfRegistration(caller, phone, smsCode);
      checkWorker(cmd);
      await checkHomeVenue(db, cmd.homeVenueId);
      const passwordHash = await hashPassword(cmd.password);
      await consumeCode(codeId);
      return guardUnique(() =>
        db.transaction(async (tx) => {
          const { user } = await insertWorker(tx, caller, cmd, phone, passwordHash, null);
          return sessions.issueSession(tx, user, caller);
        }),
      );
    },

    /** Venue staff register a walk-in worker in person (代为登记); the venue becomes their home venue. */
    async registerWalkInWorker(caller: Caller, cmd: RegisterWorkerCommand) {
      const staff = requireActor(caller, "VENUE_STAFF");
      const venue = await venues.getVenueRecord(staff.venueId!);
      if (venue.status !== "RECOGNIZED") throw new AppError("PRECONDITION_FAILED", "本场所当前未处于认定状态，暂不能登记求职者");
      const phone = checkPhone(cmd.phone);
      checkWorker(cmd);
      const passwordHash = await hashPassword(cmd.password);
      return guardUnique(() =>
        db.transaction(async (tx) => {
          const { profile } = await insertWorker(tx, caller, { ...cmd, homeVenueId: staff.venueId }, phone, passwordHash, staff.userId);
          return profile;
        }),
      );
    },

    /** A company (统一社会信用代码) or an individual employer registers with an SMS code (REGISTER) and gets a session. */
    async registerEmployer(caller: Caller, cmd: RegisterEmployerCommand, smsCode: string): Promise<Session> {
      const phone = checkPhone(cmd.phone);
      const codeId = await proveSelfRegistration(caller, phone, smsCode);
      checkRegion(cmd.regionCode);
      const name = checkText("name", cmd.name, { kind: "name", label: cmd.kind === "COMPANY" ? "单位名称" : "姓名", min: 2, max: 100 });
      const contactName = checkText("contactName", cmd.contactName, { kind: "name", label: "联系人姓名", min: 2, max: 40 });
      const address = checkOptionalText("address", cmd.address, { kind: "line", label: "地址", max: 200 });
      let identity: { creditCode: string } | { idNumber: string };
      if (cmd.kind === "COMPANY") {
        const code = parseCreditCode(cmd.creditCode ?? "");
        if (!code.ok) badInput("creditCode", code.reasons);
        identity = { creditCode: code.value };
      } else {
        const id = parseResidentId(cmd.idNumber ?? "", shanghaiDate(now()));
        if (!id.ok) badInput("idNumber", id.reasons);
        identity = { idNumber: id.value.id };
      }
      const passwordHash = await hashPassword(cmd.password);
      await consumeCode(codeId);
      return guardUnique(() =>
        db.transaction(async (tx) => {
          await assertPhoneFree(tx, phone);
          const blindIndex = "idNumber" in identity ? pii.blindIndex(identity.idNumber) : null;
          const existing = await repo.findEmployer(
            tx,
            "creditCode" in identity ? { creditCode: identity.creditCode } : { idBlindIndex: blindIndex! },
          );
          if (existing) throw new AppError("CONFLICT", "creditCode" in identity ? "该统一社会信用代码已注册" : "该身份证号已注册为用工主体");
          const user = await repo.insertUser(tx, { phone, passwordHash, role: "EMPLOYER", displayName: name });
          const profile = await repo.insertEmployerProfile(tx, {
            userId: user.id,
            kind: cmd.kind,
            name,
            creditCode: "creditCode" in identity ? identity.creditCode : null,
            idNumberCipher: "idNumber" in identity ? pii.encrypt(identity.idNumber) : null,
            idNumberBlindIndex: blindIndex,
            idNumberMasked: "idNumber" in identity ? maskResidentId(identity.idNumber) : null,
            contactName,
            regionCode: cmd.regionCode,
            address,
          });
          await recordAudit(tx, caller, {
            action: "identity.register-employer",
            entityType: "user",
            entityId: user.id,
            after: { role: "EMPLOYER" as Role, phone, kind: profile.kind, name: profile.name, creditCode: profile.creditCode, idNumber: profile.idNumberMasked },
          }, user.id);
          await emitEvent(tx, "user.registered", { userId: user.id, role: "EMPLOYER" });
          return sessions.issueSession(tx, user, caller);
        }),
      );
    },
  };
}
