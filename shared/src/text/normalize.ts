// Free text typed by people (names, addresses, reasons) is normalised once, before any length or
// uniqueness check, so "  " is empty, "鲤城区　零工市场" (ideographic space) equals "鲤城区 零工市场",
// and nothing invisible can make two names look alike or reorder what an officer reads (Trojan Source, CVE-2021-42574).
import { fail, ok, type Reason, type Result } from "../result.js";

/**
 * name: one line, e.g. a person's, venue's or company's name; line: one line, e.g. an address;
 * text: several lines, e.g. a suspension reason or a note.
 */
export type TextKind = "name" | "line" | "text";

export interface TextRule {
  kind: TextKind;
  /** What the field is called in messages, e.g. "场所名称". */
  label: string;
  /** Fewest characters (code points) after normalising; 0 when the field may be left empty. */
  min: number;
  /** Most characters (code points) after normalising. */
  max: number;
}

// Cc: C0/C1 controls (NUL, BEL, ESC, CR, LF, TAB …). Cf: invisible format characters — zero-width
// U+200B–U+200D, bidi marks and overrides U+200E–U+200F, U+202A–U+202E, U+2066–U+2069, BOM U+FEFF, soft hyphen.
const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_NEWLINE = /(?!\n)\p{Cc}/u;
const FORMAT = /\p{Cf}/u;
const LONE_SURROGATE = /\p{Cs}/u;
const SPACES = /\p{Zs}+/gu;

/**
 * Normalises free text: Unicode NFKC (full-width letters and digits, compatibility spaces), trims, and for
 * one-line kinds collapses inner runs of spaces; multi-line text keeps its line breaks as "\n". Refuses
 * control characters (line breaks too, unless multi-line), invisible format characters and broken
 * UTF-16, then checks the length of what is left. Returns every reason at once.
 */
export function normalizeText(raw: string, rule: TextRule): Result<string> {
  let s = raw.normalize("NFKC");
  s = rule.kind === "text" ? s.replace(/\r\n?|[\u2028\u2029\u0085]/gu, "\n").trim() : s.trim().replace(SPACES, " ");
  const reasons: Reason[] = [];
  const { label } = rule;
  if (rule.kind !== "text" && LINE_BREAK.test(s)) {
    reasons.push({ code: "TEXT_LINE_BREAK", message: `${label}只能填写一行，不能换行` });
  } else if ((rule.kind === "text" ? CONTROL_BUT_NEWLINE : CONTROL).test(s)) {
    reasons.push({ code: "TEXT_CONTROL_CHAR", message: `${label}含有控制字符，请删除后重新输入` });
  }
  if (FORMAT.test(s)) {
    reasons.push({ code: "TEXT_INVISIBLE_CHAR", message: `${label}含有不可见字符（如零宽字符、文字方向控制符），请删除后重新输入` });
  }
  if (LONE_SURROGATE.test(s)) reasons.push({ code: "TEXT_ENCODING", message: `${label}含有无法识别的字符` });
  const length = Array.from(s).length;
  if (length === 0 && rule.min > 0) reasons.push({ code: "TEXT_REQUIRED", message: `请填写${label}` });
  else if (length < rule.min) reasons.push({ code: "TEXT_TOO_SHORT", message: `${label}至少 ${rule.min} 个字` });
  else if (length > rule.max) reasons.push({ code: "TEXT_TOO_LONG", message: `${label}最多 ${rule.max} 个字，当前 ${length} 个字` });
  return reasons.length ? fail(...reasons) : ok(s);
}
