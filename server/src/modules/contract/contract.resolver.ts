import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow, Public } from "../../graphql/auth-decorators.js";
import { pageComplexity } from "../../graphql/pagination.js";
import { UUID } from "../../graphql/scalars.js";
import { SmsCodeRequest } from "../sms/sms.types.js";
import { EntriesArgs } from "../ledger/ledger.types.js";
import { termsText } from "@qz/shared";
import { Contract, ContractPrintLink, ContractSignature, ContractSigningKey, ContractVerification, SignContractInput } from "./contract.types.js";
import type { ContractRow } from "./contract.repo.js";

@ArgsType()
class VerifyContractArgs {
  @Field(() => String, { description: "The contract's SHA-256 termsHash (64 hex characters)" })
  @MaxLength(64)
  hash: string;
}

@Resolver(() => Contract)
export class ContractResolver {
  @Allow()
  @Query(() => Contract, { description: "A contract: its parties, the venue's staff and officers in scope" })
  contract(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.getContract(ctx.caller, id);
  }

  @Allow()
  @Query(() => Contract, { nullable: true, description: "The engagement's contract (null until drafted)" })
  contractOfEngagement(@Arg("engagementId", () => UUID) engagementId: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.contractOfEngagement(ctx.caller, engagementId);
  }

  @Allow("WORKER", "EMPLOYER")
  @Query(() => [Contract], { complexity: pageComplexity })
  myContracts(@Args(() => EntriesArgs) { limit }: EntriesArgs, @Ctx() ctx: Context) {
    return ctx.services.contracts.myContracts(ctx.caller, limit);
  }

  @Public()
  @Query(() => ContractVerification, { nullable: true, description: "Public check of a contract by its hash: masked parties, status, signature validity" })
  verifyContract(@Args(() => VerifyContractArgs) { hash }: VerifyContractArgs, @Ctx() ctx: Context) {
    return ctx.services.contracts.verifyContract(hash);
  }

  @Public()
  @Query(() => ContractSigningKey, { description: "The platform's contract-signing public key (also at /.well-known/contract-signing-key)" })
  contractSigningKey(@Ctx() ctx: Context) {
    return ctx.services.contracts.signingKey;
  }

  @Allow("WORKER", "EMPLOYER")
  @Mutation(() => SmsCodeRequest, { description: "Texts the signer a SIGN_CONTRACT code" })
  requestContractSigningCode(@Arg("contractId", () => UUID) contractId: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.requestSigningCode(ctx.caller, contractId);
  }

  @Allow("WORKER", "EMPLOYER")
  @Mutation(() => Contract, { description: "Signs as the caller's party after the SMS code and an explicit intent confirmation" })
  signContract(@Arg("input", () => SignContractInput) input: SignContractInput, @Ctx() ctx: Context) {
    return ctx.services.contracts.signContract(ctx.caller, input);
  }

  @Allow()
  @Mutation(() => ContractPrintLink, { description: "A 5-minute link to the printable page" })
  contractPrintLink(@Arg("id", () => UUID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.printLink(ctx.caller, id);
  }

  @FieldResolver(() => String, { description: "合同标题" })
  title(@Root() c: ContractRow) {
    return String(c.terms.title);
  }

  @FieldResolver(() => [String], { description: "The clauses as signed" })
  clauses(@Root() c: ContractRow) {
    return (c.terms.clauses as string[]) ?? [];
  }

  @FieldResolver(() => String, { description: "The canonical terms JSON whose SHA-256 is termsHash" })
  termsJson(@Root() c: ContractRow) {
    return termsText(c.terms);
  }

  @FieldResolver(() => [ContractSignature])
  signatures(@Root() c: ContractRow, @Ctx() ctx: Context) {
    return ctx.services.contracts.signaturesOf(ctx.caller, c.id);
  }
}
