import type { Deps } from "../../deps.js";
import { isUniqueViolation } from "../../db/errors.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { NewAccount } from "../audit/audit-actions.js";
import type { VenueService } from "../venue/venue.service.js";
import { requireActor, type Caller } from "../../access/actor.js";
import * as repo from "./identity.repo.js";
import type { EmployerListFilter, WorkerListFilter } from "./identity.repo.js";
import type { PiiVault } from "./pii.js";
import { maskMobile, maskName, parseCreditCode, parseMobile, parseResidentId } from "@qz/shared";
import { maskMiddle } from "@qz/shared/identity/mask";
import { hashPassword } from "./password.js";
import { checkPhone, checkRegion, checkText } from "../../access/input-checks.js";

/** Staff and officer names as shown in the console and the audit log. */
const displayNameOf = (raw: string) => checkText("displayName", raw, { kind: "name", label: "姓名", min: 2, max: 40 });
import { assertRegionInScope, assertVenueInScope, venueScopeOf } from "../../access/scope.js";

export interface CreateStaffCommand {
  phone: string;
  password: string;
  displayName: string;
  venueId: string;
}

export interface CreateOfficerCommand {
  phone: string;
  password: string;
  displayName: string;
  role: "COUNTY_OFFICER" | "CITY_OFFICER";
  /** Required for county officers. */
  regionCode?: string | null;
}

const CREATE_ACTION = {
  VENUE_STAFF: "identity.create-venue-staff",
  COUNTY_OFFICER: "identity.create-county-officer",
  CITY_OFFICER: "identity.create-city-officer",
} as const;

export type AccountService = ReturnType<typeof createAccountService>;

/**
 * What a worker search term means. Names are stored in plain text (searched by part); ID numbers are encrypted, so
 * a full ID number is matched by its blind index (DESIGN §6), never by decrypting rows; a mobile number exactly.
 */
export function workerSearchOf(pii: PiiVault, raw: string | null | undefined): WorkerListFilter["search"] {
  const term = raw?.trim() ?? "";
  if (!term) return undefined;
  if (/^\d{17}[\dXx]$/.test(term)) {
    const id = parseResidentId(term);
    if (!id.ok) badInput("search", id.reasons);
    return { idBlindIndex: pii.blindIndex(id.value.id) };
  }
  if (/^\d+$/.test(term)) {
    const phone = parseMobile(term);
    if (!phone.ok) badInput("search", [{ code: "SEARCH_FORMAT", message: "请输入姓名、11位手机号或18位身份证号" }]);
    return { phone: phone.value };
  }
  return { name: checkText("search", term, { kind: "line", label: "姓名", min: 1, max: 40 }) };
}

/**
 * What an employer search term means: a full ID number (individuals) by its blind index — or the same 18
 * characters as a credit code —, a credit code exactly, a mobile number exactly, otherwise part of the name.
 */
export function employerSearchOf(pii: PiiVault, raw: string | null | undefined): EmployerListFilter["search"] {
  const term = raw?.trim() ?? "";
  if (!term) return undefined;
  if (/^[0-9A-Za-z]{18}$/.test(term)) {
    const id = /^\d{17}[\dXx]$/.test(term) ? parseResidentId(term) : null;
    const code = parseCreditCode(term);
    if (id?.ok) return { creditCode: term.toUpperCase(), idBlindIndex: pii.blindIndex(id.value.id) };
    if (!code.ok) badInput("search", code.reasons);
    return { creditCode: code.value };
  }
  if (/^\d+$/.test(term)) {
    const phone = parseMobile(term);
    if (!phone.ok) badInput("search", [{ code: "SEARCH_FORMAT", message: "请输入单位名称、11位手机号、统一社会信用代码或18位身份证号" }]);
    return { phone: phone.value };
  }
  return { name: checkText("search", term, { kind: "line", label: "单位名称", min: 1, max: 40 }) };
}

