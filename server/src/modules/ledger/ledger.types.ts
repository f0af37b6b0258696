import { LEDGER_ACCOUNT_KIND, LEDGER_TRANSFER_KIND } from "@qz/shared";
import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, SafeInt, UUID } from "../../graphql/scalars.js";

export const LedgerAccountKind = graphqlEnum(LEDGER_ACCOUNT_KIND, "LedgerAccountKind", "账户类型");
export type LedgerAccountKind = (typeof LedgerAccountKind)[keyof typeof LedgerAccountKind];
export const LedgerTransferKind = graphqlEnum(LEDGER_TRANSFER_KIND, "LedgerTransferKind", "资金流水类型");
export type LedgerTransferKind = (typeof LedgerTransferKind)[keyof typeof LedgerTransferKind];

@ObjectType({ description: "One movement of money (balanced entries); `replayed` when the idempotency key had been used with the same body" })
export class LedgerTransfer {
  @Field(() => ID)
  id: string;

  @Field(() => LedgerTransferKind)
  kind: LedgerTransferKind;

  @Field(() => SafeInt, { description: "Amount in fen" })
  amountFen: number;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => Boolean, { description: "True when this is the first result returned again: nothing moved this time" })
  replayed: boolean;
}

@ObjectType({ description: "One leg of a transfer on an account: positive is money in" })
export class LedgerEntry {
  @Field(() => SafeInt)
  id: number;

  @Field(() => UUID)
  transferId: string;

  @Field(() => LedgerTransferKind)
  kind: LedgerTransferKind;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType({ description: "A wallet or escrow account; the balance is derived from its entries" })
export class LedgerAccount {
  @Field(() => UUID, { nullable: true, description: "Null until the first money moves" })
  id: string | null;

  @Field(() => LedgerAccountKind)
  kind: LedgerAccountKind;

  @Field(() => SafeInt, { description: "Balance in fen" })
  balanceFen: number;
}

@ArgsType()
export class EntriesArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;
}

@InputType()
export class TopUpWalletInput {
  @Field(() => SafeInt, { description: "Amount in fen" })
  amountFen: number;

  @Field(() => String, { description: "8–100 characters; retrying with the same key and amount returns the first result" })
  @MaxLength(100)
  idempotencyKey: string;
}

@InputType()
export class FundTaskEscrowInput {
  @Field(() => UUID)
  taskId: string;

  @Field(() => SafeInt, { description: "Amount in fen" })
  amountFen: number;

  @Field(() => String, { description: "8–100 characters; retrying with the same key and body returns the first result" })
  @MaxLength(100)
  idempotencyKey: string;
}
