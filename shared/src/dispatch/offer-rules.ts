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

/**
 * Offer waves come in rounds of `maxWaves`; when a round runs out with seats open, people are told to
 * dispatch by hand (人工派单). Wave numbers only rise, so offers and expiries of rounds stay apart.
 */
export interface WaveRoundState {
  /** The last wave sent. */
  wave: number;
  /** The wave the current round began after. */
  waveRoundStart: number;
}

/** The current round has used all its waves. */
export const waveRoundRunOut = (task: WaveRoundState, maxWaves: number): boolean => task.wave - task.waveRoundStart >= maxWaves;

/**
 * New demand gets a fresh round of waves: a headcount raise, a seat freed by a withdrawal, or a seat
 * released at a missed 到岗确认 deadline. It starts after the last wave sent, even when the earlier rounds ran
 * out and people were told to dispatch by hand (that notice is cleared; it is sent again if this round runs
 * out too). Workers already offered the task are not offered again: the candidate query leaves them out.
 */
export const freshWaveRound = (task: Pick<WaveRoundState, "wave">): { waveRoundStart: number; manualDispatchAt: null } => ({ waveRoundStart: task.wave, manualDispatchAt: null });
