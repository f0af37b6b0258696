import { defineEnum, SMS_PURPOSE } from "@qz/shared";
import { IsIn, MaxLength } from "class-validator";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime } from "../../graphql/scalars.js";

/** What an anonymous caller may ask a code for; contract signing and proxy confirmations are asked for signed in. */
const PUBLIC_SMS_PURPOSE = defineEnum({
  REGISTER: SMS_PURPOSE.labels.REGISTER,
  LOGIN: SMS_PURPOSE.labels.LOGIN,
  RESET_PASSWORD: SMS_PURPOSE.labels.RESET_PASSWORD,
});
export const PUBLIC_SMS_PURPOSES = PUBLIC_SMS_PURPOSE.values;
export const PublicSmsPurpose = graphqlEnum(PUBLIC_SMS_PURPOSE, "PublicSmsPurpose", "短信验证码用途 (anonymous requests)");
export type PublicSmsPurpose = (typeof PublicSmsPurpose)[keyof typeof PublicSmsPurpose];

@ArgsType()
export class RequestSmsCodeArgs {
  @Field(() => String, { description: "Mainland mobile number" })
  @MaxLength(20)
  phone: string;

  @Field(() => PublicSmsPurpose)
  @IsIn(PUBLIC_SMS_PURPOSES)
  purpose: PublicSmsPurpose;
}

@ObjectType({ description: "A code was sent (the same answer whether or not the phone has an account)" })
export class SmsCodeRequest {
  @Field(() => DateTime)
  expiresAt: Date;

  @Field(() => Int, { description: "Seconds before the same phone may ask again" })
  resendAfterSeconds: number;
}
