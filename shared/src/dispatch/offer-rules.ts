import { OFFER_STATUS, type OfferStatus } from "../catalog/enums.js";
import { defineLifecycle } from "../catalog/lifecycle.js";

export type OfferAction = "ACCEPT" | "DECLINE" | "EXPIRE" | "WITHDRAW";

/** 派单: OFFERED → ACCEPTED | DECLINED | EXPIRED | WITHDRAWN (the task filled or was cancelled). */
export const OFFER_LIFECYCLE = defineLifecycle<OfferStatus, OfferAction>({
  code: "OFFER",
  noun: "派单",
  states: OFFER_STATUS,
  transitions: {
    ACCEPT: { from: ["OFFERED"], to: "ACCEPTED" },
    DECLINE: { from: ["OFFERED"], to: "DECLINED" },
    EXPIRE: { from: ["OFFERED"], to: "EXPIRED" },
    WITHDRAW: { from: ["OFFERED"], to: "WITHDRAWN" },
  },
});

/** Dispatch settings (configuration; DESIGN §4). */
export interface DispatchSettings {
  offerTtlMinutes: number;
  maxWaves: number;
  /** Outstanding offers one worker may hold at once. */
  maxOutstandingOffers: number;
  offersPerSeat: number;
  maxWaveSize: number;
  /** A cancellation or withdrawal this close to the start counts as late. */
  lateHours: number;
  /** The worker confirms again (到岗确认) by this many hours before the start. */
  reconfirmHours: number;
  /** The reconfirmation reminder goes out this many hours before the start. */
  reconfirmReminderHours: number;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  offerTtlMinutes: 10,
  maxWaves: 3,
  maxOutstandingOffers: 3,
  offersPerSeat: 3,
  maxWaveSize: 20,
  lateHours: 24,
  reconfirmHours: 2,
  reconfirmReminderHours: 12,
};
