// Issue 5, finding 2: the masked ID hides exactly the birth date (digits 7–14), so showing the birth date
// to anyone but the worker would rebuild the whole resident ID. Others get age and the 大龄 flag instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertVenue, nextPhone, residentId, signedIn, login } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const BIRTH = "1975-03-08";
const BIRTH_FORMS = [BIRTH, BIRTH.replaceAll("-", ""), "1975/03/08", "1975年3月8日"];

describe("who sees a worker's birth date", () => {
  let t: TestApi;
  let worker: { phone: string; password: string; idNumber: string };
  let staff: string;
  let allFields: string; // every leaf field of WorkerProfile, so a field added later is checked too
  beforeAll(async () => {
    t = await startTestApi();
    const { __type } = await t.ok(`{ __type(name: "WorkerProfile") { fields { name args { name } type { kind ofType { kind ofType { kind ofType { kind } } } } } } }`);
    type TypeRef = { kind: string; ofType?: TypeRef | null };
    const leaf = (ty: TypeRef): boolean => (ty.ofType ? leaf(ty.ofType) : ty.kind === "SCALAR" || ty.kind === "ENUM");
    allFields = __type.fields
      .filter((f: { args: unknown[]; type: TypeRef }) => f.args.length === 0 && leaf(f.type))
      .map((f: { name: string }) => f.name)
      .join(" ");
    const venue = await insertVenue(t.database.db, { status: "RECOGNIZED", regionCode: "350502" });
    staff = (await signedIn(t, "VENUE_STAFF", { venueId: venue.id, regionCode: "350502" })).token;
    worker = { phone: nextPhone(), password: "Secret#2026", idNumber: residentId(BIRTH, 201, "FEMALE") };
    await t.ok(`mutation($input: RegisterWorkerInput!) { registerWalkInWorker(input: $input) { userId } }`, {
      input: { ...worker, realName: "陈阿婆", skills: [{ skillCode: "CLEANING", level: 3 }], homeLat: 24.91, homeLng: 118.59, travelMode: "EBIKE" },
    }, staff);
  });
  afterAll(() => t?.close());

  const expectNoBirthDate = (data: unknown) => {
    const text = JSON.stringify(data);
    for (const form of BIRTH_FORMS) expect(text).not.toContain(form);
  };

  it("a county officer sees age and the 大龄 flag, never the birth date, in any field", async () => {
    const officer = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" })).token;
    const { workers } = await t.ok(`{ workers(limit: 20) { items { ${allFields} } } }`, {}, officer);
    const seen = workers.items.find((w: { idNumber: string }) => w.idNumber.endsWith(worker.idNumber.slice(-4)) && w.idNumber.startsWith("350502"));
    expect(seen).toMatchObject({ realName: "陈阿婆", birthDate: null, olderWorker: true });
    expect(seen.age).toBeGreaterThanOrEqual(51);
    expectNoBirthDate(workers);
  });

  it("venue staff registering a walk-in get the profile back without the birth date", async () => {
    const idNumber = residentId(BIRTH, 203, "FEMALE");
    const { registerWalkInWorker } = await t.ok(`mutation($input: RegisterWorkerInput!) { registerWalkInWorker(input: $input) { ${allFields} } }`, {
      input: { phone: nextPhone(), password: "Secret#2026", realName: "陈二婆", idNumber, skills: [], homeLat: 24.91, homeLng: 118.59, travelMode: "WALK" },
    }, staff);
    expect(registerWalkInWorker).toMatchObject({ birthDate: null, olderWorker: true });
    expectNoBirthDate(registerWalkInWorker);
  });

  it("the worker sees their own birth date", async () => {
    const token = await login(t, worker.phone, worker.password);
    const { me } = await t.ok(`{ me { workerProfile { ${allFields} } } }`, {}, token);
    expect(me.workerProfile).toMatchObject({ birthDate: BIRTH, olderWorker: true, realName: "陈阿婆" });
  });
});
