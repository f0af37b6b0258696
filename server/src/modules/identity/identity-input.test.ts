// Issue 5, finding 8: free text is normalised before it is checked (so "  " is empty), invisible and control
// characters are refused, and a resident ID must start with a real province code.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users, workerProfiles } from "../../db/schema/index.js";
import { insertVenue, nextPhone, residentId, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const WALK_IN = `mutation($input: RegisterWorkerInput!) { registerWalkInWorker(input: $input) { userId realName homeAddress } }`;
const STAFF = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id displayName } }`;

let seq = 301;
const workerInput = (over: Record<string, unknown> = {}) => ({
  phone: nextPhone(),
  password: "Secret#2026",
  realName: "王大明",
  idNumber: residentId("1980-01-01", (seq += 2), "MALE"),
  skills: [],
  homeLat: 24.91,
  homeLng: 118.59,
  travelMode: "WALK",
  ...over,
});

describe("identity text and ID input", () => {
  let t: TestApi;
  let staff: string;
  let officer: string;
  let venueId: string;
  const counts = async () => {
    const [row] = await t.database.db.execute<{ users: number; workers: number }>(
      sql`select (select count(*) from users)::int as users, (select count(*) from worker_profiles)::int as workers`,
    );
    return row!;
  };
  beforeAll(async () => {
    t = await startTestApi();
    venueId = (await insertVenue(t.database.db, { status: "RECOGNIZED", regionCode: "350502" })).id;
    staff = (await signedIn(t, "VENUE_STAFF", { venueId, regionCode: "350502" })).token;
    officer = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" })).token;
  });
  afterAll(() => t?.close());

  it.each([
    ["a blank name", { realName: "   " }, "realName", "TEXT_REQUIRED"],
    ["a one-character name padded to pass the length check", { realName: " 王 " }, "realName", "TEXT_TOO_SHORT"],
    ["zero-width characters in the name", { realName: "王\u200b大明" }, "realName", "TEXT_INVISIBLE_CHAR"],
    ["a bidi control in the name", { realName: "\u2066王大明\u2069" }, "realName", "TEXT_INVISIBLE_CHAR"],
    ["a line break in the name", { realName: "王\n大明" }, "realName", "TEXT_LINE_BREAK"],
    ["a line break in the address", { homeAddress: "鲤城区\r\n温陵路1号" }, "homeAddress", "TEXT_LINE_BREAK"],
    ["an ID with area code 999999", { idNumber: residentId("1980-01-01", 7, "MALE", "999999") }, "idNumber", "ID_REGION"],
  ])("refuses %s (BAD_USER_INPUT) and writes nothing", async (_name, over, field, code) => {
    const before = await counts();
    const result = await t.gql(WALK_IN, { input: workerInput(over) }, staff);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field, code })] });
    expect(await counts()).toEqual(before);
  });

  it("stores names and addresses normalised; a blank address is no address", async () => {
    const { registerWalkInWorker: a } = await t.ok(WALK_IN, { input: workerInput({ realName: "  李　大伯 ", homeAddress: " 鲤城区温陵路１号 " }) }, staff);
    expect(a).toMatchObject({ realName: "李 大伯", homeAddress: "鲤城区温陵路1号" });
    const [user] = await t.database.db.select().from(users).where(eq(users.id, a.userId));
    expect(user!.displayName).toBe("李 大伯");
    const { registerWalkInWorker: b } = await t.ok(WALK_IN, { input: workerInput({ homeAddress: "   " }) }, staff);
    const [row] = await t.database.db.select().from(workerProfiles).where(eq(workerProfiles.userId, b.userId));
    expect(row!.homeAddress).toBeNull();
  });

  it("staff account names are normalised and checked the same way", async () => {
    const account = (displayName: string) => ({ input: { phone: nextPhone(), password: "Secret#2026", displayName, venueId } });
    const blank = await t.gql(STAFF, account("  "), officer);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reasons: [expect.objectContaining({ field: "displayName", code: "TEXT_REQUIRED" })] });
    const hidden = await t.gql(STAFF, account("陈丽娟\u200e\u200e"), officer);
    expect(hidden.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ field: "displayName", code: "TEXT_INVISIBLE_CHAR" }));
    expect((await t.ok(STAFF, account(" 陈丽娟 "), officer)).createStaffAccount.displayName).toBe("陈丽娟");
  });
});
