import { ArgsType, Field, Int } from "type-graphql";
import { Max, Min } from "class-validator";

/** Offset paging with a hard page-size cap, so no list can be dumped in one request. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1_000_000)
  offset: number;
}

/** Query cost of a page: each item costs its selection. */
export const pageComplexity = ({ args, childComplexity }: { args: { limit?: number }; childComplexity: number }) =>
  1 + (args.limit ?? 20) * childComplexity;
