import { GraphQLError, GraphQLScalarType, type ValueNode } from "graphql";
import { DateTimeResolver, LocalDateResolver, SafeIntResolver, UUIDResolver } from "graphql-scalars";

/**
 * Years a business date or time may carry. graphql-scalars accepts 0000-01-01, which PostgreSQL refuses
 * (22008) deep in a write; nothing in this service predates 1900 (birth dates included) or plans past 2200.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const outOfRange = () =>
  new GraphQLError(`日期超出允许范围（${MIN_YEAR}–${MAX_YEAR} 年）`, {
    extensions: { code: "BAD_USER_INPUT", reasons: [{ code: "DATE_OUT_OF_RANGE", message: `year must be ${MIN_YEAR}..${MAX_YEAR}` }] },
  });

/** The same scalar (name, description, printed SDL) with a year check on every input. */
function withYearBounds<T>(base: GraphQLScalarType, yearOf: (parsed: T) => number): GraphQLScalarType {
  const config = base.toConfig();
  const check = (parsed: T): T => {
    const year = yearOf(parsed);
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw outOfRange();
    return parsed;
  };
  return new GraphQLScalarType({
    ...config,
    parseValue: (value: unknown) => check(config.parseValue!(value) as T),
    parseLiteral: (node: ValueNode, variables?: Record<string, unknown> | null) => check(config.parseLiteral!(node, variables) as T),
  });
}

const LocalDate = withYearBounds<string>(LocalDateResolver, (date) => Number(date.slice(0, 4)));
const DateTime = withYearBounds<Date>(DateTimeResolver, (time) => time.getUTCFullYear());

/** Times are DateTime (timestamptz); business dates are LocalDate (Asia/Shanghai); money is SafeInt fen. */
export { DateTime, LocalDate, SafeIntResolver as SafeInt, UUIDResolver as UUID };
