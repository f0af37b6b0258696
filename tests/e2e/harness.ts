// A started API with the demo data and the built console, and a headless Chromium to drive it (STACK.md flags).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD, seedDemoData } from "../../scripts/seed.js";
import { createPiiVault } from "../../server/src/modules/identity/pii.js";
import { startTestApi, type TestApi } from "../../server/src/testing/test-app.js";

export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** The demo logins (scripts/seed.ts). */
export const PHONES = { city: "13900000001", county: "13900000002", staff: "13900000003", worker: "13900000004", employer: "13900000005" } as const;

export interface Console {
  t: TestApi;
  browser: Browser;
  /** A fresh browser context (its own storage) with one page at the console's URL. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startConsole(): Promise<Console> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const t = await startTestApi({ ADMIN_DIST: inject("adminDist") });
  const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
  await seedDemoData(t.database.db, vault, { workers: 600, employers: 60, config: t.config, log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    t,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: t.url, viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      const page = await context.newPage();
      // A browser-side failure should show in the test output, not only as a timeout.
      page.on("pageerror", (err) => console.error(`[browser] ${err.message}`));
      page.on("console", (msg) => msg.type() === "error" && console.error(`[browser console] ${msg.text()}`));
      page.on("response", async (res) => {
        if (res.status() >= 400) console.error(`[browser] ${res.status()} ${res.url()} ${(await res.text().catch(() => "")).slice(0, 300)}`);
      });
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator('input[data-test="login-phone"], [data-test="login-phone"] input').fill(phone);
  await page.locator('input[data-test="login-password"], [data-test="login-password"] input').fill(password);
  await page.locator('[data-test="login-submit"]').click();
  await page.waitForURL(/\/(dashboard|phone)/);
}

/** Saves a full-page screenshot under tests/e2e/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** A GraphQL call from inside the page with its stored token: what the server says to this role. */
export function gqlInPage(page: Page, query: string, variables: Record<string, unknown> = {}) {
  return page.evaluate(
    async ([q, v]) => {
      const pair = JSON.parse(localStorage.getItem("qz-console-session") ?? "null") as { accessToken: string } | null;
      const res = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(pair ? { authorization: `Bearer ${pair.accessToken}` } : {}) },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    },
    [query, variables] as const,
  );
}
