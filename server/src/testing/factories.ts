// Test data builders: valid identifiers by construction, accounts inserted directly, sessions via the real login.
import { creditCodeCheckChar, residentIdCheckDigit } from "@qz/shared";
import type { Db } from "../db/client.js";
import { users, venues } from "../db/schema/index.js";
import type { Role } from "../access/actor.js";
import { hashPassword } from "../modules/identity/password.js";
import { LogSmsProvider } from "../modules/sms/sms.provider.js";
import type { PublicSmsPurpose } from "../modules/sms/sms.types.js";
import type { TestApi } from "./test-app.js";

export const TEST_PASSWORD = "Test@12345";
let passwordHash: Promise<string> | undefined;
let counter = 0;

/** A unique, valid mainland mobile number. */
export const nextPhone = () => `139${String(process.pid % 1000).padStart(3, "0")}${String(++counter).padStart(5, "0")}`;

/** A valid 18-digit resident ID (GB 11643) for the given birth date and sex. */
export function residentId(birth = "19900101", sequence = 1, gender: "MALE" | "FEMALE" = "MALE", area = "350502"): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (gender === "MALE")) seq = (seq + 1) % 1000;
  const first17 = `${area}${birth.replaceAll("-", "")}${String(seq).padStart(3, "0")}`;
  return first17 + residentIdCheckDigit(first17);
}

/** A valid unified social credit code (GB 32100) built from a number. */
export function creditCode(n: number): string {
  const first17 = `913505${String(n).padStart(11, "0")}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

export async function insertUser(db: Db, role: Role, extra: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const phone = extra.phone ?? nextPhone();
  const [user] = await db
    .insert(users)
    .values({ phone, passwordHash: await passwordHash, role, displayName: `${role} ${phone}`, ...extra })
    .returning();
  return user!;
}

export async function insertVenue(db: Db, extra: Partial<typeof venues.$inferInsert> = {}) {
  const [venue] = await db
    .insert(venues)
    .values({
      name: `测试零工驿站${++counter}`,
      type: "STATION",
      regionCode: "350502",
      address: "鲤城区中山路1号",
      lat: 24.9,
      lng: 118.58,
      operatorName: "测试运营单位",
      operatorCreditCode: creditCode(counter),
      ...extra,
    })
    .returning();
  return venue!;
}

/** Logs in through the API and returns the access token. */
export async function login(t: TestApi, phone: string, password = TEST_PASSWORD): Promise<string> {
  const data = await t.ok<{ login: { accessToken: string } }>(
    `mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`,
    { p: phone, w: password },
  );
  return data.login.accessToken;
}

/** Inserts a user of the role and logs them in. */
export async function signedIn(t: TestApi, role: Role, extra: Partial<typeof users.$inferInsert> = {}) {
  const user = await insertUser(t.database.db, role, extra);
  return { user, token: await login(t, user.phone) };
}

/** The test API's logging SMS provider: its outbox holds every message "sent". */
export function smsOutbox(t: TestApi): LogSmsProvider {
  const { sms } = t.api.deps;
  if (!(sms instanceof LogSmsProvider)) throw new Error("tests read SMS codes from SMS_PROVIDER=log");
  return sms;
}

/** Asks the API for a code and reads it from the logging provider, as the phone's owner would read the SMS. */
export async function requestSmsCode(t: TestApi, phone: string, purpose: PublicSmsPurpose = "REGISTER"): Promise<string> {
  await t.ok(`mutation($p: String!, $u: PublicSmsPurpose!) { requestSmsCode(phone: $p, purpose: $u) { expiresAt } }`, { p: phone, u: purpose });
  const code = smsOutbox(t).lastCodeFor(phone);
  if (!code) throw new Error(`no SMS code was sent to ${phone}`);
  return code;
}

/** Self-registration as a person does it: a REGISTER code for the phone, then registerWorker or registerEmployer. */
export async function registerWithCode(
  t: TestApi,
  mutation: "registerWorker" | "registerEmployer",
  input: { phone: string } & Record<string, unknown>,
  selection = "accessToken refreshToken",
) {
  const smsCode = await requestSmsCode(t, input.phone, "REGISTER");
  const type = mutation === "registerWorker" ? "RegisterWorkerInput" : "RegisterEmployerInput";
  const data = await t.ok<Record<string, Record<string, string>>>(
    `mutation($input: ${type}!, $code: String!) { ${mutation}(input: $input, smsCode: $code) { ${selection} } }`,
    { input, code: smsCode },
  );
  return data[mutation]!;
}
