// The rotating check-in code (扫码签到): `QZ1.<taskId>.<slot>.<mac>`, an HMAC over the task and the minute, so
// the server needs no table of issued codes, a code of one task never opens another, and nobody without the
// key can make one. Rendered as an SVG QR code for the employer's page.
import { createHmac, timingSafeEqual } from "node:crypto";
import QRCode from "qrcode";

const PREFIX = "QZ1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface CheckInCodeKey {
  sign(taskId: string, slot: number): string;
  /** The task and slot a code names when its MAC is ours; null for anything malformed or forged. */
  open(code: string): { taskId: string; slot: number } | null;
}

/** Keys derived from the server secret, with their own label so no other token can pass as a code. */
export function createCheckInCodeKey(secret: Uint8Array | string): CheckInCodeKey {
  const key = createHmac("sha256", secret).update("attendance-check-in-code/v1").digest();
  const mac = (taskId: string, slot: number) => createHmac("sha256", key).update(`${taskId}\n${slot}`).digest("base64url").slice(0, 22);
  return {
    sign: (taskId, slot) => `${PREFIX}.${taskId}.${slot}.${mac(taskId, slot)}`,
    open(code) {
      const parts = code.trim().split(".");
      if (parts.length !== 4 || parts[0] !== PREFIX) return null;
      const [, taskId, slotText, got] = parts as [string, string, string, string];
      const slot = Number(slotText);
      if (!UUID.test(taskId) || !/^\d{1,12}$/.test(slotText) || !Number.isSafeInteger(slot)) return null;
      const want = Buffer.from(mac(taskId, slot));
      const given = Buffer.from(got);
      return want.length === given.length && timingSafeEqual(want, given) ? { taskId, slot } : null;
    },
  };
}

/** The code as an SVG QR image the page can inline. */
export const codeSvg = (code: string): Promise<string> => QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
