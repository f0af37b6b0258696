// The console harness with a settable API clock: startConsole's setup (demo data, Chromium, one context per
// page), with `now` passed to the API, and in-process delivery of due scheduled events (the API process has no
// worker), the way the service harness's deliverDueEvents does it, so a 公示 ends without waiting.
import { createRequire } from "node:module";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { chromium } from "playwright-core";
import { inject } from "vitest";
import { seedDemoData } from "../../scripts/seed.js";
import { outbox } from "../../server/src/db/schema/index.js";
import { consumersOf, jobIdFor } from "../../server/src/jobs/events.js";
import { JOB_HANDLERS } from "../../server/src/jobs/handlers.js";
import { runJob } from "../../server/src/jobs/job-runner.js";
import { createPiiVault } from "../../server/src/modules/identity/pii.js";
import { createServices } from "../../server/src/services.js";
import { settableClock, type SettableClock } from "../../server/src/testing/service-harness.js";
import { startTestApi } from "../../server/src/testing/test-app.js";
import { SCREENSHOTS, type Console } from "./harness.js";

/** The little of exceljs the tests use to open an export. */
interface Workbook {
  xlsx: { load(data: ArrayBuffer): Promise<unknown> };
  getWorksheet(name: string): { rowCount: number; getRow(n: number): { values: unknown } } | undefined;
}
/** exceljs is the server's dependency (not the tests' package): the exported files are read with the same library. */
export const ExcelJS = createRequire(new URL("../../server/package.json", import.meta.url))("exceljs") as { Workbook: new () => Workbook };

export interface ClockConsole extends Console {
  clock: SettableClock;
  services: ReturnType<typeof createServices>;
  /** Runs every consumer of the due, unsent events named `name` (by the API's clock) and marks them sent. */
  deliverDue(name: string): Promise<number>;
}

export async function startClockConsole(): Promise<ClockConsole> {
  const { mkdirSync } = await import("node:fs");
  mkdirSync(SCREENSHOTS, { recursive: true });
  const clock = settableClock(new Date());
  const t = await startTestApi({ ADMIN_DIST: inject("adminDist") }, { now: clock.now });
  const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
  // The API's config: the demo contracts' SMS codes then count against this run's Redis prefix, not the default
  // one every run of the day shares (whose per-phone daily cap the demo phones soon reach).
  await seedDemoData(t.database.db, vault, { workers: 600, employers: 60, log: () => {}, config: t.config });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const deps = t.api.deps;
  return {
    t,
    browser,
    clock,
    services: createServices(deps),
    async newPage() {
      const context = await browser.newContext({ baseURL: t.url, viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true });
      const page = await context.newPage();
      page.on("pageerror", (err) => console.error(`[browser] ${err.message}`));
      page.on("console", (msg) => msg.type() === "error" && console.error(`[browser console] ${msg.text()}`));
      return page;
    },
    async deliverDue(name) {
      const due = await deps.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.name, name), isNull(outbox.sentAt), lte(outbox.runAt, clock.now())))
        .orderBy(asc(outbox.createdAt));
      for (const row of due) {
        if (!row.cancelledAt) {
          for (const consumer of consumersOf(row.name)) {
            const outcome = await runJob(deps, JOB_HANDLERS, { id: jobIdFor(row.id, consumer), name: consumer, data: row.payload });
            if (outcome === "skipped") throw new Error(`${consumer} refused event ${row.id} (see processed_events)`);
          }
        }
        await deps.db.update(outbox).set({ sentAt: clock.now() }).where(eq(outbox.id, row.id));
      }
      return due.length;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}
