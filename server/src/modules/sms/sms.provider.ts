import { maskMobile } from "@qz/shared";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";

/** Sends one text message to a mainland mobile number. The only seam between the platform and an SMS gateway. */
export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

export interface SentSms {
  phone: string;
  text: string;
}

/** How many sent messages the logging provider keeps for tests and the demo; older ones are dropped. */
const OUTBOX_SIZE = 200;

/**
 * Development and test provider: nothing leaves the machine. The message goes to the API log (so a developer
 * can read the code) and into a short in-memory outbox (so tests can). In production it logs without the text:
 * a log readable by operators must not hold codes that open anyone's account.
 */
export class LogSmsProvider implements SmsProvider {
  private readonly sent: SentSms[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly revealText: boolean,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    if (!this.revealText) {
      this.logger.warn({ to: maskMobile(phone) }, "SMS_PROVIDER=log: message not delivered (no SMS gateway configured)");
      return;
    }
    this.logger.info({ to: phone, text }, `SMS (not delivered, SMS_PROVIDER=log) to ${phone}: ${text}`);
    this.sent.push({ phone, text });
    if (this.sent.length > OUTBOX_SIZE) this.sent.splice(0, this.sent.length - OUTBOX_SIZE);
  }

  /** Messages "sent" so far, oldest first. */
  outbox(): SentSms[] {
    return [...this.sent];
  }

  /** The six-digit code in the newest message to `phone`, or null. */
  lastCodeFor(phone: string): string | null {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const message = this.sent[i]!;
      if (message.phone === phone) return /\b(\d{6})\b/.exec(message.text)?.[1] ?? null;
    }
    return null;
  }
}

/**
 * The provider SMS_PROVIDER names. A real gateway (e.g. Aliyun or Tencent Cloud SMS, with its template ids and
 * signature 签名) goes here as another class implementing SmsProvider, with its credentials in config.ts.
 */
export function createSmsProvider(config: Pick<Config, "smsProvider" | "isProduction">, logger: Logger): SmsProvider {
  switch (config.smsProvider) {
    case "log":
      return new LogSmsProvider(logger, !config.isProduction);
  }
}
