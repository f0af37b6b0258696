// Mainland China mobile numbers (E.164 country code 86): 11 digits, starting 13–19
// under the MIIT numbering plan (电信网编号计划).
import { fail, ok, type Result } from "../result.js";
import { maskMiddle, maskUnknown } from "./mask.js";

const SEPARATORS = /[\s\-－]/g;
const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;

/** Normalises a mainland mobile number to its 11 digits, dropping spaces, dashes and a "+86"/"86" prefix. */
export function parseMobile(raw: string): Result<string> {
  const match = MOBILE.exec(raw.replace(SEPARATORS, ""));
  if (!match) return fail({ code: "PHONE_FORMAT", message: "手机号码格式不正确，请输入11位中国大陆手机号" });
  return ok(match[1]!);
}

/** Masks a mobile number for display, "13812345678" → "138****5678"; other input keeps at most its first and last character. */
export function maskMobile(p: string): string {
  const parsed = parseMobile(p);
  // The usual Chinese display: network prefix (3) and last four digits shown.
  return parsed.ok ? maskMiddle(parsed.value, 3, 4) : maskUnknown(p.trim());
}
