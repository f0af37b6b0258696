import { PAY_UNIT, PAYOUT_STATUS, SETTLEMENT_STATUS } from "@qz/shared";
import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, SafeInt, UUID } from "../../graphql/scalars.js";

export const SettlementStatus = graphqlEnum(SETTLEMENT_STATUS, "SettlementStatus", "结算状态");
export type SettlementStatus = (typeof SettlementStatus)[keyof typeof SettlementStatus];
export const PayoutStatus = graphqlEnum(PAYOUT_STATUS, "PayoutStatus", "银行支付状态");
export type PayoutStatus = (typeof PayoutStatus)[keyof typeof PayoutStatus];
export const SettlementPayUnit = graphqlEnum(PAY_UNIT, "SettlementPayUnit", "计酬方式");
export type SettlementPayUnit = (typeof SettlementPayUnit)[keyof typeof SettlementPayUnit];

@ObjectType({ description: "工资结算: one per engagement, amounts in fen" })
export class Settlement {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  engagementId: string;

  @Field(() => SettlementPayUnit)
  payUnit: SettlementPayUnit;

  @Field(() => SafeInt)
  rateFen: number;

  @Field(() => Int)
  minutes: number;

  @Field(() => Int, { nullable: true })
  pieces: number | null;

  @Field(() => SafeInt)
  wageFen: number;

  @Field(() => SafeInt)
  totalFen: number;

  @Field(() => SafeInt, { description: "The area's hourly minimum the wage was held to" })
  minimumHourlyFen: number;

  @Field(() => SettlementStatus)
  status: SettlementStatus;

  @Field(() => Boolean)
  autoConfirmed: boolean;

  @Field(() => String, { nullable: true })
  disputeReason: string | null;

  @Field(() => PayoutStatus)
  payoutStatus: PayoutStatus;

  @Field(() => DateTime, { nullable: true })
  paidAt: Date | null;
}

@InputType()
export class SubmitSettlementInput {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => Int, { nullable: true, description: "Pieces done (PIECE pay only)" })
  @Min(0)
  @Max(100_000)
  pieces?: number | null;
}

@ArgsType()
export class DisputeSettlementArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String)
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class PayWageForComplaintArgs {
  @Field(() => UUID)
  complaintId: string;

  @Field(() => String, { nullable: true, description: "处理说明 (default: 已由岗位托管资金代发工资)" })
  @MaxLength(2000)
  note?: string | null;
}
