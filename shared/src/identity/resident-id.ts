// Citizen identity number, GB 11643-1999 (公民身份号码): 6-digit address code (GB/T 2260),
// 8-digit birth date, 3-digit sequence (odd for men, even for women), 1 check character.
import { isIsoDate } from "../calendar/iso-date.js";
import { fail, ok, type Result } from "../result.js";
import { maskMiddle, maskUnknown } from "./mask.js";

/** Sex as recorded in the resident ID (GB 11643-1999: an odd sequence code is male, even female). */
export type Gender = "MALE" | "FEMALE";

/** What a valid resident ID tells us. */
export interface ResidentId {
  id: string;
  regionCode: string;
  birthDate: string;
  gender: Gender;
}

// GB 11643-1999 check code, ISO 7064 MOD 11-2: weight of position i (counted from the right, check = 1) is 2^(i-1) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// Check character indexed by (weighted sum mod 11), so that the total including the check is ≡ 1 (mod 11).
const CHECK_CHARS = "10X98765432";
// Platform floor: no living worker was born before 1900, so an earlier date is a typo.
const EARLIEST_BIRTH_DATE = "1900-01-01";
// GB/T 2260 province-level codes (the address code's first two digits): 11–15 华北, 21–23 东北, 31–37 华东,
// 41–46 中南, 50–54 西南, 61–65 西北, 71 台湾; 81–83 are the 港澳台居民居住证 (GB 11643 format).
// 91 (外国人永久居留身份证, 2017 format) is not a resident ID.
const PROVINCE_RANGES: [number, number][] = [[11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65], [71, 71], [81, 83]];

/** True when the address code starts with a real province-level code (GB/T 2260). */
export function isProvinceCode(twoDigits: string): boolean {
  const n = Number(twoDigits);
  return /^\d{2}$/.test(twoDigits) && PROVINCE_RANGES.some(([from, to]) => n >= from && n <= to);
}

/** The GB 11643-1999 check character ("0"–"9" or "X") for the first 17 digits; throws RangeError otherwise. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("residentIdCheckDigit needs exactly 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks an 18-character resident ID: format, a real province in the address code, a real birth date from 1900-01-01 up to `today`
 * (YYYY-MM-DD, when given) and the check character. Trims spaces and accepts a lower-case "x".
 */
export function parseResidentId(raw: string, today?: string): Result<ResidentId> {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail({ code: "ID_FORMAT", message: "身份证号码格式不正确，应为18位，前17位为数字，末位为数字或X" });
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const reasons = [];
  if (!isProvinceCode(id.slice(0, 2))) {
    reasons.push({ code: "ID_REGION", message: "身份证号码前两位不是有效的省级行政区划代码" });
  }
  if (!isIsoDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || (today !== undefined && birthDate > today)) {
    reasons.push({ code: "ID_BIRTH_DATE", message: "身份证号码中的出生日期无效" });
  }
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) {
    reasons.push({ code: "ID_CHECK_DIGIT", message: "身份证号码校验位不正确，请核对后重新输入" });
  }
  if (reasons.length > 0) return fail(...reasons);
  return ok({
    id,
    regionCode: id.slice(0, 6),
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? "MALE" : "FEMALE",
  });
}

/**
 * Masks a resident ID for display: "350502199001011234" → "350502********1234", hiding the
 * birth date and sequence. Anything that is not 18 characters keeps at most its first and last character.
 */
export function maskResidentId(id: string): string {
  const s = id.trim();
  return Array.from(s).length === 18 ? maskMiddle(s, 6, 4) : maskUnknown(s);
}
