import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from "type-graphql";
import { Allow, Public } from "../../graphql/auth-decorators.js";
import type { Context } from "../../graphql/context.js";
import { pageComplexity } from "../../graphql/pagination.js";
import { UUID } from "../../graphql/scalars.js";
import { complaintNumber } from "./complaint.service.js";
import { COMPLAINT_TOPIC, type ComplaintEvent } from "./complaint.live.js";
import type { ComplaintRow, EvidenceRow } from "./complaint.repo.js";
import { CloseComplaintArgs, ComplaintListArgs, ComplaintNoteArgs, FileComplaintInput, HandleComplaintArgs } from "./complaint-input.types.js";
import { Complaint, ComplaintDeadlines, ComplaintEvidence, ComplaintHistoryItem, ComplaintPage, LabourInspectionReferral, SignedLink, VenuePublicPage } from "./complaint.types.js";

const HANDLERS = ["VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER"] as const;

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Allow("WORKER", "EMPLOYER", "VENUE_STAFF")
  @Mutation(() => Complaint, { description: "File a complaint; venue staff file for a walk-in or hotline caller (proxy, audited)" })
  fileComplaint(@Arg("input", () => FileComplaintInput) input: FileComplaintInput, @Ctx() ctx: Context) {
    return ctx.services.complaints.fileComplaint(ctx.caller, input);
  }

  @Allow(...HANDLERS)
  @Mutation(() => Complaint, { description: "Staff of the handling venue (after escalation, the county officer) work the complaint" })
  handleComplaint(@Args(() => HandleComplaintArgs) { id, action, note }: HandleComplaintArgs, @Ctx() ctx: Context) {
    return ctx.services.complaints.handle(ctx.caller, id, action, note ?? null);
  }

  @Allow("WORKER", "EMPLOYER", "VENUE_STAFF")
  @Mutation(() => Complaint, { description: "The complainant supplies the material asked for: the clock runs again" })
  supplyComplaintInfo(@Args(() => ComplaintNoteArgs) { id, note }: ComplaintNoteArgs, @Ctx() ctx: Context) {
    return ctx.services.complaints.supplyInfo(ctx.caller, id, note);
  }

  @Allow("WORKER", "EMPLOYER", "VENUE_STAFF")
  @Mutation(() => Complaint, { description: "The complainant accepts the resolution and rates it (1–5)" })
  closeComplaint(@Args(() => CloseComplaintArgs) { id, stars, comment }: CloseComplaintArgs, @Ctx() ctx: Context) {
    return ctx.services.complaints.closeComplaint(ctx.caller, id, stars, comment ?? null);
  }

  @Allow("WORKER", "EMPLOYER", "VENUE_STAFF")
  @Mutation(() => Complaint, { description: "The complainant refuses the resolution: ESCALATED to the county officer" })
  refuseComplaintResolution(@Args(() => ComplaintNoteArgs) { id, note }: ComplaintNoteArgs, @Ctx() ctx: Context) {
    return ctx.services.complaints.refuseResolution(ctx.caller, id, note);
  }

  @Allow(...HANDLERS)
  @Mutation(() => Complaint, { description: "回访: the follow-up call after closing (due within 2 working days)" })
  recordComplaintFollowUp(@Args(() => ComplaintNoteArgs) { id, note }: ComplaintNoteArgs, @Ctx() ctx: Context) {
    return ctx.services.complaints.recordFollowUp(ctx.caller, id, note);
  }

  @Allow()
  @Query(() => Complaint, { description: "Parties and handlers only" })
  complaint(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.complaints.getComplaint(ctx.caller, id);
  }

  @Allow("WORKER", "EMPLOYER")
  @Query(() => ComplaintPage, { complexity: pageComplexity, description: "Complaints the caller filed or is the respondent of" })
  myComplaints(@Args(() => ComplaintListArgs) args: ComplaintListArgs, @Ctx() ctx: Context) {
    return ctx.services.complaints.myComplaints(ctx.caller, args);
  }

  @Allow(...HANDLERS)
  @Query(() => ComplaintPage, { complexity: pageComplexity, description: "Staff: their venue's; county officers: their county's; city officers: all" })
  complaints(@Args(() => ComplaintListArgs) args: ComplaintListArgs, @Ctx() ctx: Context) {
    return ctx.services.complaints.listComplaints(ctx.caller, args);
  }

  @Public()
  @Query(() => VenuePublicPage, { description: "A recognised venue's public page: address, hotline, complaint link" })
  venuePublicPage(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.complaints.venuePublicPage(id);
  }

  @Allow()
  @Subscription(() => Complaint, {
    topics: COMPLAINT_TOPIC,
    topicId: ({ args }) => args.id,
    // Checked per message: parties and handlers only.
    filter: ({ args, context }: SubscriptionHandlerData<ComplaintEvent, { id: string }, Context>) => context.services.complaints.canWatch(context.caller, args.id),
    description: "Every step of one complaint, for its parties and handlers",
  })
  complaintUpdated(@Arg("id", () => UUID) _id: string, @Root() event: ComplaintEvent, @Ctx() ctx: Context) {
    return ctx.services.complaints.getComplaint(ctx.caller, event.complaintId);
  }

  // Field resolvers run on a row the caller was already allowed to read.

  @FieldResolver(() => String)
  number(@Root() c: ComplaintRow) {
    return complaintNumber(c.id);
  }

  @FieldResolver(() => ComplaintDeadlines)
  async deadlines(@Root() c: ComplaintRow, @Ctx() ctx: Context): Promise<ComplaintDeadlines> {
    const clock = await ctx.services.complaints.clock(c, ctx.now);
    return {
      ...clock,
      nextKind: clock.next?.kind ?? null,
      nextDueAt: clock.next?.at ?? null,
      secondsLeft: clock.next ? Math.round((clock.next.at.getTime() - ctx.now.getTime()) / 1000) : null,
    };
  }

  @FieldResolver(() => [ComplaintHistoryItem])
  history(@Root() c: ComplaintRow, @Ctx() ctx: Context) {
    return ctx.services.complaints.history(c);
  }

  @FieldResolver(() => [ComplaintEvidence])
  evidence(@Root() c: ComplaintRow, @Ctx() ctx: Context) {
    return ctx.services.evidence.listEvidence(c.id);
  }

  @FieldResolver(() => LabourInspectionReferral, { nullable: true })
  referral(@Root() c: ComplaintRow, @Ctx() ctx: Context) {
    return ctx.services.complaints.referral(c);
  }
}

@Resolver(() => ComplaintEvidence)
export class ComplaintEvidenceResolver {
  @FieldResolver(() => SignedLink, { description: "A short-lived signed download link (parties and handlers)" })
  link(@Root() e: EvidenceRow, @Ctx() ctx: Context) {
    return ctx.services.evidence.evidenceLink(ctx.caller, e);
  }
}
