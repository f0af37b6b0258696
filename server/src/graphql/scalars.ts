import { DateTimeResolver, LocalDateResolver, SafeIntResolver, UUIDResolver } from "graphql-scalars";

/** Times are DateTime (timestamptz); business dates are LocalDate (Asia/Shanghai); money is SafeInt fen. */
export { DateTimeResolver as DateTime, LocalDateResolver as LocalDate, SafeIntResolver as SafeInt, UUIDResolver as UUID };
