// 合同签订 (issue 7): drafted per engagement, signed by both after SMS codes and intent, verifiable by hash,
// frozen by the database, readable only by those entitled.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertUser } from "../../testing/factories.js";
import { insertEmployer } from "../dispatch/dispatch.fixtures.js";
import { callerOf, engagedWorker, insertRecognizedVenue, lastCode, sign, signBoth, type Engaged } from "./contract.fixtures.js";
import { createSigningKey, sha256Hex } from "./contract.signing.js";
import { verifyRows } from "./contract.service.js";
import { termsText } from "@qz/shared";

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? `${err.code}${err.reasons[0] ? `:${err.reasons[0].code}` : ""}` : `unexpected: ${String(err)}`),
  );
const pgMessage = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (err: { cause?: { message?: string }; message?: string }) => err.cause?.message ?? err.message ?? String(err),
  );

describe("contracts", () => {
  let h: ServiceHarness;
  let e: Engaged;
  let venueId: string;

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    venueId = (await insertRecognizedVenue(h.deps.db)).id;
    e = await engagedWorker(h);
  });
  afterAll(() => h?.close());

  it("drafts one part-time contract per engagement with canonical terms hashed by SHA-256", async () => {
    const c = await h.services.contracts.getContract(e.worker, e.contractId);
    expect(c).toMatchObject({ status: "PENDING", kind: "PART_TIME", templateVersion: "qz-part-time/2026.1", engagementId: e.engagementId });
    expect(c.termsHash).toBe(sha256Hex(termsText(c.terms)));
    const terms = c.terms as { parties: { worker: { maskedId: string } }; clauses: string[]; pay: { rateFen: number; minimumHourlyFen: number }; settlement: { mode: string } };
    expect(terms.parties.worker.maskedId).toMatch(/\*{4,}/);
    expect(terms.pay).toMatchObject({ rateFen: 2500, minimumHourlyFen: 2050 });
    expect(terms.settlement.mode).toBe("DAILY");
    expect(terms.clauses.join("")).toContain("第六十八条");
    // A second delivery of engagement.created finds the contract: still one.
    const again = await h.services.contracts.draftForEngagement({ actor: null, system: true, meta: { requestId: "x", ip: null, userAgent: null } }, e.engagementId);
    expect(again?.id).toBe(e.contractId);
  });

  it("an individual employer gets a service agreement (劳务协议)", async () => {
    const user = await insertUser(h.deps.db, "EMPLOYER");
    await h.deps.db.execute(sql`insert into employer_profiles (user_id, kind, name, id_number_blind_index, id_number_masked, contact_name, region_code)
      values (${user.id}, 'INDIVIDUAL', '林先生', ${`bi-${user.id}`}, '350502********0011', '林先生', '350502')`);
    const individual = await engagedWorker(h, { employer: callerOf(user.id, "EMPLOYER"), task: { lat: 24.915 } });
    const c = await h.services.contracts.getContract(individual.employer, individual.contractId);
    expect(c).toMatchObject({ kind: "SERVICE", templateVersion: "qz-service/2026.1" });
    expect((c.terms as { parties: { employer: { maskedId: string } } }).parties.employer.maskedId).toBe("350502********0011");
  });

  it("signing needs the SMS code, explicit intent and the hash read; refusals change nothing", async () => {
    const bad = (input: Partial<{ smsCode: string; termsHash: string; confirmIntent: boolean }>) =>
      codeOf(h.services.contracts.signContract(e.worker, { contractId: e.contractId, smsCode: "000000", termsHash: e.termsHash, confirmIntent: true, ...input }));
    await h.services.contracts.requestSigningCode(e.worker, e.contractId);
    const code = await lastCode(h, e.worker);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await bad({ smsCode: wrong })).toBe("BAD_USER_INPUT:SMS_CODE_INVALID");
    expect(await bad({ smsCode: code, confirmIntent: false })).toBe("BAD_USER_INPUT:INTENT_REQUIRED");
    expect(await bad({ smsCode: code, termsHash: "a".repeat(64) })).toBe("CONFLICT:TERMS_MISMATCH");
    expect(await bad({ smsCode: code, termsHash: "not-a-hash" })).toBe("BAD_USER_INPUT:HASH_FORMAT");
    const stranger = callerOf((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    expect(await codeOf(h.services.contracts.signContract(stranger, { contractId: e.contractId, smsCode: code, termsHash: e.termsHash, confirmIntent: true }))).toBe("NOT_FOUND");
    expect((await h.services.contracts.getContract(e.worker, e.contractId)).status).toBe("PENDING");
    expect(await h.services.contracts.signaturesOf(e.worker, e.contractId)).toEqual([]);
  });

  it("worker then employer sign: PARTIALLY_SIGNED → SIGNED, chained Ed25519 signatures, both notified", async () => {
    const first = await sign(h, e, e.worker);
    expect(first.status).toBe("PARTIALLY_SIGNED");
    expect(await codeOf(sign(h, e, e.worker))).toBe("CONFLICT:ALREADY_SIGNED");
    const second = await sign(h, e, e.employer);
    expect(second.status).toBe("SIGNED");
    const sigs = await h.services.contracts.signaturesOf(e.employer, e.contractId);
    expect(sigs.map((s) => [s.seq, s.party, s.ip, s.userAgent])).toEqual([
      [1, "WORKER", "10.0.0.8", "vitest/contract"],
      [2, "EMPLOYER", "10.0.0.8", "vitest/contract"],
    ]);
    expect(sigs[0]!.previousSignature).toBeNull();
    expect(sigs[1]!.previousSignature).toBe(sigs[0]!.platformSignature);
    expect(sigs[0]!.intentStatement).toContain("自愿签署");
    const ran = await h.deliverDueEvents();
    expect(ran.filter((r) => r.consumer === "notify.contract-signed").map((r) => r.outcome)).toEqual(["done"]);
    const verified = await h.services.contracts.verifyContract(e.termsHash);
    expect(verified).toMatchObject({ status: "SIGNED", termsIntact: true, valid: true });
    expect(verified!.workerName).toMatch(/^零\*+/);
    expect(verified!.signatures.every((s) => s.valid)).toBe(true);
    // The public key verifies a signature on its own.
    const key = createSigningKey(h.deps.config.contractSigningSeed);
    expect(key.publicKeyBase64).toBe(h.services.contracts.signingKey.publicKeyBase64);
  });

  it("the database refuses changes to signed terms and signatures, and any delete", async () => {
    const { db } = h.deps;
    expect(await pgMessage(db.execute(sql`update contracts set terms = jsonb_set(terms, '{pay,rateFen}', '1') where id = ${e.contractId}`))).toMatch(/terms cannot change/);
    expect(await pgMessage(db.execute(sql`update contracts set terms_hash = ${"b".repeat(64)} where id = ${e.contractId}`))).toMatch(/terms cannot change/);
    expect(await pgMessage(db.execute(sql`update contracts set status = 'PENDING' where id = ${e.contractId}`))).toMatch(/cannot return/);
    expect(await pgMessage(db.execute(sql`delete from contracts where id = ${e.contractId}`))).toMatch(/DELETE refused/);
    expect(await pgMessage(db.execute(sql`update contract_signatures set signed_at = now() where contract_id = ${e.contractId}`))).toMatch(/append-only/);
    expect(await pgMessage(db.execute(sql`delete from contract_signatures where contract_id = ${e.contractId}`))).toMatch(/append-only/);
    expect((await h.services.contracts.verifyContract(e.termsHash))!.valid).toBe(true);
  });

  it("altered terms or a forged signature fail verification", async () => {
    const c = await h.services.contracts.getContract(e.worker, e.contractId);
    const sigs = await h.services.contracts.signaturesOf(e.worker, e.contractId);
    const key = createSigningKey(h.deps.config.contractSigningSeed);
    expect(verifyRows(key, c, sigs).valid).toBe(true);
    const altered = { ...c, terms: { ...c.terms, pay: { rateFen: 1, unit: "HOUR", minimumHourlyFen: 2050 } } };
    expect(verifyRows(key, altered, sigs)).toMatchObject({ termsIntact: false, valid: false });
    const forged = sigs.map((s, i) => (i === 1 ? { ...s, platformSignature: Buffer.alloc(64, 7).toString("base64") } : s));
    expect(verifyRows(key, c, forged).valid).toBe(false);
    const otherKey = createSigningKey(Buffer.alloc(32, 1));
    const reSigned = sigs.map((s) => ({ ...s, platformSignature: otherKey.sign("x") }));
    expect(verifyRows(key, c, reSigned).valid).toBe(false);
    expect(verifyRows(key, c, [sigs[1]!]).valid).toBe(false); // chain broken / one party missing
    // And end to end: someone with database superuser rights edits the terms behind the trigger's back.
    await h.deps.db.execute(sql`alter table contracts disable trigger contracts_terms_frozen`);
    try {
      await h.deps.db.execute(sql`update contracts set terms = jsonb_set(terms, '{pay,rateFen}', '1') where id = ${e.contractId}`);
      expect(await h.services.contracts.verifyContract(e.termsHash)).toMatchObject({ termsIntact: false, valid: false });
      await h.deps.db.execute(sql`update contracts set terms = ${JSON.stringify(c.terms)}::jsonb where id = ${e.contractId}`);
    } finally {
      await h.deps.db.execute(sql`alter table contracts enable trigger contracts_terms_frozen`);
    }
    expect((await h.services.contracts.verifyContract(e.termsHash))!.valid).toBe(true);
    expect(await h.services.contracts.verifyContract("c".repeat(64))).toBeNull();
    expect(await codeOf(h.services.contracts.verifyContract("'; drop table contracts; --"))).toBe("BAD_USER_INPUT:HASH_FORMAT");
  });

  it("only the parties, the venue's staff and officers in scope can read it", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId: e.venueId, regionCode: "350502" });
    const otherStaff = await h.callerAs("VENUE_STAFF", { venueId: (await insertRecognizedVenue(h.deps.db, { lat: 24.95 })).id, regionCode: "350502" });
    const county = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    const otherCounty = await h.callerAs("COUNTY_OFFICER", { regionCode: "350582" });
    const city = await h.callerAs("CITY_OFFICER");
    const otherWorker = callerOf(randomUUID(), "WORKER");
    const read = (c: Parameters<typeof h.services.contracts.getContract>[0]) => codeOf(h.services.contracts.getContract(c, e.contractId));
    expect(await read(e.worker)).toBe("ok");
    expect(await read(e.employer)).toBe("ok");
    expect(await read(staff)).toBe("ok");
    expect(await read(county)).toBe("ok");
    expect(await read(city)).toBe("ok");
    expect(await read(otherStaff)).toBe("FORBIDDEN");
    expect(await read(otherCounty)).toBe("FORBIDDEN");
    expect(await read(otherWorker)).toBe("NOT_FOUND");
    expect(venueId).toBeTruthy();
  });

  it("a print link works for its reader until it expires, and a tampered one never", async () => {
    const { path } = await h.services.contracts.printLink(e.worker, e.contractId);
    const token = new URL(path, "http://x").searchParams.get("token")!;
    const view = await h.services.contracts.contractForPrint(e.contractId, token);
    expect(view?.verification.valid).toBe(true);
    expect(await h.services.contracts.contractForPrint(e.contractId, token.slice(0, -2) + "xx")).toBeNull();
    expect(await h.services.contracts.contractForPrint(randomUUID(), token)).toBeNull();
    h.clock.advance(301_000);
    expect(await h.services.contracts.contractForPrint(e.contractId, token)).toBeNull();
  });

  it("a task cancelled before signing voids its unsigned contracts; signed ones stay", async () => {
    const pending = await engagedWorker(h, { task: { lat: 24.93 } });
    await sign(h, pending, pending.worker);
    await h.services.dispatch.cancelTask(pending.employer, pending.taskId, "订单取消，不再需要");
    await h.deliverDueEvents();
    const c = await h.services.contracts.getContract(pending.worker, pending.contractId);
    expect(c).toMatchObject({ status: "VOID", endReason: "岗位已被用工方取消" });
    expect(await codeOf(sign(h, pending, pending.employer))).toBe("PRECONDITION_FAILED:CONTRACT_TRANSITION");
    const signed = await engagedWorker(h, { task: { lat: 24.94 } });
    await signBoth(h, signed);
    await h.services.dispatch.cancelTask(signed.employer, signed.taskId, "订单取消，不再需要");
    await h.deliverDueEvents();
    expect((await h.services.contracts.getContract(signed.worker, signed.contractId)).status).toBe("SIGNED");
  });
});
