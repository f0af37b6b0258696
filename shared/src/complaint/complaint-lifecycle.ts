// 投诉 states and transitions (DESIGN §3, issue 8): who may do what is the service's business, this table
// only says which action leads where and which ones must give a reason.
import { COMPLAINT_STATUS, type ComplaintStatus } from "../catalog/enums.js";
import { defineLifecycle } from "../catalog/lifecycle.js";

export type ComplaintAction =
  | "ACCEPT"
  | "START"
  | "REQUEST_INFO"
  | "SUPPLY_INFO"
  | "EXTEND"
  | "RESOLVE"
  | "CLOSE"
  | "AUTO_CLOSE"
  | "REFUSE_RESOLUTION"
  | "REJECT"
  | "ESCALATE"
  | "WAGES_PAID";

/** States in which the complaint is still being handled (the SLA clock may run). */
export const OPEN_COMPLAINT_STATUSES = ["SUBMITTED", "ACCEPTED", "IN_PROGRESS", "WAITING_ON_COMPLAINANT", "ESCALATED"] as const satisfies readonly ComplaintStatus[];
/** A complaint that still stands against its respondent (a wage-arrears one stops the employer posting). */
export const STANDING_COMPLAINT_STATUSES = [...OPEN_COMPLAINT_STATUSES, "RESOLVED"] as const satisfies readonly ComplaintStatus[];

const HANDLING = ["ACCEPTED", "IN_PROGRESS", "ESCALATED"] as const satisfies readonly ComplaintStatus[];

/**
 * SUBMITTED → ACCEPTED → IN_PROGRESS → RESOLVED → CLOSED; REJECTED with a reason; WAITING_ON_COMPLAINANT
 * pauses the clock; refusing a resolution or missing a deadline → ESCALATED (the county officer's), from
 * where the officer works it and resolves it. EXTEND keeps the state (one extension of the resolve deadline).
 */
export const COMPLAINT_LIFECYCLE = defineLifecycle<ComplaintStatus, ComplaintAction>({
  code: "COMPLAINT",
  noun: "投诉",
  states: COMPLAINT_STATUS,
  reasonMessage: "该操作必须填写原因或处理意见",
  transitions: {
    ACCEPT: { from: ["SUBMITTED"], to: "ACCEPTED" },
    START: { from: ["ACCEPTED", "ESCALATED"], to: "IN_PROGRESS" },
    REQUEST_INFO: { from: HANDLING, to: "WAITING_ON_COMPLAINANT", needsReason: true },
    SUPPLY_INFO: { from: ["WAITING_ON_COMPLAINANT"], to: "IN_PROGRESS" },
    EXTEND: { from: ["ACCEPTED", "IN_PROGRESS"], to: "IN_PROGRESS", needsReason: true },
    RESOLVE: { from: HANDLING, to: "RESOLVED", needsReason: true },
    CLOSE: { from: ["RESOLVED"], to: "CLOSED" },
    AUTO_CLOSE: { from: ["RESOLVED"], to: "CLOSED" },
    REFUSE_RESOLUTION: { from: ["RESOLVED"], to: "ESCALATED", needsReason: true },
    REJECT: { from: ["SUBMITTED", "ACCEPTED", "IN_PROGRESS"], to: "REJECTED", needsReason: true },
    ESCALATE: { from: ["SUBMITTED", "ACCEPTED", "IN_PROGRESS"], to: "ESCALATED" },
    /** Wage arrears: the worker was paid, which resolves the complaint whatever stage it had reached. */
    WAGES_PAID: { from: [...OPEN_COMPLAINT_STATUSES], to: "RESOLVED" },
  },
});
