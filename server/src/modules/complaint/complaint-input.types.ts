// What callers send to file, handle, close and list complaints.
import { COMPLAINT_CATEGORY, COMPLAINT_CHANNEL, COMPLAINT_RESPONDENT_KIND } from "@qz/shared";
import { IsIn, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, InputType, Int } from "type-graphql";
import { SafeInt, UUID } from "../../graphql/scalars.js";
import { COMPLAINT_HANDLER_ACTION, ComplaintCategory, ComplaintChannel, ComplaintHandlerAction, ComplaintRespondentKind, ComplaintStatus } from "./complaint.types.js";

@InputType()
export class FileComplaintInput {
  @Field(() => ComplaintCategory)
  @IsIn(COMPLAINT_CATEGORY.values)
  category: ComplaintCategory;

  @Field(() => String)
  @MaxLength(60)
  title: string;

  @Field(() => String)
  @MaxLength(4000)
  description: string;

  @Field(() => UUID, { nullable: true, description: "Staff filing for a walk-in or hotline caller: the complainant's account" })
  complainantId?: string | null;

  @Field(() => ComplaintChannel, { nullable: true, description: "Staff only: WALK_IN (default) or HOTLINE" })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNEL.values)
  channel?: ComplaintChannel | null;

  @Field(() => ComplaintRespondentKind, { nullable: true, description: "Defaults to the other side of the job" })
  @IsOptional()
  @IsIn(COMPLAINT_RESPONDENT_KIND.values)
  respondentKind?: ComplaintRespondentKind | null;

  @Field(() => UUID, { nullable: true })
  respondentUserId?: string | null;

  @Field(() => UUID, { nullable: true, description: "The venue complained about (SERVICE)" })
  respondentVenueId?: string | null;

  @Field(() => UUID, { nullable: true })
  taskId?: string | null;

  @Field(() => UUID, { nullable: true })
  engagementId?: string | null;

  @Field(() => UUID, { nullable: true })
  contractId?: string | null;

  @Field(() => UUID, { nullable: true })
  settlementId?: string | null;

  @Field(() => SafeInt, { nullable: true, description: "Wages owed in fen (WAGE_ARREARS)" })
  amountFen?: number | null;
}

@ArgsType()
export class HandleComplaintArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => ComplaintHandlerAction)
  @IsIn(COMPLAINT_HANDLER_ACTION.values)
  action: ComplaintHandlerAction;

  @Field(() => String, { nullable: true, description: "Required for REQUEST_INFO, EXTEND, RESOLVE and REJECT" })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class ComplaintNoteArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => String)
  @MaxLength(2000)
  note: string;
}

@ArgsType()
export class CloseComplaintArgs {
  @Field(() => UUID)
  id: string;

  @Field(() => Int, { description: "The complainant's rating of the outcome, 1–5" })
  stars: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  comment?: string | null;
}

@ArgsType()
export class ComplaintListArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  limit: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1_000_000)
  offset: number;

  @Field(() => ComplaintStatus, { nullable: true })
  status?: ComplaintStatus | null;

  @Field(() => Boolean, { nullable: true, description: "Only complaints still being handled" })
  openOnly?: boolean | null;

  @Field(() => ComplaintCategory, { nullable: true })
  category?: ComplaintCategory | null;
}
