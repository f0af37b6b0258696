// Who reads and who handles a complaint (issue 8): the parties (complainant, the user complained about, the
// staff member who filed it for them) and the handlers (staff of the handling venue, county officers of its
// county, city officers). Outsiders among workers and employers get NOT_FOUND, so existence is not revealed;
// staff and officers out of scope get FORBIDDEN, as elsewhere.
import type { ComplaintStage } from "@qz/shared";
import type { Actor } from "../../access/actor.js";
import { AppError, notFound } from "../../errors.js";
import type { ComplaintRow } from "./complaint.repo.js";

type Scoped = Pick<ComplaintRow, "id" | "complainantId" | "respondentUserId" | "filedBy" | "venueId" | "regionCode">;

export const isParty = (actor: Actor, c: Scoped): boolean =>
  actor.userId === c.complainantId || actor.userId === c.respondentUserId || actor.userId === c.filedBy;

/** Staff of the handling venue, county officers of its county, city officers. */
export function isHandler(actor: Actor, c: Scoped): boolean {
  switch (actor.role) {
    case "VENUE_STAFF":
      return actor.venueId === c.venueId;
    case "COUNTY_OFFICER":
      return actor.regionCode === c.regionCode;
    case "CITY_OFFICER":
      return true;
    default:
      return false;
  }
}

/** Throws unless the actor may read the complaint (and its evidence). */
export function assertCanRead(actor: Actor, c: Scoped): void {
  if (isParty(actor, c) || isHandler(actor, c)) return;
  if (actor.role === "WORKER" || actor.role === "EMPLOYER") throw notFound("投诉", c.id);
  throw new AppError("FORBIDDEN", "该投诉不在您的管辖范围内");
}

/**
 * Throws unless the actor may work the complaint at its stage: the venue's staff (and officers over it) at
 * the venue stage; after an escalation only the county officer of its county (and city officers).
 */
export function assertCanHandle(actor: Actor, c: Scoped, stage: ComplaintStage): void {
  assertCanRead(actor, c);
  if (!isHandler(actor, c)) throw new AppError("FORBIDDEN", "只有受理场所的工作人员或人社部门可以处理投诉");
  if (stage === "COUNTY" && actor.role === "VENUE_STAFF") throw new AppError("FORBIDDEN", "该投诉已转县级人社部门处理");
}

/** The complainant, or the staff member who filed it for them (walk-in or hotline) acting for them again. */
export function assertActsForComplainant(actor: Actor, c: Scoped & Pick<ComplaintRow, "channel">): "SELF" | "PROXY" {
  assertCanRead(actor, c);
  if (actor.userId === c.complainantId) return "SELF";
  if (c.channel !== "ONLINE" && actor.role === "VENUE_STAFF" && actor.venueId === c.venueId) return "PROXY";
  throw new AppError("FORBIDDEN", "只有投诉人本人（或为其代办的场所工作人员）可以执行此操作");
}
