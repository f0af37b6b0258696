// Phone-sized browser contexts for the /m/ pages: 390×844 (or 360×640) with touch, geolocation and zh-CN,
// against a started API with the demo data whose clock can be moved (offset) to a job's start and end.
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import QRCode from "qrcode";
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
  /**
   * A phone whose camera films `videoFile` (a Y4M written by writeQrVideo; Chromium's fake capture device,
   * camera permission granted): its own browser, since the file is a launch flag.
   */
  cameraPhone(videoFile: string, size?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
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
  const launch = (args: string[] = []) => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: [...ARGS, ...args] });
  const browser = await launch();
  const cameraBrowsers: Browser[] = [];
  async function open(on: Browser, size: { width: number; height: number }, at: { latitude: number; longitude: number }, permissions: string[]) {
    const context = await on.newContext({
      baseURL: t.url,
      viewport: size,
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      geolocation: at,
      permissions,
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
  }
  return Object.assign(lab, {
    t,
    browser,
    phone: (size = { width: 390, height: 844 }, at = { latitude: 24.95, longitude: 118.5 }) => open(browser, size, at, ["geolocation"]),
    async cameraPhone(videoFile: string, size = { width: 390, height: 844 }) {
      const camera = await launch(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${videoFile}`]);
      cameraBrowsers.push(camera);
      return open(camera, size, { latitude: 24.95, longitude: 118.5 }, ["geolocation", "camera"]);
    },
    async as<T>(phone: string, query: string, variables: Record<string, unknown> = {}) {
      const { login } = await t.ok<{ login: { accessToken: string } }>(`mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }`, { p: phone, w: DEMO_PASSWORD });
      return t.ok<T>(query, variables, login.accessToken);
    },
    async close() {
      for (const b of cameraBrowsers) await b.close().catch(() => undefined);
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

const VIDEO_SIDE = 480;
/**
 * Writes a Y4M video (what Chromium's fake camera plays, looped) of `text` as a QR code on white, or of a
 * blank white frame when `text` is null. 6 pixels a module keeps the code inside the centre two thirds of the
 * frame, the region qr-scanner looks in.
 */
export function writeQrVideo(path: string, text: string | null): void {
  const luma = Buffer.alloc(VIDEO_SIDE * VIDEO_SIDE, 235);
  if (text) {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
    const scale = 6;
    const origin = Math.floor((VIDEO_SIDE - modules.size * scale) / 2);
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (!modules.get(row, col)) continue;
        for (let y = 0; y < scale; y++) luma.fill(16, (origin + row * scale + y) * VIDEO_SIDE + origin + col * scale, (origin + row * scale + y) * VIDEO_SIDE + origin + (col + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((VIDEO_SIDE / 2) * (VIDEO_SIDE / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${VIDEO_SIDE} H${VIDEO_SIDE} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}