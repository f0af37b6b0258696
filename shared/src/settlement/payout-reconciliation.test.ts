import { describe, expect, it } from "vitest";
import { reconcilePayouts, type PlatformPayout, type StatementLine } from "./payout-reconciliation.js";

const paid = (requestId: string, amountFen = 9375): PlatformPayout => ({ requestId, amountFen, status: "PAID" });
const line = (requestId: string, amountFen = 9375, status: StatementLine["status"] = "PAID"): StatementLine => ({ requestId, amountFen, status });

describe("payout reconciliation (支付对账)", () => {
  it("a clean day reports nothing", () => {
    expect(reconcilePayouts([paid("a:1"), paid("b:2", 100)], [line("b:2", 100), line("a:1")])).toEqual([]);
    expect(reconcilePayouts([], [])).toEqual([]);
  });

  it.each([
    ["missing at the provider", [paid("a:1")], [], "MISSING_AT_PROVIDER"],
    ["pending and never reached the provider", [{ requestId: "a:1", amountFen: 5, status: "PENDING" as const }], [], "MISSING_AT_PROVIDER"],
    ["unknown to the platform", [], [line("x:1")], "UNKNOWN_TO_PLATFORM"],
    ["amount differs", [paid("a:1", 9375)], [line("a:1", 9376)], "AMOUNT_MISMATCH"],
    ["paid by the provider, pending on the platform", [{ requestId: "a:1", amountFen: 9375, status: "PENDING" as const }], [line("a:1")], "STATUS_MISMATCH"],
    ["returned by the provider, paid on the platform", [paid("a:1")], [line("a:1", 9375, "RETURNED")], "STATUS_MISMATCH"],
  ])("%s → %s", (_name, platform, statement, kind) => {
    expect(reconcilePayouts(platform, statement).map((d) => d.kind)).toEqual([kind]);
  });

  it("a returned payout with no statement line is not a difference; several differences come in request-id order with both sides", () => {
    expect(reconcilePayouts([{ requestId: "r:1", amountFen: 1, status: "RETURNED" }], [])).toEqual([]);
    expect(reconcilePayouts([paid("c:1"), paid("a:1", 10)], [line("b:1", 7), line("a:1", 11)])).toEqual([
      { kind: "AMOUNT_MISMATCH", requestId: "a:1", platformFen: 10, providerFen: 11, platformStatus: "PAID", providerStatus: "PAID" },
      { kind: "UNKNOWN_TO_PLATFORM", requestId: "b:1", platformFen: null, providerFen: 7, platformStatus: null, providerStatus: "PAID" },
      { kind: "MISSING_AT_PROVIDER", requestId: "c:1", platformFen: 9375, providerFen: null, platformStatus: "PAID", providerStatus: null },
    ]);
  });
});
