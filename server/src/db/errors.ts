/** The PostgreSQL error behind a drizzle or postgres.js error, if any. */
function pgError(err: unknown): { code?: string; constraint_name?: string } | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 3; depth++) {
    if (typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string") {
      return e as { code?: string; constraint_name?: string };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** True when the error is a unique violation, optionally on one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  return pg?.code === "23505" && (!constraint || pg.constraint_name === constraint);
}

/** True when the error is an exclusion-constraint violation (EXCLUDE USING gist …), optionally on one named constraint. */
export function isExclusionViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  return pg?.code === "23P01" && (!constraint || pg.constraint_name === constraint);
}
