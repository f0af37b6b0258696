import type { Reason, Result } from "../result.js";
import type { EnumDefinition } from "./define-enum.js";

/** One action of a lifecycle: the states it may start from, the state it leads to, and whether it needs a reason. */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  /** Refusals and withdrawals must say why (the reason is shown to the other party and audited). */
  needsReason?: boolean;
}

export interface Lifecycle<S extends string, A extends string> {
  /** The state `action` leads to from `from`, or the named reasons it is refused. */
  next(from: S, action: A, reason?: string | null): Result<S>;
  /** The actions possible from a state (for the console's buttons). */
  actionsFrom(from: S): A[];
  /** True when no action leads out of the state. */
  isFinal(state: S): boolean;
}

/**
 * A typed state machine (task, offer, contract, settlement, complaint, application…): transitions are
 * data, refusals carry a stable code (`<PREFIX>_TRANSITION`, `<PREFIX>_REASON_REQUIRED`) and a zh-CN
 * message naming the current state, as the console shows it.
 */
export function defineLifecycle<S extends string, A extends string>(spec: {
  /** Code prefix of refusals, e.g. "VENUE" → VENUE_TRANSITION. */
  code: string;
  /** What the machine is about, in the message: 场所, 合同… */
  noun: string;
  states: EnumDefinition<S>;
  transitions: Record<A, Transition<S>>;
  /** zh-CN message when a reason is missing, per action; a generic one otherwise. */
  reasonMessage?: string;
}): Lifecycle<S, A> {
  const entries = Object.entries(spec.transitions) as [A, Transition<S>][];
  const refuse = (reason: Reason): Result<S> => ({ ok: false, reasons: [reason] });
  return {
    next(from, action, reason) {
      const t = spec.transitions[action];
      if (!t || !t.from.includes(from)) {
        return refuse({ code: `${spec.code}_TRANSITION`, message: `${spec.noun}当前状态为“${spec.states.labels[from] ?? from}”，不能执行该操作` });
      }
      if (t.needsReason && !reason?.trim()) {
        return refuse({ code: `${spec.code}_REASON_REQUIRED`, message: spec.reasonMessage ?? "该操作必须填写原因" });
      }
      return { ok: true, value: t.to };
    },
    actionsFrom: (from) => entries.filter(([, t]) => t.from.includes(from)).map(([a]) => a),
    isFinal: (state) => !entries.some(([, t]) => t.from.includes(state)),
  };
}
