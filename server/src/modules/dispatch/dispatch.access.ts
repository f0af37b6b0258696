// Who may see a task, an offer or an engagement (DESIGN §1 scope rule): employers their own tasks, workers
// their own offers and engagements (and open tasks, for grab mode), staff the tasks their venue brokers,
// county officers their county, city officers all. Outsiders among workers and employers get NOT_FOUND
// (existence is not revealed); staff and officers out of scope get FORBIDDEN, as elsewhere.
import { AppError, notFound } from "../../errors.js";
import type { Actor } from "../../access/actor.js";
import { assertRegionInScope } from "../../access/scope.js";
import type { EngagementRow, OfferRow } from "./offer.repo.js";
import type { TaskRow } from "./task.repo.js";

/** Staff of the brokering venue, or officers over its county. */
export function isStaffOrOfficerInScope(actor: Actor, task: Pick<TaskRow, "venueId" | "regionCode">): boolean {
  if (actor.role === "VENUE_STAFF") return actor.venueId === task.venueId;
  if (actor.role === "CITY_OFFICER") return true;
  return actor.role === "COUNTY_OFFICER" && actor.regionCode === task.regionCode;
}

/** Throws unless the staff member or officer may manage the task. */
export function assertTaskInStaffScope(actor: Actor, task: TaskRow): void {
  if (actor.role === "VENUE_STAFF") {
    if (actor.venueId !== task.venueId) throw new AppError("FORBIDDEN", "只能管理本场所经办的岗位");
    return;
  }
  assertRegionInScope(actor, task.regionCode);
}

/**
 * Read access to a task. `workerLinked` tells whether the worker holds an offer or engagement of it
 * (a worker also sees any open task: grab mode lists them).
 */
export function assertCanSeeTask(actor: Actor, task: TaskRow, workerLinked: boolean): void {
  switch (actor.role) {
    case "EMPLOYER":
      if (task.employerId !== actor.userId) throw notFound("岗位", task.id);
      return;
    case "WORKER":
      if (!workerLinked && task.status !== "OPEN") throw notFound("岗位", task.id);
      return;
    default:
      assertTaskInStaffScope(actor, task);
  }
}

/** Read access to an offer: the worker it was made to, the task's employer, staff and officers in scope. */
export function assertCanSeeOffer(actor: Actor, offer: OfferRow, task: TaskRow): void {
  if (actor.role === "WORKER") {
    if (offer.workerId !== actor.userId) throw notFound("派单", offer.id);
    return;
  }
  if (actor.role === "EMPLOYER") {
    if (task.employerId !== actor.userId) throw notFound("派单", offer.id);
    return;
  }
  assertTaskInStaffScope(actor, task);
}

/** "Why this offer" is for the worker and for staff and officers in scope, not the employer. */
export function canSeeScore(actor: Actor, offer: Pick<OfferRow, "workerId">, task: Pick<TaskRow, "venueId" | "regionCode">): boolean {
  return actor.role === "WORKER" ? offer.workerId === actor.userId : isStaffOrOfficerInScope(actor, task);
}

export function assertCanSeeEngagement(actor: Actor, engagement: EngagementRow, task: TaskRow): void {
  if (actor.role === "WORKER") {
    if (engagement.workerId !== actor.userId) throw notFound("用工记录", engagement.id);
    return;
  }
  if (actor.role === "EMPLOYER") {
    if (task.employerId !== actor.userId) throw notFound("用工记录", engagement.id);
    return;
  }
  assertTaskInStaffScope(actor, task);
}
