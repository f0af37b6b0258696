import { GraphQLError } from "graphql";
import { ArgsType, Field, Int } from "type-graphql";
import { Max, Min } from "class-validator";

export const MAX_PAGE_SIZE = 100;

/** Offset paging with a hard page-size cap, so no list can be dumped in one request. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1_000_000)
  offset: number;
}

/**
 * Query cost of a page: each item costs its selection. Costing runs before class-validator, so the
 * range is checked here too: a negative limit would otherwise make the cost negative and let any
 * number of aliased pages through (finding: 3,000 pages ran 6,099 transactions).
 */
export const pageComplexity = ({ args, childComplexity }: { args: { limit?: number }; childComplexity: number }) => {
  const limit = args.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new GraphQLError(`limit 应在 1 到 ${MAX_PAGE_SIZE} 之间`, {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 }, reasons: [{ code: "INVALID_FIELD", field: "limit", message: `limit must be 1..${MAX_PAGE_SIZE}` }] },
    });
  }
  return 1 + limit * childComplexity;
};
