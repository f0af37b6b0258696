import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isRedisUnavailableError, isTransientConnectionError } from "../db/connection-errors.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";

/** GraphQL's own request errors are already typed and safe to show. */
const PASS_THROUGH = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  // Our own codes, when raised outside a resolver (context, plugins) as GraphQLErrors.
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function validationReasons(errors: ValidationErrorLike[], prefix = ""): { code: string; field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ code: "INVALID_FIELD", field, message }));
    return [...own, ...validationReasons(e.children ?? [], field)];
  });
}

/** drizzle's "Failed query" message ends with `params: …`; values may span lines, so everything from there goes. */
const PARAMS_TO_END = /(^|\n)params:[\s\S]*$/;

/**
 * What of an unexpected error may be logged: drizzle puts a failed query's parameters (password hashes,
 * ID numbers) into its message, so they are cut; PostgreSQL's own message quotes input values
 * (`invalid input syntax for type uuid: "…"`), so of the cause only its code and constraint stay.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: "[non-error value redacted]" };
  const cause = (err as { cause?: { code?: string; constraint_name?: string } }).cause;
  const message = err.message.replace(PARAMS_TO_END, "$1params: [redacted]");
  // The stack repeats the message before the frames: swap in the redacted one, or drop a stack that does not match.
  const stack = err.stack?.includes(err.message) ? err.stack.replace(err.message, () => message) : undefined;
  return {
    type: err.name,
    message,
    stack,
    ...(cause && typeof cause === "object" && { cause: { code: cause.code, constraint: cause.constraint_name } }),
  };
}

/** graphql-js suggests schema names on a typo (` Did you mean "phone"?`): in production that maps the schema for a stranger. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * Maps every error once: AppError → its code; validation → BAD_USER_INPUT with reasons; PostgreSQL or Redis out of
 * reach → UNAVAILABLE (retry); anything else → INTERNAL, logged.
 */
export function createErrorFormatter(logger: Logger, options: { hideSuggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, reasons: original.reasons },
      };
    }
    if (original instanceof GraphQLError && Array.isArray(original.extensions?.validationErrors)) {
      const reasons = validationReasons(original.extensions.validationErrors as ValidationErrorLike[]);
      return {
        message: reasons.map((r) => `${r.field}: ${r.message}`).join("；") || "输入有误",
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: "BAD_USER_INPUT", reasons },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && PASS_THROUGH.has(code)) {
      return options.hideSuggestions ? { ...formatted, message: formatted.message.replace(SUGGESTION, "") } : formatted;
    }
    // PostgreSQL or Redis was unreachable (restarting, failing over, pgbouncer waiting for it): the operation failed
    // whole (every write is one transaction), so the client may simply send it again.
    if (isTransientConnectionError(original) || isTransientConnectionError((original as { cause?: unknown } | null)?.cause) || isRedisUnavailableError(original)) {
      logger.warn({ error: loggableError(original) }, "database or Redis unavailable during a GraphQL operation");
      return { message: "服务暂时不可用，请稍后重试", path: formatted.path, extensions: { code: "UNAVAILABLE" } };
    }
    logger.error({ error: loggableError(original) }, "unhandled error in GraphQL operation");
    return { message: "服务器内部错误", path: formatted.path, extensions: { code: "INTERNAL" } };
  };
}
