/** One reason a rule rejected its input: a stable machine code and a Chinese message for the console. */
export interface Reason {
  code: string;
  message: string;
}

/** A reason about one input field (`regionCode`, `days[2].date`), so the console can mark the field. */
export interface FieldReason extends Reason {
  field: string;
}

/** The outcome of a pure rule: the value, or every reason it was refused (STYLE.md "Errors"). */
export type Result<T> = { ok: true; value: T } | { ok: false; reasons: Reason[] };

/** Wraps a successful value. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Builds a failure from one or more reasons; typed as `Result<never>` so it fits any `Result<T>`. */
export const fail = (...reasons: Reason[]): Result<never> => ({ ok: false, reasons });
