import { CONTRACT_KIND, CONTRACT_PARTY, CONTRACT_STATUS } from "@qz/shared";
import { Equals, Matches, MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, UUID } from "../../graphql/scalars.js";

export const ContractStatus = graphqlEnum(CONTRACT_STATUS, "ContractStatus", "合同状态");
export type ContractStatus = (typeof ContractStatus)[keyof typeof ContractStatus];
export const ContractKind = graphqlEnum(CONTRACT_KIND, "ContractKind", "合同类型");
export type ContractKind = (typeof ContractKind)[keyof typeof ContractKind];
export const ContractParty = graphqlEnum(CONTRACT_PARTY, "ContractParty", "签署方");
export type ContractParty = (typeof ContractParty)[keyof typeof ContractParty];

@ObjectType({ description: "One party's signature: who, when, from where, and the platform's Ed25519 signature over (hash, signer, time, previous signature)" })
export class ContractSignature {
  @Field(() => Number)
  seq: number;

  @Field(() => ContractParty)
  party: ContractParty;

  @Field(() => UUID)
  signerId: string;

  @Field(() => DateTime)
  signedAt: Date;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => String, { description: "The statement the signer explicitly confirmed" })
  intentStatement: string;

  @Field(() => String, { description: "Base64 Ed25519 signature by the platform key" })
  platformSignature: string;

  @Field(() => String, { nullable: true, description: "The previous signature in the chain (null for the first)" })
  previousSignature: string | null;

  @Field(() => String)
  keyId: string;
}

@ObjectType({ description: "合同: one per engagement, canonical terms hashed with SHA-256" })
export class Contract {
  @Field(() => ID)
  id: string;

  @Field(() => UUID)
  engagementId: string;

  @Field(() => UUID)
  taskId: string;

  @Field(() => UUID)
  workerId: string;

  @Field(() => UUID)
  employerId: string;

  @Field(() => ContractKind)
  kind: ContractKind;

  @Field(() => String)
  templateVersion: string;

  @Field(() => ContractStatus)
  status: ContractStatus;

  @Field(() => String, { description: "SHA-256 of the canonical terms JSON (hex): sign with it, verify by it" })
  termsHash: string;

  @Field(() => DateTime, { nullable: true })
  signedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  endedAt: Date | null;

  @Field(() => String, { nullable: true })
  endReason: string | null;

  @Field(() => DateTime)
  createdAt: Date;

  terms: Record<string, unknown>;
}

@ObjectType()
export class VerifiedSignature {
  @Field(() => ContractParty)
  party: ContractParty;

  @Field(() => DateTime)
  signedAt: Date;

  @Field(() => String)
  keyId: string;

  @Field(() => Boolean)
  valid: boolean;
}

@ObjectType({ description: "What anyone can learn from a contract's hash: masked parties, status, and whether terms and signatures check out" })
export class ContractVerification {
  @Field(() => String)
  termsHash: string;

  @Field(() => ContractKind)
  kind: ContractKind;

  @Field(() => String)
  templateVersion: string;

  @Field(() => ContractStatus)
  status: ContractStatus;

  @Field(() => String)
  employerName: string;

  @Field(() => String)
  employerMaskedId: string;

  @Field(() => String)
  workerName: string;

  @Field(() => String)
  workerMaskedId: string;

  @Field(() => Boolean, { description: "The stored terms still hash to termsHash" })
  termsIntact: boolean;

  @Field(() => Boolean, { description: "Terms intact, every signature valid and chained, and both parties signed where the status says so" })
  valid: boolean;

  @Field(() => [VerifiedSignature])
  signatures: VerifiedSignature[];
}

@ObjectType()
export class ContractSigningKey {
  @Field(() => String)
  algorithm: string;

  @Field(() => String)
  keyId: string;

  @Field(() => String, { description: "Raw 32-byte Ed25519 public key, base64" })
  publicKeyBase64: string;

  @Field(() => String)
  publicKeyPem: string;
}

@ObjectType()
export class ContractPrintLink {
  @Field(() => String, { description: "Path of the printable page (append to the API's origin); works until expiresAt" })
  path: string;

  @Field(() => String, { description: "Path of the same contract as a PDF (zh-CN, Noto Sans SC embedded); same token, same expiry" })
  pdfPath: string;

  @Field(() => DateTime)
  expiresAt: Date;
}

@InputType()
export class SignContractInput {
  @Field(() => UUID)
  contractId: string;

  @Field(() => String, { description: "The SIGN_CONTRACT code texted to the signer" })
  @MaxLength(6)
  @Matches(/^\d{6}$/, { message: "验证码为6位数字" })
  smsCode: string;

  @Field(() => String, { description: "The termsHash of the version the signer read" })
  @MaxLength(64)
  termsHash: string;

  @Field(() => Boolean, { description: "Must be true: 本人已阅读并同意全部条款，自愿签署" })
  @Equals(true, { message: "请确认已阅读并同意合同全部条款" })
  confirmIntent: boolean;
}
