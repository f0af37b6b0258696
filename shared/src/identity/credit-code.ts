// Unified social credit code, GB 32100-2015 (法人和其他组织统一社会信用代码编码规则):
// 18 characters = registering authority (1) + organisation type (1) + GB/T 2260 region (6)
// + organisation code (9) + check character (1).
import { fail, ok, type Result } from "../result.js";

// GB 32100-2015 code character set: digits and upper-case letters without I, O, Z, S, V
// (they are easily confused with 1, 0, 2, 5, U); a character's value is its index here.
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// GB 32100-2015 check code: weight of position i (left to right) is 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The GB 32100-2015 check character for the first 17 characters; throws RangeError on a character outside the code set. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError("creditCodeCheckChar needs exactly 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`not a GB 32100 code character: ${JSON.stringify(first17[i])}`);
    sum += value * WEIGHTS[i]!;
  }
  // C18 = 31 - (Σ Ci·Wi mod 31); a result of 31 is written as 0.
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Checks a unified social credit code and returns it trimmed and upper-cased. */
export function parseCreditCode(raw: string): Result<string> {
  const code = raw.trim().toUpperCase();
  if (!FORMAT.test(code)) {
    return fail({
      code: "CREDIT_CODE_FORMAT",
      message: "统一社会信用代码格式不正确，应为18位数字或大写字母（不含I、O、Z、S、V）",
    });
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return fail({ code: "CREDIT_CODE_CHECK", message: "统一社会信用代码校验位不正确，请核对后重新输入" });
  }
  return ok(code);
}
