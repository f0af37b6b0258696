import { nextVenueStatus, parseCreditCode, parseOpeningHours, summariseCoverage, type VenueAction } from "@qz/shared";
import type { Deps } from "../../deps.js";
import type { DbOrTx } from "../../db/client.js";
import { isExclusionViolation, isUniqueViolation } from "../../db/errors.js";
import { AppError, badInput } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkOptionalText, checkPhone, checkRegion, checkText } from "../../access/input-checks.js";
import { assertRegionInScope, assertVenueInScope, venueScopeOf } from "../../access/scope.js";
import * as repo from "./venue.repo.js";
import { STATUS_REASON_MAX } from "./venue.types.js";

export interface CreateVenueCommand {
  name: string;
  type: "MARKET" | "STATION";
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  operatorName: string;
  operatorCreditCode: string;
  contactPhone?: string | null;
}

export interface VenueListQuery {
  regionCode?: string | null;
  type?: "MARKET" | "STATION" | null;
  status?: repo.VenueRow["status"] | null;
  search?: string | null;
  limit: number;
  offset: number;
}

const auditView = (v: repo.VenueRow) => ({ status: v.status, recognizedAt: v.recognizedAt, statusReason: v.statusReason });

const TRANSITION_ACTION = { RECOGNIZE: "venue.recognize", SUSPEND: "venue.suspend", REVOKE: "venue.revoke" } as const satisfies Record<VenueAction, string>;

export type VenueService = ReturnType<typeof createVenueService>;

