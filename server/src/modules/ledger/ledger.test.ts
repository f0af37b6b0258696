// The money path's foundation: balanced, idempotent transfers whose balances the database derives, and no
// wallet or escrow below zero under any concurrency (issue 7, ledger).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, ledgerTransfers } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { Caller } from "../../access/actor.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertEmployer, insertRecognizedVenue, taskCommand } from "../dispatch/dispatch.fixtures.js";
import { BANK, CLEARING, escrowOf, wallet, type TransferCommand } from "./ledger.service.js";

const asCaller = (userId: string, role: "EMPLOYER" | "WORKER"): Caller => ({
  actor: { userId, role, venueId: null, regionCode: null },
  meta: { requestId: `t-${userId.slice(0, 6)}`, ip: "127.0.0.1", userAgent: "vitest" },
});

/** The PostgreSQL message behind drizzle's "Failed query" wrapper. */
const pgMessage = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (err: { cause?: { message?: string }; message?: string }) => err.cause?.message ?? err.message ?? String(err),
  );

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? err.code : `unexpected: ${String(err)}`),
  );

describe("ledger", () => {
  let h: ServiceHarness;
  let employer: Caller;
  let taskId: string;
  const transfers = async () => (await h.deps.db.select({ n: count() }).from(ledgerTransfers))[0]!.n;

  beforeAll(async () => {
    h = await createServiceHarness({ env: { DATABASE_POOL_MAX: "20" } });
    await insertRecognizedVenue(h.deps.db);
    employer = asCaller((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    taskId = (await h.services.dispatch.postTask(employer, taskCommand(h.clock.now()))).id;
  });
  afterAll(() => h?.close());

  it("tops up a wallet and funds a task's escrow, balances derived from entries, audited", async () => {
    const top = await h.services.ledger.topUpWallet(employer, { amountFen: 100_000, idempotencyKey: "topup-0001" });
    expect(top).toMatchObject({ kind: "TOP_UP", amountFen: 100_000, replayed: false });
    const fund = await h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 30_000, idempotencyKey: "fund-0001" });
    expect(fund).toMatchObject({ kind: "FUND_ESCROW", amountFen: 30_000, replayed: false });
    expect(await h.services.ledger.myWallet(employer)).toMatchObject({ kind: "EMPLOYER_WALLET", balanceFen: 70_000 });
    const escrow = await h.services.ledger.taskEscrow(employer, taskId);
    expect(escrow.balanceFen).toBe(30_000);
    expect((await h.services.ledger.entriesOf(escrow.id, 10)).map((e) => [e.kind, e.amountFen])).toEqual([["FUND_ESCROW", 30_000]]);
    const audits = await h.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, fund.id));
    expect(audits).toEqual([{ action: "ledger.fund-escrow" }]);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  });

  it("the same key and body returns the first result; the same key with another body is a CONFLICT; nothing moves twice", async () => {
    const first = await h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 1_000, idempotencyKey: "fund-0002" });
    const before = await transfers();
    const again = await h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 1_000, idempotencyKey: "fund-0002" });
    expect(again).toMatchObject({ id: first.id, replayed: true });
    await expect(codeOf(h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 1_001, idempotencyKey: "fund-0002" }))).resolves.toBe("CONFLICT");
    expect(await transfers()).toBe(before);
    expect((await h.services.ledger.taskEscrow(employer, taskId)).balanceFen).toBe(31_000);
  });

  it("keys are per user: another employer's identical key is their own transfer", async () => {
    const other = asCaller((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const mine = await h.services.ledger.topUpWallet(employer, { amountFen: 500, idempotencyKey: "shared-key-1" });
    const theirs = await h.services.ledger.topUpWallet(other, { amountFen: 500, idempotencyKey: "shared-key-1" });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.replayed).toBe(false);
  });

  it("bad input gets typed errors and changes nothing", async () => {
    const before = await transfers();
    const wallet0 = (await h.services.ledger.myWallet(employer)).balanceFen;
    const cases: [() => Promise<unknown>, string][] = [
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: -100, idempotencyKey: "bad-00001" }), "BAD_USER_INPUT"],
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 0, idempotencyKey: "bad-00002" }), "BAD_USER_INPUT"],
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 1.5, idempotencyKey: "bad-00003" }), "BAD_USER_INPUT"],
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: Number.MAX_SAFE_INTEGER, idempotencyKey: "bad-00004" }), "BAD_USER_INPUT"],
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 100, idempotencyKey: "short" }), "BAD_USER_INPUT"],
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 100, idempotencyKey: "bad key with spaces" }), "BAD_USER_INPUT"],
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId: randomUUID(), amountFen: 100, idempotencyKey: "bad-00005" }), "NOT_FOUND"],
      [() => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 900_000_000, idempotencyKey: "bad-00006" }), "PRECONDITION_FAILED"],
      [() => h.services.ledger.topUpWallet(asCaller(employer.actor!.userId, "WORKER"), { amountFen: 100, idempotencyKey: "bad-00007" }), "FORBIDDEN"],
    ];
    for (const [call, code] of cases) await expect(codeOf(call())).resolves.toBe(code);
    // Another employer cannot fund (or even see) this task.
    const stranger = asCaller((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    await h.services.ledger.topUpWallet(stranger, { amountFen: 10_000, idempotencyKey: "stranger-1" });
    await expect(codeOf(h.services.ledger.fundTaskEscrow(stranger, { taskId, amountFen: 100, idempotencyKey: "stranger-2" }))).resolves.toBe("NOT_FOUND");
    await expect(codeOf(h.services.ledger.taskEscrow(stranger, taskId))).resolves.toBe("NOT_FOUND");
    expect(await transfers()).toBe(before + 1);
    expect((await h.services.ledger.myWallet(employer)).balanceFen).toBe(wallet0);
  });

  it("the database refuses edited history, a hand-set balance, an unbalanced transfer and an overdraft", async () => {
    const { db } = h.deps;
    expect(await pgMessage(db.execute(sql`update ledger_entries set amount_fen = amount_fen + 1`))).toMatch(/append-only/);
    expect(await pgMessage(db.execute(sql`delete from ledger_entries`))).toMatch(/append-only/);
    expect(await pgMessage(db.execute(sql`update ledger_transfers set amount_fen = 1`))).toMatch(/append-only/);
    expect(await pgMessage(db.execute(sql`update ledger_accounts set balance_fen = balance_fen + 100`))).toMatch(/derived/);
    const [acct] = await db.execute<{ id: string }>(sql`select id from ledger_accounts where kind = 'EMPLOYER_WALLET' limit 1`);
    expect(
      await pgMessage(
      db.transaction(async (tx) => {
        const [t] = await tx.execute<{ id: string }>(sql`insert into ledger_transfers (idempotency_key, body_hash, kind, amount_fen) values ('raw-1', 'x', 'TOP_UP', 5) returning id`);
        await tx.execute(sql`insert into ledger_entries (transfer_id, account_id, amount_fen) values (${t!.id}, ${acct!.id}, 5)`);
      }),
      ),
    ).toMatch(/does not balance/);
    expect(
      await pgMessage(
      db.transaction(async (tx) => {
        const [bank] = await tx.execute<{ id: string }>(sql`select id from ledger_accounts where kind = 'BANK'`);
        const [t] = await tx.execute<{ id: string }>(sql`insert into ledger_transfers (idempotency_key, body_hash, kind, amount_fen) values ('raw-2', 'x', 'TOP_UP', 5) returning id`);
        await tx.execute(sql`insert into ledger_entries (transfer_id, account_id, amount_fen) values (${t!.id}, ${acct!.id}, -999999999), (${t!.id}, ${bank!.id}, 999999999)`);
      }),
      ),
    ).toMatch(/ledger_accounts_not_negative/);
    expect(await h.services.ledger.ledgerHealth()).toMatchObject({ sumFen: 0, drifted: [], negative: [] });
  });

  it("1,000 concurrent calls with one idempotency key make one transfer", async () => {
    const before = (await h.services.ledger.myWallet(employer)).balanceFen;
    const calls = Array.from({ length: 1_000 }, () => h.services.ledger.fundTaskEscrow(employer, { taskId, amountFen: 777, idempotencyKey: "one-key-for-all" }));
    const results = await Promise.all(calls);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const [row] = await h.deps.db.select({ n: count() }).from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, `client:${employer.actor!.userId}:one-key-for-all`));
    expect(row!.n).toBe(1);
    expect((await h.services.ledger.myWallet(employer)).balanceFen).toBe(before - 777);
  }, 120_000);

  it("concurrent spends of one wallet never overdraw it: exactly as many succeed as the money covers", async () => {
    const payer = asCaller((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const ownTask = (await h.services.dispatch.postTask(payer, taskCommand(h.clock.now(), { lat: 24.92 }))).id;
    await h.services.ledger.topUpWallet(payer, { amountFen: 1_000, idempotencyKey: "payer-topup" });
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => codeOf(h.services.ledger.fundTaskEscrow(payer, { taskId: ownTask, amountFen: 30, idempotencyKey: `spend-${String(i).padStart(4, "0")}` }))),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(33);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "PRECONDITION_FAILED")).toBe(true);
    expect((await h.services.ledger.myWallet(payer)).balanceFen).toBe(10);
    expect((await h.services.ledger.taskEscrow(payer, ownTask)).balanceFen).toBe(990);
  }, 60_000);

  it("random sequences of operations (some at once) keep the ledger summing to zero and no wallet negative", async () => {
    const employers = [randomUUID(), randomUUID()];
    const workers = [randomUUID(), randomUUID(), randomUUID()];
    const tasks = [randomUUID(), randomUUID()];
    let n = 0;
    const amount = fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: -500, max: 0 }), fc.constant(1.5), fc.constant(Number.MAX_SAFE_INTEGER));
    const op = fc.oneof(
      fc.record({ t: fc.constant("TOP_UP" as const), e: fc.nat(1), a: amount }),
      fc.record({ t: fc.constant("FUND_ESCROW" as const), e: fc.nat(1), k: fc.nat(1), a: amount }),
      fc.record({ t: fc.constant("REFUND_ESCROW" as const), e: fc.nat(1), k: fc.nat(1), a: amount }),
      fc.record({ t: fc.constant("PAY_WAGE" as const), k: fc.nat(1), w: fc.nat(2), a: amount }),
      fc.record({ t: fc.constant("PAYOUT" as const), w: fc.nat(2), a: amount }),
      fc.record({ t: fc.constant("PAYOUT_SETTLED" as const), a: amount }),
      fc.record({ t: fc.constant("PAYOUT_RETURNED" as const), w: fc.nat(2), a: amount }),
      // A retry of an earlier key, with the same or another body.
      fc.record({ t: fc.constant("RETRY" as const), back: fc.nat(5), a: amount }),
    );
    const issued: TransferCommand[] = [];
    const commandOf = (o: Record<string, number | string>): TransferCommand | null => {
      const a = o.a as number;
      const key = `prop-${++n}`;
      const e = employers[(o.e as number) ?? 0]!;
      const k = tasks[(o.k as number) ?? 0]!;
      const w = workers[(o.w as number) ?? 0]!;
      switch (o.t) {
        case "TOP_UP":
          return { key, kind: "TOP_UP", from: BANK, to: wallet("EMPLOYER_WALLET", e), amountFen: a };
        case "FUND_ESCROW":
          return { key, kind: "FUND_ESCROW", from: wallet("EMPLOYER_WALLET", e), to: escrowOf(k), amountFen: a };
        case "REFUND_ESCROW":
          return { key, kind: "REFUND_ESCROW", from: escrowOf(k), to: wallet("EMPLOYER_WALLET", e), amountFen: a };
        case "PAY_WAGE":
          return { key, kind: "PAY_WAGE", from: escrowOf(k), to: wallet("WORKER_WALLET", w), amountFen: a };
        case "PAYOUT":
          return { key, kind: "PAYOUT", from: wallet("WORKER_WALLET", w), to: CLEARING, amountFen: a };
        case "PAYOUT_SETTLED":
          return { key, kind: "PAYOUT_SETTLED", from: CLEARING, to: BANK, amountFen: a };
        case "PAYOUT_RETURNED":
          return { key, kind: "PAYOUT_RETURNED", from: CLEARING, to: wallet("WORKER_WALLET", w), amountFen: a };
        default: {
          const earlier = issued[issued.length - 1 - (o.back as number)];
          return earlier ? { ...earlier, amountFen: o.a === 1.5 ? earlier.amountFen : a } : null;
        }
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), async (batches) => {
        for (const batch of batches) {
          const cmds = batch.map((o) => commandOf(o as Record<string, number | string>)).filter((c): c is TransferCommand => !!c);
          issued.push(...cmds);
          // Each batch runs at once: refusals must be typed, never a crash or a negative balance.
          const outcomes = await Promise.all(cmds.map((c) => codeOf(h.services.ledger.transfer(c))));
          for (const o of outcomes) expect(["ok", "BAD_USER_INPUT", "PRECONDITION_FAILED", "CONFLICT"]).toContain(o);
        }
        const health = await h.services.ledger.ledgerHealth();
        expect(health.sumFen).toBe(0);
        expect(health.drifted).toEqual([]);
        expect(health.negative).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
