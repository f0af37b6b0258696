import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ok, fail, type Result } from "./result.js";

describe("result", () => {
  it("ok wraps the value", () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
  });

  it("fail keeps every reason in order", () => {
    const a = { code: "A", message: "甲" };
    const b = { code: "B", message: "乙" };
    expect(fail(a, b)).toEqual({ ok: false, reasons: [a, b] });
  });

  it("fail is assignable to any Result<T>", () => {
    const r: Result<string> = fail({ code: "X", message: "错误" });
    expect(r.ok).toBe(false);
  });

  it("ok always round-trips its value", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = ok(v);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toBe(v);
      }),
    );
  });
});
