import { createHash } from "node:crypto";
import { z } from "zod";
import type { QueueName } from "./queues.js";

const uuid = z.string().uuid();

/**
 * Every fact the system publishes through the outbox (`domain.past-tense`) and the shape of its payload.
 * A payload is checked again when a consumer runs, so a malformed one fails without retry.
 */
export const EVENTS = {
  "user.registered": z.object({ userId: uuid, role: z.string() }),
  "venue.status-changed": z.object({ venueId: uuid, venueName: z.string(), from: z.string(), to: z.string(), reason: z.string().nullable() }),
  "task.posted": z.object({ taskId: uuid }),
  /** A wave of offers was stored; live updates go out after the commit. */
  "task.wave-sent": z.object({ taskId: uuid, wave: z.number().int(), offerIds: z.array(uuid) }),
  "task.cancelled": z.object({ taskId: uuid, late: z.boolean(), workerIds: z.array(uuid) }),
  /** An edit changed the terms or added seats of an open task: a wave for what outstanding offers do not cover. */
  "task.edited": z.object({ taskId: uuid }),
  /** Scheduled at a wave's expiry time (one event per wave). */
  "offer.expiry-due": z.object({ taskId: uuid, wave: z.number().int() }),
  "offer.declined": z.object({ offerId: uuid, taskId: uuid }),
  "engagement.created": z.object({ engagementId: uuid, taskId: uuid, workerId: uuid }),
  "engagement.withdrawn": z.object({ engagementId: uuid, taskId: uuid, workerId: uuid, late: z.boolean() }),
  /** 到岗确认: scheduled before the start; an engagement still unconfirmed then is reminded. */
  "engagement.reconfirm-reminder-due": z.object({ engagementId: uuid }),
  /** 到岗确认: scheduled at the deadline; an engagement still unconfirmed then is released and its seat backfilled. */
  "engagement.reconfirm-deadline-due": z.object({ engagementId: uuid }),
  /** A contract was drafted for an engagement: both parties are asked to sign. */
  "contract.drafted": z.object({ contractId: uuid, engagementId: uuid, workerId: uuid, employerId: uuid }),
  /** Both parties signed: work may start. */
  "contract.signed": z.object({ contractId: uuid, engagementId: uuid, workerId: uuid, employerId: uuid }),
  /** Hours were approved (by the employer, the 24-hour rule or with a settlement): the part-time week is checked. */
  "attendance.approved": z.object({ attendanceId: uuid }),
  /** Scheduled 24 h after check-out: undisputed hours are approved. */
  "attendance.approval-due": z.object({ attendanceId: uuid }),
  /** Scheduled 24 h after a settlement is submitted: unanswered, it is confirmed. */
  "settlement.confirm-due": z.object({ settlementId: uuid }),
  /** 日结: scheduled 24 h after the work ended; no settlement submitted by then → a wage-arrears alert. */
  "settlement.submission-due": z.object({ engagementId: uuid }),
  /** 日结: scheduled 3 working days (at most 15 days) after the work ended; unpaid by then → labour inspection. */
  "settlement.payment-due": z.object({ engagementId: uuid }),
  /** The worker (or the 24-hour rule) confirmed a settlement: it is paid. */
  "settlement.confirmed": z.object({ settlementId: uuid }),
  // Contracts between capabilities (issues 7, 8, 9): the settlement side emits, the roll-ups consume.
  /** 岗位推荐成功: a settlement was PAID; exactly one per engagement, credited to the task's brokering venue. */
  "placement.recorded": z.object({
    placementId: uuid,
    venueId: uuid,
    engagementId: uuid,
    taskId: uuid,
    workerId: uuid,
    employerId: uuid,
    /** How the worker came to the job: OFFER (dispatch), GRAB or PROXY (all count as online dispatch, B1). */
    source: z.enum(["OFFER", "GRAB", "PROXY"]),
    /** The worker was in a priority group (大龄, 就业困难人员, 零就业家庭) on the work day (A2). */
    priorityGroup: z.boolean(),
    /** ISO time the settlement was paid; its Shanghai date decides the assessment year. */
    paidAt: z.string().datetime(),
  }),
  /** One side rated a finished engagement (E1 counts 4–5 stars per venue). */
  "rating.recorded": z.object({ ratingId: uuid, venueId: uuid, engagementId: uuid, stars: z.number().int().min(1).max(5), ratedAt: z.string().datetime() }),
  /** A complaint about one of a venue's jobs was closed (E2 counts those closed within their SLA). */
  "complaint.closed": z.object({ complaintId: uuid, venueId: uuid, onTime: z.boolean(), closedAt: z.string().datetime() }),
  // Venue performance and subsidies (issue 9).
  /** Staff recorded services (A3), a recruitment event (A5) or referrals (A6) with evidence. */
  "venue.activity-recorded": z.object({ activityId: uuid, venueId: uuid, year: z.number().int(), kind: z.enum(["SERVICE", "RECRUITMENT_EVENT", "GUIDANCE_REFERRAL"]), quantity: z.number().int().positive() }),
  /** A venue-year's placement counters moved past its projection (one event per dirty spell, see venue_year_pending). */
  "venue-year.placements-pending": z.object({ venueId: uuid, year: z.number().int() }),
  /** A venue-year's inputs changed outside the counters (on-site assessment, postings): recompute its projection. */
  "venue-year.changed": z.object({ venueId: uuid, year: z.number().int() }),
  /** Scheduled at the end of a subsidy application's public notice (公示): approve unless an objection stands. */
  "subsidy.notice-ended": z.object({ applicationId: uuid }),
  /** The annual close slot (30 Nov 23:59 Asia/Shanghai): freeze venue-years, draft performance applications. */
  "clock.annual-close": z.object({ slot: z.string().datetime() }),
  /**
   * A worker disputed a settlement (issue 7 emits it; defined here by the complaints issue with the agreed
   * payload): a WAGE_ARREARS complaint opens against the employer.
   */
  "settlement.disputed": z.object({ settlementId: uuid, engagementId: uuid, workerId: uuid, employerId: uuid, venueId: uuid }),
  /** A complaint was filed or moved (投诉): the parties and handlers are told, in-app and by SMS. */
  "complaint.status-changed": z.object({ complaintId: uuid, action: z.string().max(40), from: z.string().nullable(), to: z.string() }),
  /** Scheduled at a complaint's next deadline; the consumer re-derives it from the history before acting. */
  "complaint.deadline-due": z.object({ complaintId: uuid, kind: z.enum(["ACCEPT", "RESOLVE", "AUTO_CLOSE"]) }),
  /** Scheduled at the end of the follow-up call's (回访) 2 working days after closing; the consumer checks it is still missing. */
  "complaint.follow-up-due": z.object({ complaintId: uuid }),
  /** Scheduled 3 working days after a wage-arrears complaint: unpaid by then → labour inspection. */
  "complaint.referral-due": z.object({ complaintId: uuid }),
  /** A repeatable schedule's slot came due (see schedules.ts); `slot` is the ISO time it stands for. */
  "clock.nightly": z.object({ slot: z.string().datetime() }),
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof EVENTS;
export type EventPayloads = { [E in EventName]: z.infer<(typeof EVENTS)[E]> };

/**
 * Who reacts to each event (`domain.verb-noun`): one BullMQ job per consumer, on the consumer's queue, so a
 * slow roll-up never delays a notification. Each consumer is idempotent on its own (consumer, event id).
 * `batch: true` marks the high-volume consumers (placements: 500/s, issue 9): the relay gives them one job per
 * relay batch carrying all its events, which the runner takes in one transaction (see runJobBatch).
 */
export const CONSUMERS = {
  "notify.welcome-user": { event: "user.registered", queue: "notify" },
  "notify.venue-status-changed": { event: "venue.status-changed", queue: "notify" },
  "housekeeping.purge-expired": { event: "clock.nightly", queue: "housekeeping" },
  "performance.record-placement": { event: "placement.recorded", queue: "performance", batch: true },
  "performance.apply-placements": { event: "venue-year.placements-pending", queue: "rollup", batch: true },
  "performance.record-rating": { event: "rating.recorded", queue: "performance" },
  "performance.count-walk-in": { event: "user.registered", queue: "performance" },
  "performance.contract-signed": { event: "contract.signed", queue: "performance" },
  "performance.record-complaint": { event: "complaint.closed", queue: "performance" },
  "performance.record-activity": { event: "venue.activity-recorded", queue: "performance" },
  "performance.recompute-venue-year": { event: "venue-year.changed", queue: "performance" },
  "performance.venue-status-changed": { event: "venue.status-changed", queue: "performance" },
  "performance.reconcile": { event: "clock.nightly", queue: "performance" },
  "performance.annual-close": { event: "clock.annual-close", queue: "performance" },
  "subsidy.end-notice": { event: "subsidy.notice-ended", queue: "subsidy" },
  "dispatch.send-wave": { event: "task.posted", queue: "dispatch" },
  "dispatch.expire-offers": { event: "offer.expiry-due", queue: "dispatch" },
  "dispatch.send-next-wave": { event: "offer.declined", queue: "dispatch" },
  "dispatch.backfill-seat": { event: "engagement.withdrawn", queue: "dispatch" },
  "dispatch.send-wave-after-edit": { event: "task.edited", queue: "dispatch" },
  "dispatch.publish-wave": { event: "task.wave-sent", queue: "notify" },
  "notify.engagement-created": { event: "engagement.created", queue: "notify" },
  "notify.task-cancelled": { event: "task.cancelled", queue: "notify" },
  "notify.remind-reconfirm": { event: "engagement.reconfirm-reminder-due", queue: "notify" },
  "dispatch.release-unconfirmed": { event: "engagement.reconfirm-deadline-due", queue: "dispatch" },
  "contract.draft": { event: "engagement.created", queue: "settlement" },
  "insurance.record-taken": { event: "engagement.created", queue: "settlement" },
  "insurance.record-paid": { event: "placement.recorded", queue: "settlement", batch: true },
  "contract.void-for-task": { event: "task.cancelled", queue: "settlement" },
  "contract.void-for-withdrawal": { event: "engagement.withdrawn", queue: "settlement" },
  "notify.contract-drafted": { event: "contract.drafted", queue: "notify" },
  "notify.contract-signed": { event: "contract.signed", queue: "notify" },
  "attendance.approve-hours": { event: "attendance.approval-due", queue: "settlement" },
  "settlement.auto-confirm": { event: "settlement.confirm-due", queue: "settlement" },
  "settlement.pay": { event: "settlement.confirmed", queue: "settlement" },
  "settlement.alert-unsubmitted": { event: "settlement.submission-due", queue: "settlement" },
  "settlement.refer-unpaid": { event: "settlement.payment-due", queue: "settlement" },
  "settlement.charge-cancellation-fees": { event: "task.cancelled", queue: "settlement" },
  "settlement.reconcile-payouts": { event: "clock.nightly", queue: "settlement" },
  "attendance.flag-part-time-week": { event: "attendance.approved", queue: "settlement" },
  "complaints.open-wage-complaint": { event: "settlement.disputed", queue: "complaints" },
  "complaints.check-deadline": { event: "complaint.deadline-due", queue: "complaints" },
  "complaints.refer-wage-arrears": { event: "complaint.referral-due", queue: "complaints" },
  "complaints.remind-follow-up": { event: "complaint.follow-up-due", queue: "complaints" },
  "complaints.resolve-paid-wage-arrears": { event: "placement.recorded", queue: "complaints", batch: true },
  "notify.complaint-status-changed": { event: "complaint.status-changed", queue: "notify" },
  "notify.rating-recorded": { event: "rating.recorded", queue: "notify" },
} as const satisfies Record<string, { event: EventName; queue: QueueName; batch?: true }>;

export type ConsumerName = keyof typeof CONSUMERS;
export type ConsumerEvent<C extends ConsumerName> = (typeof CONSUMERS)[C]["event"];

const byEvent = new Map<string, ConsumerName[]>();
for (const [name, { event }] of Object.entries(CONSUMERS) as [ConsumerName, { event: EventName }][]) {
  byEvent.set(event, [...(byEvent.get(event) ?? []), name]);
}

/** The consumers of an event, in declaration order; empty for an unknown name. */
export const consumersOf = (event: string): readonly ConsumerName[] => byEvent.get(event) ?? [];

export const isConsumerName = (name: string): name is ConsumerName => Object.hasOwn(CONSUMERS, name);

/** BullMQ job id of one consumer's job for one event (BullMQ refuses ':' in custom ids). */
export const jobIdFor = (eventId: string, consumer: string): string => `${eventId}.${consumer}`;

/** True when the relay delivers this consumer's immediate events in batches (one job, many events). */
export const isBatchConsumer = (consumer: ConsumerName): boolean => (CONSUMERS[consumer] as { batch?: true }).batch === true;

/** The data of a batch job: the events it carries, each with its id (the idempotency key) and payload. */
export interface BatchJobData {
  events: { id: string; payload: unknown }[];
}

export const isBatchJobData = (data: unknown): data is BatchJobData => Array.isArray((data as Partial<BatchJobData> | null)?.events);

/**
 * BullMQ job id of a batch: the consumer and a digest of exactly the events it carries, so a relay that crashed
 * between add and mark re-adds the same batch under the same id (BullMQ ignores it) while a batch made of other
 * rows gets its own; events in both count once anyway (processed_events).
 */
export const batchJobIdFor = (eventIds: readonly string[], consumer: string): string =>
  `${consumer}.batch-${createHash("sha256").update([...eventIds].sort().join(",")).digest("hex").slice(0, 32)}`;

/** The event id inside a job id made by jobIdFor. */
export const eventIdOf = (jobId: string): string => jobId.slice(0, 36);