/** Accounts that officers create (staff, officers) and reads of users within scope. */
export function createAccountService({ db, now, pii }: Deps, venues: VenueService) {
  const readUser = repo.createUserReader(db);
  async function insertAccount(caller: Caller, row: Parameters<typeof repo.insertUser>[1], auditAfter: NewAccount) {
    try {
      return await db.transaction(async (tx) => {
        if (await repo.findUserByPhone(tx, row.phone)) throw new AppError("CONFLICT", "该手机号已注册");
        const user = await repo.insertUser(tx, row);
        await recordAudit(tx, caller, { action: CREATE_ACTION[row.role as keyof typeof CREATE_ACTION], entityType: "user", entityId: user.id, after: auditAfter });
        return user;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", "该手机号已注册");
      throw err;
    }
  }

  return {
    /** County officers create staff for venues in their county; city officers for any venue. */
    async createStaffAccount(caller: Caller, cmd: CreateStaffCommand) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      const phone = checkPhone(cmd.phone);
      const displayName = displayNameOf(cmd.displayName);
      const venue = await venues.getVenueRecord(cmd.venueId);
      assertVenueInScope(actor, venue);
      if (venue.status === "REVOKED") throw new AppError("PRECONDITION_FAILED", "该场所已被撤销认定，不能再开设工作人员账号");
      const passwordHash = await hashPassword(cmd.password);
      return insertAccount(
        caller,
        { phone, passwordHash, role: "VENUE_STAFF", displayName, venueId: venue.id, regionCode: venue.regionCode, createdBy: actor.userId },
        { role: "VENUE_STAFF", phone, venueId: venue.id },
      );
    },

    /** City officers create any officer; county officers only colleagues in their own county. */
    async createOfficerAccount(caller: Caller, cmd: CreateOfficerCommand) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      const phone = checkPhone(cmd.phone);
      const displayName = displayNameOf(cmd.displayName);
      if (cmd.role === "CITY_OFFICER" && actor.role !== "CITY_OFFICER") throw new AppError("FORBIDDEN", "只有市人社局可以创建市级账号");
      let regionCode: string | null = null;
      if (cmd.role === "COUNTY_OFFICER") {
        if (!cmd.regionCode) badInput("regionCode", [{ code: "REGION_REQUIRED", message: "县级账号必须指定县(市、区)" }]);
        checkRegion(cmd.regionCode);
        regionCode = (await venues.getRegionRecord(cmd.regionCode)).code;
        assertRegionInScope(actor, regionCode);
      }
      const passwordHash = await hashPassword(cmd.password);
      return insertAccount(
        caller,
        { phone, passwordHash, role: cmd.role, displayName, regionCode, createdBy: actor.userId },
        { role: cmd.role, phone, regionCode },
      );
    },

    /** The caller's own account. */
    /** The caller's own account, read fresh; a disabled account is refused even while its access token lasts. */
    async me(caller: Caller) {
      const { userId } = requireActor(caller);
      const user = await readUser(userId);
      if (!user) throw notFound("用户", userId);
      if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "账号已停用，请联系所在零工市场或人社部门");
      return user;
    },

    /**
     * 核验: staff of the worker's home venue, or officers over its county (city officers: any worker), confirm
     * the worker's identity, which makes them eligible for offers (dispatch needs verified_at). Idempotent:
     * a verified worker is returned as they are, with no second audit entry.
     */
    async verifyWorker(caller: Caller, workerId: string) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const found = await repo.findWorkerWithHomeRegion(db, workerId);
      if (!found) throw new AppError("NOT_FOUND", "未找到该零工");
      const { profile, homeRegionCode } = found;
      if (actor.role !== "CITY_OFFICER") {
        if (!profile.homeVenueId || !homeRegionCode) throw new AppError("FORBIDDEN", "该零工未选择所属零工市场或驿站，请由市级人社部门核验");
        assertVenueInScope(actor, { id: profile.homeVenueId, regionCode: homeRegionCode });
      }
      if (profile.verifiedAt) return profile;
      return db.transaction(async (tx) => {
        const at = now();
        const row = await repo.markWorkerVerified(tx, workerId, at);
        if (!row) return (await repo.findWorkerWithHomeRegion(tx, workerId))!.profile; // verified meanwhile
        await recordAudit(tx, caller, { action: "identity.verify-worker", entityType: "user", entityId: workerId, after: { verifiedAt: at, homeVenueId: row.homeVenueId } });
        return row;
      });
    },

    /** The staff accounts of a venue: its own staff, the county's officers, the city's. */
    async venueStaff(caller: Caller, venueId: string) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      assertVenueInScope(actor, await venues.getVenueRecord(venueId));
      return repo.listVenueStaff(db, venueId);
    },

    /** Worker profiles in the caller's scope: the venue's walk-ins for staff, the county's for county officers. */
    async listWorkers(caller: Caller, filter: { skillCode?: string | null; venueId?: string | null; search?: string | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const scope = venueScopeOf(actor);
      if (filter.venueId) assertVenueInScope(actor, await venues.getVenueRecord(filter.venueId));
      return repo.listWorkers(db, {
        venueId: filter.venueId ?? scope.venueId,
        regionCode: scope.regionCode,
        skillCode: filter.skillCode ?? undefined,
        search: workerSearchOf(pii, filter.search),
        limit: filter.limit,
        offset: filter.offset,
      });
    },

    /**
     * 用工单位 in the caller's scope, as the workers list scopes: staff see employers whose tasks their venue
     * brokered; county officers employers registered in the county or with tasks there; city officers all.
     */
    async listEmployers(caller: Caller, filter: { search?: string | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const scope = venueScopeOf(actor);
      const page = await repo.listEmployers(db, { ...scope, search: employerSearchOf(pii, filter.search), limit: filter.limit, offset: filter.offset });
      return {
        total: page.total,
        items: page.items.map(({ profile: p, phone, taskCount }) => ({
          userId: p.userId,
          kind: p.kind,
          name: p.name,
          creditCode: p.creditCode && maskMiddle(p.creditCode, 4, 4),
          idNumber: p.idNumberMasked,
          contactName: maskName(p.contactName),
          phone: maskMobile(phone),
          regionCode: p.regionCode,
          lateCancelCount: p.lateCancelCount,
          taskCount,
          createdAt: p.createdAt,
        })),
      };
    },
  };
}
