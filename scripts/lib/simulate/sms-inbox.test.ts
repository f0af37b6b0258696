import { appendFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SmsInbox, tailLogFile } from "./sms-inbox.js";

const line = (phone: string, code: string) =>
  JSON.stringify({ level: 30, name: "api", to: phone, msg: `SMS (not delivered, SMS_PROVIDER=log) to ${phone}: 【泉州零工】您的合同签署验证码为 ${code}，5分钟内有效。如非本人操作，请忽略本短信。` });

describe("SmsInbox", () => {
  it("pairs a code with the phone and only with texts after the mark", async () => {
    const inbox = new SmsInbox();
    inbox.feedLogLine(line("13900000004", "111111"));
    const mark = inbox.seq();
    expect(await inbox.waitForCode("13900000004", mark, 50)).toBeNull();
    setTimeout(() => {
      inbox.feedLogLine(line("13900000005", "222222"));
      inbox.feedLogLine(line("13900000004", "333333"));
    }, 20);
    expect(await inbox.waitForCode("13900000004", mark, 2000)).toBe("333333");
    expect(await inbox.waitForCode("13900000005", mark, 10)).toBe("222222");
  });

  it("ignores other log lines and texts without a code", () => {
    const inbox = new SmsInbox();
    inbox.feedLogLine('{"level":30,"msg":"request completed"}');
    inbox.deliver("13900000004", "您的投诉已受理");
    expect(inbox.seq()).toBe(0);
    inbox.deliver("13900000004", "【泉州零工】您的登录验证码为 654321，5分钟内有效。");
    expect(inbox.seq()).toBe(1);
  });
});

describe("tailLogFile", () => {
  it("reads lines appended after it starts (not older ones), across partial writes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qz-sms-"));
    const path = join(dir, "api.log");
    await writeFile(path, line("13900000004", "000000") + "\n");
    const inbox = new SmsInbox();
    const stop = await tailLogFile(path, (l) => inbox.feedLogLine(l), 10);
    try {
      const whole = line("13900000004", "424242") + "\n";
      const cut = Buffer.from(whole).length - 40; // inside the Chinese text
      const bytes = Buffer.from(whole);
      await appendFile(path, bytes.subarray(0, cut));
      await new Promise((r) => setTimeout(r, 50));
      await appendFile(path, bytes.subarray(cut));
      expect(await inbox.waitForCode("13900000004", 0, 2000)).toBe("424242");
      expect(inbox.seq()).toBe(1);
    } finally {
      await stop();
    }
  });
});
