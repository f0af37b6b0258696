import type { Deps } from "../../deps.js";
import { recordAudit } from "../audit/audit.js";
import { invalidSmsCode, type SmsService } from "../sms/sms.service.js";
import type { Caller } from "../../access/actor.js";
import * as repo from "./identity.repo.js";
import { checkPhone } from "../../access/input-checks.js";
import { hashPassword } from "./password.js";
import type { SessionService } from "./session.service.js";

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;

/** 找回密码: a new password for whoever holds the phone, proven by an SMS code (purpose RESET_PASSWORD). */
export function createPasswordResetService({ db, now }: Deps, sms: SmsService, sessions: SessionService) {
  return {
    /**
     * Sets a new password and ends every session of the account (someone else may know the old one).
     * A phone without an account gets the same error as a wrong code.
     */
    async resetPassword(caller: Caller, phoneRaw: string, smsCode: string, newPassword: string): Promise<boolean> {
      const phone = checkPhone(phoneRaw);
      const codeId = await sms.checkCode(phone, "RESET_PASSWORD", smsCode);
      if (!codeId) throw invalidSmsCode();
      const passwordHash = await hashPassword(newPassword);
      const userId = await db.transaction(async (tx) => {
        if (!(await sms.consumeCode(tx, codeId))) return null;
        const user = await repo.findUserByPhone(tx, phone);
        if (!user) return null;
        await repo.updateUserPassword(tx, user.id, passwordHash, now());
        const sessionsEnded = await sessions.revokeAllForUser(tx, user.id, "PASSWORD_RESET");
        await recordAudit(tx, caller, { action: "identity.reset-password", entityType: "user", entityId: user.id, after: { sessionsEnded } }, user.id);
        return user.id;
      });
      if (!userId) throw invalidSmsCode();
      return true;
    },
  };
}
