// The simulated phones' SMS inbox. With SMS_PROVIDER=log the API "sends" a text by logging it (outside
// production): the simulator reads codes from the API's log, as a person reads them on the phone.
import { open, stat } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

/** The log line LogSmsProvider writes: `SMS (not delivered, SMS_PROVIDER=log) to 139…: 【泉州零工】您的…验证码为 123456，…`. */
const LOG_LINE = /SMS \(not delivered, SMS_PROVIDER=log\) to (1\d{10}): [^"\n]*?验证码为 (\d{6})/;
const CODE_IN_TEXT = /验证码为 (\d{6})/;

/** Codes per phone in arrival order; `seq()` before a request and `waitForCode(phone, seq)` after it pairs them. */
export class SmsInbox {
  private counter = 0;
  private readonly latest = new Map<string, { seq: number; code: string }>();
  private readonly waiters = new Set<() => void>();

  /** The sequence number of the last text received (any phone). */
  seq(): number {
    return this.counter;
  }

  /** A text delivered to `phone` (the in-process provider's hook). */
  deliver(phone: string, text: string): void {
    const code = CODE_IN_TEXT.exec(text)?.[1];
    if (code) this.store(phone, code);
  }

  /** One line of the API's log; lines that are not an SMS are ignored. */
  feedLogLine(line: string): void {
    const m = LOG_LINE.exec(line);
    if (m) this.store(m[1]!, m[2]!);
  }

  private store(phone: string, code: string): void {
    this.latest.set(phone, { seq: ++this.counter, code });
    for (const wake of [...this.waiters]) wake();
  }

  /** The newest code for `phone` received after `afterSeq`, waiting up to `timeoutMs`; null if none came. */
  async waitForCode(phone: string, afterSeq: number, timeoutMs = 5000): Promise<string | null> {
    const found = () => {
      const hit = this.latest.get(phone);
      return hit && hit.seq > afterSeq ? hit.code : null;
    };
    const now = found();
    if (now) return now;
    return new Promise((resolve) => {
      const wake = () => {
        const code = found();
        if (code) finish(code);
      };
      const timer = setTimeout(() => finish(null), timeoutMs);
      const finish = (code: string | null) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(code);
      };
      this.waiters.add(wake);
    });
  }
}

/** Follows a log file from its current end (earlier codes are stale), line by line; survives truncation. */
export async function tailLogFile(path: string, onLine: (line: string) => void, everyMs = 100): Promise<() => Promise<void>> {
  let offset = (await stat(path)).size;
  let partial = "";
  // Keeps a character split across two reads whole (the codes sit in Chinese text).
  let decoder = new StringDecoder("utf8");
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();
  const poll = async () => {
    const size = (await stat(path).catch(() => null))?.size ?? 0;
    if (size < offset) {
      offset = 0; // truncated: the API was restarted into a fresh log
      partial = "";
      decoder = new StringDecoder("utf8");
    }
    if (size === offset) return;
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(Math.min(size - offset, 4 * 1024 * 1024));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      offset += bytesRead;
      const lines = (partial + decoder.write(buffer.subarray(0, bytesRead))).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    } finally {
      await handle.close();
    }
  };
  const timer = setInterval(() => {
    if (!stopped) busy = busy.then(poll).catch(() => {});
  }, everyMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await busy;
  };
}
