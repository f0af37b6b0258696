// The contract as a PDF (issue 7 item 1: the worker can download and print it at any time, free): the clauses
// as signed, the hash and every signature, set in Noto Sans SC. The font comes with the install from the npm
// package @expo-google-fonts/noto-sans-sc (SIL OFL 1.1), so a fresh machine needs no system font; only the
// glyphs used are embedded (subset), which keeps a contract at a few tens of kilobytes.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { CONTRACT_PARTY, CONTRACT_STATUS, formatYuan } from "@qz/shared";
import type { ContractService } from "./contract.service.js";

export type PrintView = NonNullable<Awaited<ReturnType<ContractService["contractForPrint"]>>>;

const require = createRequire(import.meta.url);
/** Where the install put the font (resolved through the package, not a system path). */
export const CONTRACT_FONT_FILE = join(dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json")), "400Regular", "NotoSansSC_400Regular.ttf");

/**
 * Parsing the 10 MB font is what made a contract PDF take seconds, so it happens once per process: the bytes are
 * read once and fontkit's parsed font is kept and handed to every document through a fontkit that always
 * returns it. Sharing it is safe: a document embeds through its own subset (font.createSubset()), which copies
 * the tables it changes, and fontkit encodes a subset synchronously, so two requests never interleave on it.
 */
type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
let contractFont: Promise<{ bytes: Buffer; fontkit: Fontkit }> | null = null;
const loadFont = () =>
  (contractFont ??= readFile(CONTRACT_FONT_FILE).then((bytes) => {
    const parsed = fontkit.create(bytes);
    return { bytes, fontkit: { create: (data: Uint8Array, name?: string) => (data === bytes && !name ? parsed : fontkit.create(data, name)) } };
  }));

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);

/**
 * Advance widths at size 1, by character, for the one font this module sets. Measuring each growing line
 * through fontkit's shaper (GSUB/GPOS lookups) was quadratic and most of a PDF's time; a line's width is
 * taken as the sum of its characters' widths instead. Kerning only narrows a line, so a sum never overflows.
 */
const charWidths = new Map<string, number>();
const widthOf = (font: PDFFont, ch: string) => {
  let w = charWidths.get(ch);
  if (w === undefined) charWidths.set(ch, (w = font.widthOfTextAtSize(ch, 1)));
  return w;
};

/** Breaks text into lines no wider than `width` (CJK breaks anywhere; a 64-character hash too). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const ch of text) {
    if (ch === "\n") {
      lines.push(line);
      line = "";
      lineWidth = 0;
      continue;
    }
    const w = widthOf(font, ch) * size;
    if (line && lineWidth + w > width) {
      lines.push(line);
      line = "";
      lineWidth = 0;
    }
    line += ch;
    lineWidth += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes flowing text page after page. */
function writer(doc: PDFDocument, font: PDFFont) {
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const width = A4.width - 2 * MARGIN;
  return {
    text(text: string, opts: { size?: number; indent?: number; center?: boolean; gap?: number; grey?: boolean } = {}) {
      const size = opts.size ?? 10.5;
      const indent = opts.indent ?? 0;
      for (const line of wrap(text, font, size, width - indent)) {
        if (y - size < MARGIN) {
          page = doc.addPage([A4.width, A4.height]);
          y = A4.height - MARGIN;
        }
        const x = opts.center ? (A4.width - [...line].reduce((sum, ch) => sum + widthOf(font, ch) * size, 0)) / 2 : MARGIN + indent;
        page.drawText(line, { x, y: y - size, size, font, color: opts.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
        y -= size * 1.6;
      }
      y -= opts.gap ?? 4;
    },
  };
}

/** Renders the contract behind a print link as a PDF (zh-CN, CJK font subset-embedded). */
export async function renderContractPdf(view: PrintView, issuedAt: Date): Promise<Uint8Array> {
  const { contract: c, verification } = view;
  const terms = c.terms as { title: string; clauses: string[]; parties: { employer: { name: string; maskedId: string }; worker: { name: string; maskedId: string } }; pay: { rateFen: number } };
  const doc = await PDFDocument.create();
  const cached = await loadFont();
  doc.registerFontkit(cached.fontkit);
  const font = await doc.embedFont(cached.bytes, { subset: true });
  doc.setTitle(terms.title);
  doc.setSubject(`合同摘要 SHA-256 ${c.termsHash}`);
  doc.setKeywords([c.termsHash, c.templateVersion, c.id]);
  doc.setLanguage("zh-CN");
  doc.setCreator("泉州零工市场平台");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  const w = writer(doc, font);
  w.text(terms.title, { size: 18, center: true, gap: 12 });
  w.text(`甲方（用工方）：${terms.parties.employer.name}（${terms.parties.employer.maskedId}）`);
  w.text(`乙方（劳动者）：${terms.parties.worker.name}（${terms.parties.worker.maskedId}）`, { gap: 10 });
  terms.clauses.forEach((clause, i) => w.text(`${i + 1}. ${clause}`, { indent: 0 }));
  w.text(`合同状态：${CONTRACT_STATUS.labels[c.status]}　报酬：${formatYuan(terms.pay.rateFen)} 元　模板：${c.templateVersion}`, { gap: 8 });
  w.text("合同摘要（SHA-256）：", { size: 9.5 });
  w.text(c.termsHash, { size: 9.5, indent: 12, gap: 10 });
  w.text("签署记录", { size: 13, gap: 6 });
  if (verification.signatures.length === 0) w.text("尚无签署记录。", { grey: true });
  for (const s of verification.signatures) {
    w.text(`${CONTRACT_PARTY.labels[s.party]}：签署时间 ${shanghai(s.signedAt)}（北京时间）　IP ${s.ip ?? "—"}　平台签名${s.valid ? "有效" : "无效"}`, { size: 9.5 });
    w.text(`平台签名（Ed25519，密钥 ${s.keyId}）：${s.platformSignature}`, { size: 8, indent: 12, grey: true, gap: 6 });
  }
  w.text(`核验结果：${verification.valid ? "条款完整，签名有效" : "核验未通过"}。任何人可凭合同摘要在平台“合同核验”中核验；平台公钥见 /.well-known/contract-signing-key。`, { gap: 8 });
  w.text(`本文件由平台于 ${shanghai(issuedAt)}（北京时间）生成，免费提供下载和打印。`, { size: 8.5, grey: true });
  return doc.save();
}
