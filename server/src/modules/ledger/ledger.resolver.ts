import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow } from "../../graphql/auth-decorators.js";
import { pageComplexity } from "../../graphql/pagination.js";
import { UUID } from "../../graphql/scalars.js";
import { EntriesArgs, FundTaskEscrowInput, LedgerAccount, LedgerEntry, LedgerTransfer, TopUpWalletInput } from "./ledger.types.js";

@Resolver(() => LedgerAccount)
export class LedgerResolver {
  @Allow("WORKER", "EMPLOYER")
  @Query(() => LedgerAccount, { description: "The signed-in worker's or employer's wallet" })
  myWallet(@Ctx() ctx: Context) {
    return ctx.services.ledger.myWallet(ctx.caller);
  }

  @Allow()
  @Query(() => LedgerAccount, { description: "Wages held in escrow for a task (its employer, staff and officers in scope)" })
  taskEscrow(@Arg("taskId", () => UUID) taskId: string, @Ctx() ctx: Context) {
    return ctx.services.ledger.taskEscrow(ctx.caller, taskId);
  }

  @Allow("EMPLOYER")
  @Mutation(() => LedgerTransfer, { description: "模拟充值: demo money from a mock bank (off in production)" })
  topUpWallet(@Arg("input", () => TopUpWalletInput) input: TopUpWalletInput, @Ctx() ctx: Context) {
    return ctx.services.ledger.topUpWallet(ctx.caller, input);
  }

  @Allow("EMPLOYER")
  @Mutation(() => LedgerTransfer, { description: "托管工资: move money from the employer's wallet into a task's escrow" })
  fundTaskEscrow(@Arg("input", () => FundTaskEscrowInput) input: FundTaskEscrowInput, @Ctx() ctx: Context) {
    return ctx.services.ledger.fundTaskEscrow(ctx.caller, input);
  }

  @FieldResolver(() => [LedgerEntry], { complexity: pageComplexity, description: "Latest entries first" })
  entries(@Root() account: LedgerAccount, @Args(() => EntriesArgs) { limit }: EntriesArgs, @Ctx() ctx: Context) {
    return ctx.services.ledger.entriesOf(account.id, limit);
  }
}
