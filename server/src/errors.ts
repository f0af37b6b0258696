/** The one error type services throw; the GraphQL formatter maps `code` to `extensions.code`. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "RATE_LIMITED";

export interface ErrorReason {
  code: string;
  message: string;
  field?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable reasons, e.g. from a shared rule's `{ ok: false, reasons }`. */
    readonly reasons: ErrorReason[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Throws BAD_USER_INPUT carrying a shared rule's reasons, tagged with the input field. */
export function badInput(field: string, reasons: { code: string; message: string }[]): never {
  throw new AppError(
    "BAD_USER_INPUT",
    reasons.map((r) => r.message).join("；"),
    reasons.map((r) => ({ ...r, field })),
  );
}

export const notFound = (entity: string, id: string): AppError =>
  new AppError("NOT_FOUND", `${entity} ${id} 不存在`);
