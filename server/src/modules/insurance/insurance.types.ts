import { INSURANCE_COVERAGE } from "@qz/shared";
import { Field, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, UUID } from "../../graphql/scalars.js";

export const InsuranceCoverageStatus = graphqlEnum(INSURANCE_COVERAGE, "InsuranceCoverageStatus", "零工保条件");
export type InsuranceCoverageStatus = (typeof InsuranceCoverageStatus)[keyof typeof InsuranceCoverageStatus];

@ObjectType({ description: "零工保 evidence of one engagement: taken (接单) and paid (报酬结算) on the platform, and the policy reference" })
export class InsuranceCoverage {
  @Field(() => UUID)
  engagementId: string;

  @Field(() => InsuranceCoverageStatus)
  status: InsuranceCoverageStatus;

  @Field(() => DateTime, { nullable: true, description: "接单: when the engagement was created on the platform" })
  takenAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "报酬结算: when its settlement was paid on the platform" })
  paidAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  coverFrom: Date | null;

  @Field(() => DateTime, { nullable: true })
  coverTo: Date | null;

  @Field(() => String, { nullable: true, description: "The insurance adapter (INSURANCE_PROVIDER)" })
  provider: string | null;

  @Field(() => String, { nullable: true, description: "The insurer's policy reference" })
  policyRef: string | null;

  @Field(() => String, { nullable: true, description: "The day asked about (YYYY-MM-DD, Asia/Shanghai)" })
  day: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the cover can be proven for that day (null when no day was asked)" })
  coversDay: boolean | null;
}
