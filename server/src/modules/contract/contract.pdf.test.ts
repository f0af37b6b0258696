// The contract PDF (issue 7 item 1): served behind the same short-lived link as the printable page, set in the
// CJK font the install brings, carrying the contract's hash; a forged, foreign or expired link gets nothing.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import express from "express";
import { PDFDocument, PDFName } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { engagedWorker, insertRecognizedVenue, signBoth, type Engaged } from "./contract.fixtures.js";
import { mountContractRoutes } from "./contract.http.js";
import { CONTRACT_FONT_FILE } from "./contract.pdf.js";

describe("contract PDF", () => {
  let h: ServiceHarness;
  let e: Engaged;
  let server: Server;
  let origin: string;
  const get = (path: string) => fetch(`${origin}${path}`);

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    await insertRecognizedVenue(h.deps.db);
    e = await engagedWorker(h);
    await signBoth(h, e);
    const app = express();
    mountContractRoutes(app, h.services.contracts);
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await h?.close();
  });

  it("the font is the one the npm install brought, not a system font", () => {
    expect(CONTRACT_FONT_FILE).toContain("node_modules");
    expect(existsSync(CONTRACT_FONT_FILE)).toBe(true);
  });

  it("a signed contract's PDF parses, embeds the Noto Sans SC subset and carries the contract hash", async () => {
    const link = await h.services.contracts.printLink(e.worker, e.contractId);
    expect(link.pdfPath).toMatch(new RegExp(`^/contracts/${e.contractId}/pdf\\?token=`));
    const res = await get(link.pdfPath);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    // Subset embedding keeps it small (the whole font is about 10 MB).
    expect(bytes.length).toBeLessThan(400_000);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe("非全日制用工合同");
    expect(pdf.getSubject()).toContain(e.termsHash);
    expect(pdf.getKeywords()).toContain(e.termsHash);
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, obj]) => (obj as { get?: (k: PDFName) => unknown }).get?.(PDFName.of("BaseFont")))
      .filter(Boolean)
      .map(String);
    expect(fonts.some((f) => /NotoSansSC/.test(f))).toBe(true);
    // The printable page offers the PDF with the same token.
    const page = await (await get(link.path)).text();
    expect(page).toContain(`href="pdf?token=`);
  });

  it("a forged, another contract's or an expired link is refused, and so is a malformed id", async () => {
    const other = await engagedWorker(h, { task: { lat: 24.93 } });
    const mine = await h.services.contracts.printLink(e.worker, e.contractId);
    const token = new URL(mine.pdfPath, origin).searchParams.get("token")!;
    // A stranger cannot get a link at all; a link for one contract does not open another.
    await expect(h.services.contracts.printLink(other.worker, e.contractId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await get(`/contracts/${other.contractId}/pdf?token=${token}`)).status).toBe(403);
    expect((await get(`/contracts/${randomUUID()}/pdf?token=${token}`)).status).toBe(403);
    expect((await get(`/contracts/${e.contractId}/pdf?token=${token.slice(0, -2)}xx`)).status).toBe(403);
    expect((await get(`/contracts/${e.contractId}/pdf`)).status).toBe(403);
    expect((await get(`/contracts/not-a-uuid/pdf?token=${token}`)).status).toBe(403);
    const refused = await get(`/contracts/${e.contractId}/pdf?token=${token.slice(0, -2)}xx`);
    expect(await refused.text()).toContain("链接无效或已过期");
    h.clock.advance(301_000);
    const expired = await get(mine.pdfPath);
    expect(expired.status).toBe(403);
    expect(expired.headers.get("content-type")).not.toContain("pdf");
  });
});
