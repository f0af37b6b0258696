// Phone-sized browser contexts for the /m/ pages: 390×844 (or 360×640) with touch, geolocation and zh-CN,
// against a started API with the demo data whose clock can be moved (offset) to a job's start and end.
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD, seedDemoData } from "../../scripts/seed.js";
import { createPiiVault } from "../../server/src/modules/identity/pii.js";
import { startTestApi, type TestApi } from "../../server/src/testing/test-app.js";
import { SCREENSHOTS } from "./harness.js";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface PhoneLab {
  t: TestApi;
  browser: Browser;
  /** Milliseconds the API's clock runs ahead of the real one. */
  offset: number;
  phone(size?: { width: number; height: number }, at?: { latitude: number; longitude: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** The API as this demo login (a fresh access token each time). */
  as<T>(phone: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startPhoneLab(): Promise<PhoneLab> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const lab = { offset: 0 } as PhoneLab;
  const t = await startTestApi({ ADMIN_DIST: inject("adminDist") }, { now: () => new Date(Date.now() + lab.offset) });
  const vault = createPiiVault(t.config.piiEncryptionKey, t.config.piiBlindIndexKey);
  await seedDemoData(t.database.db, vault, { workers: 600, employers: 60, config: t.config, log: () => {} });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ARGS });
  return Object.assign(lab, {
    t,
    browser,
    async phone(size = { width: 390, height: 844 }, at = { latitude: 24.95, longitude: 118.5 }) {
      const context = await browser.newContext({
        baseURL: t.url,
        viewport: size,
        hasTouch: true,
        isMobile: true,
        deviceScaleFactor: 2,
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        geolocation: at,
        permissions: ["geolocation"],
      });
      const page = await context.newPage();
      page.on("pageerror", (err) => console.error(`[browser] ${err.message}`));
      page.on("console", (msg) => msg.type() === "error" && console.error(`[browser console] ${msg.text()}`));
      // A refused GraphQL call shows in the output even when the page only shows it as text.
      page.on("response", async (res) => {
        const body = res.url().endsWith("/graphql") ? await res.text().catch(() => "") : "";
        if (res.status() >= 400 || body.includes('"errors"')) console.error(`[browser] ${res.status()} ${res.url()} ${body.slice(0, 400)}`);
      });
      return { context, page };
    },
    async as<T>(phone: string, query: string, variables: Record<string, unknown> = {}) {
      const { login } = await t.ok<{ login: { accessToken: string } }>(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, { p: phone, w: DEMO_PASSWORD });
      return t.ok<T>(query, variables, login.accessToken);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await t.close();
    },
  });
}

/** True when nothing on the page is wider than the screen. */
export const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Signs a demo login in on the phone pages and waits for the home page. */
export async function phoneLogIn(page: Page, phone: string): Promise<void> {
  await page.goto("/m/login");
  await page.locator('[data-test="login-phone"] input').fill(phone);
  await page.locator('[data-test="login-password"] input').fill(DEMO_PASSWORD);
  await page.locator('[data-test="login-submit"]').tap();
  await page.locator('[data-test="hello"]').waitFor();
}
