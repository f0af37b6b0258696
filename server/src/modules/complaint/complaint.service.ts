// 投诉反馈: the complaint service the rest of the server sees, put together from its use cases: filing
// (complaint-filing), handling and the deadline jobs (complaint-handling), wage arrears (wage-arrears), all
// moving a complaint through one lifecycle step (complaint-workflow); the reads are here.
import { DEFAULT_COMPLAINT_SLA, type ComplaintCategory, type ComplaintSlaPolicy, type ComplaintStatus } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { venueScopeOf } from "../../access/scope.js";
import type { Deps } from "../../deps.js";
import { notFound } from "../../errors.js";
import type { ReferenceService } from "../reference/reference.service.js";
import { assertCanRead } from "./complaint.access.js";
import { createComplaintFiling } from "./complaint-filing.service.js";
import { createComplaintHandling } from "./complaint-handling.service.js";
import { createComplaintWorkflow } from "./complaint-workflow.service.js";
import * as repo from "./complaint.repo.js";
import { createWageArrearsService } from "./wage-arrears.service.js";

export type { FileComplaintCommand } from "./complaint-filing.service.js";
export type { HandlerAction } from "./complaint-handling.service.js";

const shortId = (id: string) => id.slice(0, 8).toUpperCase();

export type ComplaintService = ReturnType<typeof createComplaintService>;

/** 投诉反馈: filing, the handling workflow with its working-day deadlines, wage-arrears enforcement. */
export function createComplaintService(deps: Deps, { reference, policy = DEFAULT_COMPLAINT_SLA }: { reference: ReferenceService; policy?: ComplaintSlaPolicy }) {
  const { db } = deps;
  const workflow = createComplaintWorkflow(deps, { reference, policy });
  const { clockOf } = workflow;
  const filing = createComplaintFiling(deps, { reference, workflow });
  return {
    policy,
    ...filing,
    ...createComplaintHandling(deps, workflow),
    ...createWageArrearsService(deps, { workflow, filing }),

    async getComplaint(caller: Caller, id: string) {
      const actor = requireActor(caller);
      const c = await repo.findComplaint(db, id);
      if (!c) throw notFound("投诉", id);
      assertCanRead(actor, c);
      return c;
    },

    /** Whether the caller may hear of the complaint's updates (the subscription's filter). */
    async canWatch(caller: Caller, id: string): Promise<boolean> {
      const c = caller.actor ? await repo.findComplaint(db, id) : null;
      if (!c || !caller.actor) return false;
      try {
        assertCanRead(caller.actor, c);
        return true;
      } catch {
        return false;
      }
    },

    /** The derived deadlines (read access is checked by the caller of this on the complaint row). */
    clock: (c: Pick<repo.ComplaintRow, "id">, at: Date) => clockOf(db, c.id, at),
    history: (c: Pick<repo.ComplaintRow, "id">) => repo.listComplaintEvents(db, c.id),
    referral: (c: Pick<repo.ComplaintRow, "id">) => repo.findReferral(db, c.id),

    /** Complaints the caller filed or is the respondent of, newest first. */
    myComplaints(caller: Caller, page: { status?: ComplaintStatus | null; category?: ComplaintCategory | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "WORKER", "EMPLOYER");
      return repo.listComplaints(db, { partyId: actor.userId, status: page.status ?? undefined, category: page.category ?? undefined, limit: page.limit, offset: page.offset });
    },

    /** Handlers' list: staff their venue's, county officers their county's, city officers all. */
    listComplaints(caller: Caller, q: { status?: ComplaintStatus | null; category?: ComplaintCategory | null; openOnly?: boolean | null; limit: number; offset: number }) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const scope = venueScopeOf(actor);
      return repo.listComplaints(db, { ...scope, status: q.status ?? undefined, category: q.category ?? undefined, openOnly: q.openOnly ?? false, limit: q.limit, offset: q.offset });
    },

    /** For notifications (a job): the complaint and who to tell. */
    async noticeContext(complaintId: string) {
      const c = await repo.findComplaint(db, complaintId);
      if (!c) return null;
      return { complaint: c, countyOfficerIds: await repo.listCountyOfficerIds(db, c.regionCode), shortId: shortId(c.id) };
    },
    phonesOf: (ids: string[]) => repo.listPhones(db, ids),

    /** A venue's public page: name, address, hotline and where to complain (anyone, recognised venues only). */
    async venuePublicPage(id: string) {
      const v = await repo.findPublicVenue(db, id);
      if (!v) throw notFound("场所", id);
      return { ...v, hotline: v.contactPhone, complaintLink: `/complaints/new?venueId=${v.id}`, complaints: await repo.countVenueComplaints(db, v.id) };
    },
  };
}

export { shortId as complaintNumber };
