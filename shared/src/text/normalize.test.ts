import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText, type TextRule } from "./normalize.js";

const NAME: TextRule = { kind: "name", label: "姓名", min: 2, max: 10 };
const LINE: TextRule = { kind: "line", label: "地址", min: 0, max: 20 };
const TEXT: TextRule = { kind: "text", label: "原因", min: 1, max: 20 };
const codes = (r: ReturnType<typeof normalizeText>) => (r.ok ? [] : r.reasons.map((x) => x.code));

describe("normalizeText", () => {
  it.each([
    ["trims", NAME, "  陈阿婆 ", "陈阿婆"],
    ["collapses inner spaces, tabs excepted", LINE, "鲤城区  温陵路 100号", "鲤城区 温陵路 100号"],
    ["ideographic and no-break spaces become one space", NAME, "Li\u3000\u00a0Wei", "Li Wei"],
    ["full-width letters and digits become ASCII (NFKC)", LINE, "温陵路１００号Ａ座", "温陵路100号A座"],
    ["composes decomposed characters (NFKC)", NAME, "Jose\u0301 Li", "José Li"],
    ["trims a pasted trailing line break on one-line fields", NAME, "王大明\r\n", "王大明"],
    ["keeps line breaks in multi-line text, as \\n", TEXT, " 场地整改\r\n消防不合格 ", "场地整改\n消防不合格"],
    ["a lone CR in text is a line break", TEXT, "一\r二", "一\n二"],
    ["optional fields may be empty", LINE, "   ", ""],
    ["counts characters, not UTF-16 units", NAME, "𠮷野家", "𠮷野家"],
  ])("%s", (_name, rule, raw, expected) => {
    expect(normalizeText(raw, rule)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["blank is empty after trimming", NAME, "   ", ["TEXT_REQUIRED"]],
    ["an empty string", TEXT, "", ["TEXT_REQUIRED"]],
    ["length is checked after trimming (too short)", NAME, " 王 ", ["TEXT_TOO_SHORT"]],
    ["length is checked after normalising (too long)", NAME, "陈".repeat(11), ["TEXT_TOO_LONG"]],
    ["a line break inside a name", NAME, "王\n大明", ["TEXT_LINE_BREAK"]],
    ["a carriage return inside an address", LINE, "温陵路\r100号", ["TEXT_LINE_BREAK"]],
    ["a Unicode line separator inside an address", LINE, "温陵路\u2028100号", ["TEXT_LINE_BREAK"]],
    ["a tab inside a name", NAME, "王\t大明", ["TEXT_CONTROL_CHAR"]],
    ["NUL", LINE, "温陵路\u0000", ["TEXT_CONTROL_CHAR"]],
    ["ESC in multi-line text", TEXT, "整改\u001b[31m", ["TEXT_CONTROL_CHAR"]],
    ["a C1 control", NAME, "王\u009b大明", ["TEXT_CONTROL_CHAR"]],
    ["zero-width space", NAME, "王\u200b大明", ["TEXT_INVISIBLE_CHAR"]],
    ["zero-width joiner", NAME, "王\u200d大明", ["TEXT_INVISIBLE_CHAR"]],
    ["right-to-left mark", NAME, "王\u200f大明", ["TEXT_INVISIBLE_CHAR"]],
    ["right-to-left override", LINE, "温陵路\u202e号001", ["TEXT_INVISIBLE_CHAR"]],
    ["bidi isolate", TEXT, "\u2067整改\u2069", ["TEXT_INVISIBLE_CHAR"]],
    ["BOM inside", NAME, "王\ufeff大明", ["TEXT_INVISIBLE_CHAR"]],
    ["soft hyphen", NAME, "王\u00ad大明", ["TEXT_INVISIBLE_CHAR"]],
    ["only zero-width characters", NAME, "\u200b\u200b", ["TEXT_INVISIBLE_CHAR"]],
    ["a lone surrogate", NAME, "王\ud800明", ["TEXT_ENCODING"]],
    ["several problems at once", NAME, "\u202e\u0007", ["TEXT_CONTROL_CHAR", "TEXT_INVISIBLE_CHAR"]],
    ["invisible characters count towards the length", NAME, "\u200b" + "陈".repeat(10), ["TEXT_INVISIBLE_CHAR", "TEXT_TOO_LONG"]],
  ])("refuses %s", (_name, rule, raw, expected) => {
    expect(codes(normalizeText(raw, rule))).toEqual(expected);
  });

  it("messages are in Chinese and name the field", () => {
    const r = normalizeText("\u200b", NAME);
    expect(!r.ok && r.reasons.map((x) => x.message)).toEqual([expect.stringMatching(/^姓名.*不可见/), "姓名至少 2 个字"]);
  });

  it("is idempotent, and what it accepts has no controls, format characters or edge spaces", () => {
    const rule: TextRule = { kind: "line", label: "x", min: 0, max: 1000 };
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (raw) => {
        const r = normalizeText(raw, rule);
        if (!r.ok) return;
        expect(normalizeText(r.value, rule)).toEqual(r);
        expect(r.value).not.toMatch(/[\p{Cc}\p{Cf}]|^\s|\s$|\s\s/u);
      }),
    );
  });
});
