import type { Express, Request, Response } from "express";
import { CONTRACT_PARTY, CONTRACT_STATUS, formatYuan } from "@qz/shared";
import type { ContractService } from "./contract.service.js";
import { renderContractPdf } from "./contract.pdf.js";

const escape = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);

/** The printable page: the clauses as signed, the hash and every signature, with the verification result. */
function printablePage(view: NonNullable<Awaited<ReturnType<ContractService["contractForPrint"]>>>, search: string): string {
  const { contract: c, verification } = view;
  const terms = c.terms as { title: string; clauses: string[]; parties: { employer: { name: string; maskedId: string }; worker: { name: string; maskedId: string } }; pay: { rateFen: number } };
  const rows = verification.signatures
    .map((s) => `<tr><td>${escape(CONTRACT_PARTY.labels[s.party])}</td><td>${escape(shanghai(s.signedAt))}</td><td>${escape(s.ip ?? "")}</td><td>${s.valid ? "有效" : "无效"}</td><td class="mono">${escape(s.platformSignature.slice(0, 24))}…</td></tr>`)
    .join("");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(terms.title)}</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:800px;margin:2em auto;line-height:1.7}
h1{text-align:center}.mono{font-family:monospace;font-size:12px;word-break:break-all}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px}
@media print{.noprint{display:none}}</style></head><body>
<h1>${escape(terms.title)}</h1>
<p>甲方（用工方）：${escape(terms.parties.employer.name)}（${escape(terms.parties.employer.maskedId)}）<br>乙方（劳动者）：${escape(terms.parties.worker.name)}（${escape(terms.parties.worker.maskedId)}）</p>
<ol>${terms.clauses.map((x) => `<li>${escape(x)}</li>`).join("")}</ol>
<p>合同状态：${escape(CONTRACT_STATUS.labels[c.status])}　报酬：${escape(formatYuan(terms.pay.rateFen))} 元　模板：${escape(c.templateVersion)}</p>
<p>合同摘要（SHA-256）：<span class="mono">${escape(c.termsHash)}</span></p>
<table><tr><th>签署方</th><th>签署时间（北京时间）</th><th>IP</th><th>平台签名</th><th>签名值</th></tr>${rows}</table>
<p>核验结果：${verification.valid ? "条款完整，签名有效" : "核验未通过"}。任何人可凭合同摘要在平台“合同核验”中核验。</p>
<p class="noprint"><button onclick="print()">打印</button> <a href="pdf${escape(search)}">下载 PDF</a></p></body></html>`;
}

const REFUSED = "链接无效或已过期，请在平台重新获取打印链接";

/** The contract behind /contracts/:id/<kind>?token=, or null (a malformed id, a forged or expired token). */
async function viewOf(req: Request, contracts: ContractService) {
  const token = typeof req.query.token === "string" ? req.query.token.slice(0, 300) : "";
  const id = String(req.params.id);
  return /^[0-9a-f-]{36}$/.test(id) ? contracts.contractForPrint(id, token) : null;
}

/**
 * /.well-known/contract-signing-key (public key), and the printable page /contracts/:id/print?token= and the PDF
 * /contracts/:id/pdf?token=, both behind the same short-lived signed link (contractPrintLink).
 */
export function mountContractRoutes(app: Express, contracts: ContractService): void {
  app.get("/.well-known/contract-signing-key", (_req: Request, res: Response) => {
    res.set("cache-control", "public, max-age=3600").json(contracts.signingKey);
  });
  app.get("/contracts/:id/print", async (req: Request, res: Response) => {
    const view = await viewOf(req, contracts);
    if (!view) {
      res.status(403).type("text/plain; charset=utf-8").send(REFUSED);
      return;
    }
    res.set({ "cache-control": "no-store", "x-robots-tag": "noindex", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'" });
    const token = typeof req.query.token === "string" ? req.query.token.slice(0, 300) : "";
    res.type("html").send(printablePage(view, `?token=${encodeURIComponent(token)}`));
  });
  app.get("/contracts/:id/pdf", async (req: Request, res: Response) => {
    const view = await viewOf(req, contracts);
    if (!view) {
      res.status(403).type("text/plain; charset=utf-8").send(REFUSED);
      return;
    }
    const pdf = await renderContractPdf(view, contracts.now());
    const name = `${String(view.contract.terms.title)}-${view.contract.termsHash.slice(0, 8)}.pdf`;
    res.set({ "cache-control": "no-store", "x-robots-tag": "noindex", "content-disposition": `inline; filename="contract-${view.contract.termsHash.slice(0, 8)}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}` });
    res.type("application/pdf").send(Buffer.from(pdf));
  });
}
