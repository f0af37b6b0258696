import { PAY_UNIT, PAYOUT_DIFFERENCE_KIND, PAYOUT_STATUS, RECONCILIATION_STATUS, SETTLEMENT_STATUS } from "@qz/shared";
import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, LocalDate, SafeInt, UUID } from "../../graphql/scalars.js";

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

  @Field(() => SafeInt, { description: "取消补偿: the late-cancellation fee (a fee-only settlement has wageFen 0 and minutes 0)" })
  cancellationFeeFen: number;

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

@ObjectType({ description: "非全日制 24-hour week (劳动合同法 §68): the worker's approved hours with this employer passed 24 in the week" })
export class PartTimeWeekFlag {
  @Field(() => LocalDate, { description: "Monday of the week (Asia/Shanghai)" })
  weekStart: string;

  @Field(() => Int, { description: "Approved minutes in the week when it was flagged" })
  minutes: number;

  @Field(() => DateTime)
  flaggedAt: Date;
}

export const PayoutDifferenceKind = graphqlEnum(PAYOUT_DIFFERENCE_KIND, "PayoutDifferenceKind", "对账差异类型");
export type PayoutDifferenceKind = (typeof PayoutDifferenceKind)[keyof typeof PayoutDifferenceKind];
export const ReconciliationStatus = graphqlEnum(RECONCILIATION_STATUS, "ReconciliationStatus", "对账结果");
export type ReconciliationStatus = (typeof ReconciliationStatus)[keyof typeof ReconciliationStatus];

@ObjectType({ description: "One payout on which the platform and the provider's statement disagree" })
export class PayoutDifference {
  @Field(() => ID)
  id: string;

  @Field(() => PayoutDifferenceKind)
  kind: PayoutDifferenceKind;

  @Field(() => String, { description: "The request id the platform sent the provider (settlement:attempt)" })
  requestId: string;

  @Field(() => UUID, { nullable: true })
  settlementId: string | null;

  @Field(() => UUID, { nullable: true })
  venueId: string | null;

  @Field(() => SafeInt, { nullable: true })
  platformFen: number | null;

  @Field(() => SafeInt, { nullable: true })
  providerFen: number | null;

  @Field(() => String, { nullable: true })
  platformStatus: string | null;

  @Field(() => String, { nullable: true })
  providerStatus: string | null;
}

@ObjectType({ description: "支付对账: one day's payouts against the provider's statement" })
export class PayoutReconciliation {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDate)
  day: string;

  @Field(() => ReconciliationStatus, { description: "In the reader's scope: CLEAN when none of its differences are theirs" })
  status: ReconciliationStatus;

  @Field(() => Int)
  platformCount: number;

  @Field(() => SafeInt)
  platformFen: number;

  @Field(() => Int)
  providerCount: number;

  @Field(() => SafeInt)
  providerFen: number;

  @Field(() => Int, { description: "Differences in the reader's scope" })
  differenceCount: number;

  @Field(() => DateTime)
  ranAt: Date;

  @Field(() => [PayoutDifference])
  differences: PayoutDifference[];
}

@ObjectType()
export class PayoutReconciliationPage {
  @Field(() => [PayoutReconciliation])
  items: PayoutReconciliation[];

  @Field(() => Int)
  total: number;
}