/** Venue registry and recognition (认定) by county officers, and coverage against the plan's targets. */
export function createVenueService({ db, now }: Deps) {
  const sameName = () =>
    new AppError("CONFLICT", "该县(市、区)已有同名场所", [{ code: "VENUE_NAME_TAKEN", field: "name", message: "该县(市、区)已有同名场所" }]);
  const overlapping = (p: { startsOn: string; endsOn: string } | null) => {
    const message = p ? `与已登记的政府购买服务期间（${p.startsOn} 至 ${p.endsOn}）重叠` : "与已登记的政府购买服务期间重叠";
    return new AppError("CONFLICT", message, [{ code: "PERIOD_OVERLAP", field: "startsOn", message }]);
  };

  async function transition(caller: Caller, venueId: string, action: VenueAction, rawReason: string | null) {
    const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
    // Normalised before the rule sees it, so blank is no reason and the limit holds for what is stored.
    const reason = checkOptionalText("reason", rawReason, { kind: "text", label: "原因", max: STATUS_REASON_MAX });
    return db.transaction(async (tx) => {
      const venue = await repo.getVenueForUpdate(tx, venueId);
      assertVenueInScope(actor, venue);
      const next = nextVenueStatus(venue.status, action, reason);
      if (!next.ok) throw new AppError("PRECONDITION_FAILED", next.reasons.map((r) => r.message).join("；"), next.reasons);
      const at = now();
      const updated = await repo.updateVenue(tx, venue.id, {
        status: next.value,
        recognizedAt: venue.recognizedAt ?? (next.value === "RECOGNIZED" ? at : null),
        suspendedAt: next.value === "SUSPENDED" ? at : venue.suspendedAt,
        revokedAt: next.value === "REVOKED" ? at : venue.revokedAt,
        statusReason: reason,
      });
      await recordAudit(tx, caller, {
        action: TRANSITION_ACTION[action],
        entityType: "venue",
        entityId: venue.id,
        before: auditView(venue),
        after: auditView(updated),
      });
      await emitEvent(tx, "venue.status-changed", { venueId: venue.id, venueName: venue.name, from: venue.status, to: updated.status, reason: updated.statusReason });
      return updated;
    });
  }

  return {
    /** A venue's row for another domain's checks (inside that domain's transaction when given); NOT_FOUND when missing. */
    getVenueRecord: (id: string, tx: DbOrTx = db) => repo.getVenue(tx, id),

    /** One of the 13 areas' rows; NOT_FOUND when missing. */
    getRegionRecord: (code: string, tx: DbOrTx = db) => repo.getRegion(tx, code),

    /** Venues' rows for another domain (a missing id is left out). */
    listVenueRecords: (ids: readonly string[], tx: DbOrTx = db) => repo.listVenuesByIds(tx, ids),

    /** Venues' purchase-of-service periods, for subsidy eligibility (inside the caller's transaction when given). */
    listServicePurchasePeriods: (venueIds: readonly string[], tx: DbOrTx = db) => repo.listServicePurchasePeriodsByVenueIds(tx, venueIds),

    /** County officers register a venue in their county; it waits for recognition. */
    async createVenue(caller: Caller, cmd: CreateVenueCommand) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      checkRegion(cmd.regionCode);
      const region = await repo.getRegion(db, cmd.regionCode);
      assertRegionInScope(actor, region.code);
      const code = parseCreditCode(cmd.operatorCreditCode);
      if (!code.ok) badInput("operatorCreditCode", code.reasons);
      const contactPhone = cmd.contactPhone ? checkPhone(cmd.contactPhone, "contactPhone") : null;
      const name = checkText("name", cmd.name, { kind: "name", label: "场所名称", min: 2, max: 100 });
      const address = checkText("address", cmd.address, { kind: "line", label: "地址", min: 2, max: 200 });
      const operatorName = checkText("operatorName", cmd.operatorName, { kind: "name", label: "运营单位名称", min: 2, max: 100 });
      return db.transaction(async (tx) => {
        if (await repo.findVenueByRegionAndName(tx, region.code, name)) throw sameName();
        const venue = await repo.insertVenue(tx, {
          name,
          type: cmd.type,
          regionCode: region.code,
          address,
          lat: cmd.lat,
          lng: cmd.lng,
          operatorName,
          operatorCreditCode: code.value,
          contactPhone,
          createdBy: actor.userId,
        });
        await recordAudit(tx, caller, { action: "venue.create", entityType: "venue", entityId: venue.id, after: { ...auditView(venue), name: venue.name, type: venue.type, regionCode: venue.regionCode } });
        return venue;
      }).catch((err: unknown) => {
        // Two officers registering one name at once: the unique index decides, with the pre-check's answer.
        if (isUniqueViolation(err, "venues_region_name_unique")) throw sameName();
        throw err;
      });
    },

    recognizeVenue: (caller: Caller, id: string) => transition(caller, id, "RECOGNIZE", null),
    suspendVenue: (caller: Caller, id: string, reason: string) => transition(caller, id, "SUSPEND", reason),
    revokeVenue: (caller: Caller, id: string, reason: string) => transition(caller, id, "REVOKE", reason),

    /** Records a government purchase-of-service period (政府购买服务); no subsidy accrues inside it. */
    async addServicePurchasePeriod(caller: Caller, venueId: string, startsOn: string, endsOn: string, rawNote: string | null) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      if (endsOn < startsOn) badInput("endsOn", [{ code: "PERIOD_ORDER", message: "结束日期不能早于开始日期" }]);
      const note = checkOptionalText("note", rawNote, { kind: "text", label: "备注", max: 200 });
      return db.transaction(async (tx) => {
        const venue = await repo.getVenueForUpdate(tx, venueId);
        assertVenueInScope(actor, venue);
        // A venue is inside at most one period on any day (subsidy rules rely on it); the venue lock above serialises this check.
        const clash = await repo.findOverlappingServicePurchasePeriod(tx, venueId, startsOn, endsOn);
        if (clash) throw overlapping(clash);
        const period = await repo.insertServicePurchasePeriod(tx, { venueId, startsOn, endsOn, note });
        await recordAudit(tx, caller, { action: "venue.add-service-purchase-period", entityType: "venue", entityId: venueId, after: { startsOn, endsOn, note } });
        return period;
      }).catch(async (err: unknown) => {
        // A writer that skipped the venue lock: the exclusion constraint decides, with the pre-check's answer.
        if (!isExclusionViolation(err, "venue_service_purchase_periods_no_overlap")) throw err;
        throw overlapping(await repo.findOverlappingServicePurchasePeriod(db, venueId, startsOn, endsOn));
      });
    },

    /**
     * 开放时间: the venue's own staff or an officer in scope set the line the public finder shows (blank clears it),
     * checked by the shared rule and audited with the line before and after.
     */
    async updateOpeningHours(caller: Caller, venueId: string, raw: string | null) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      let openingHours: string | null = null;
      if (raw != null && raw.trim() !== "") {
        const parsed = parseOpeningHours(raw);
        if (!parsed.ok) badInput("openingHours", parsed.reasons);
        openingHours = parsed.value;
      }
      return db.transaction(async (tx) => {
        const venue = await repo.getVenueForUpdate(tx, venueId);
        assertVenueInScope(actor, venue);
        if (venue.openingHours === openingHours) return venue;
        const updated = await repo.updateVenue(tx, venue.id, { openingHours });
        await recordAudit(tx, caller, { action: "venue.update-opening-hours", entityType: "venue", entityId: venue.id, before: { openingHours: venue.openingHours }, after: { openingHours } });
        return updated;
      });
    },

    async getVenue(caller: Caller, id: string) {
      const actor = requireActor(caller);
      const venue = await repo.getVenue(db, id);
      // Workers and employers see the public directory: recognised venues only.
      if (actor.role === "WORKER" || actor.role === "EMPLOYER") {
        if (venue.status !== "RECOGNIZED") throw new AppError("NOT_FOUND", `场所 ${id} 不存在`);
      } else {
        assertVenueInScope(actor, venue);
      }
      return venue;
    },

    /** Staff see their venue, county officers their county, city officers all; workers and employers the recognised directory. */
    /** `fields`: the Venue fields the query shows (null: all), so the list reads only those columns. */
    async listVenues(caller: Caller, q: VenueListQuery, fields: ReadonlySet<string> | null = null) {
      const actor = requireActor(caller);
      const publicView = actor.role === "WORKER" || actor.role === "EMPLOYER";
      const scope = publicView ? {} : venueScopeOf(actor);
      if (q.regionCode && scope.regionCode && q.regionCode !== scope.regionCode) assertRegionInScope(actor, q.regionCode);
      const statuses = publicView ? ["RECOGNIZED" as const] : q.status ? [q.status] : undefined;
      if (publicView && q.status && q.status !== "RECOGNIZED") return { items: [], total: 0 };
      return repo.listVenues(db, {
        venueId: scope.venueId,
        regionCode: scope.regionCode ?? q.regionCode ?? undefined,
        type: q.type ?? undefined,
        statuses,
        search: q.search?.trim() || undefined,
        limit: q.limit,
        offset: q.offset,
      }, fields);
    },

    /** Recognised venues per county against the plan: all 13 areas, 30+ markets, 100+ stations. */
    async coverage(caller: Caller) {
      requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      return summariseCoverage(await repo.countRecognizedVenuesByRegion(db));
    },

    listRegions: () => repo.listRegions(db),
  };
}
