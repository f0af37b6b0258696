import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import proxyAddr from "proxy-addr";
import type { Logger } from "../logger.js";
import type { Context } from "./context.js";

export interface GraphqlPostOptions {
  apollo: ApolloServer<Context>;
  maxBodyBytes: number;
  /** express's compiled `trust proxy` function, so req.ip means here what it means on the express routes. */
  trustProxy: (addr: string, i: number) => boolean;
  requestId(req: IncomingMessage, res: ServerResponse): string;
  context(req: IncomingMessage, meta: { requestId: string; ip: string | null; userAgent: string | null }): Promise<Context>;
  /** Called when the response has been sent (metrics, request log). */
  finished(req: IncomingMessage, res: ServerResponse, requestId: string, startedAt: bigint): void;
  /** An error body as the express routes write it (PAYLOAD_TOO_LARGE, BAD_REQUEST). */
  writeError(res: ServerResponse, status: number): void;
  logger: Logger;
}

/**
 * The common GraphQL request, a POST of plain UTF-8 JSON to /graphql, served without express: its router,
 * body-parser and the Apollo integration cost about a fifth of a trivial query's CPU. Anything else (GET,
 * a compressed body, another charset or media type) returns false and goes the express way, which answers it.
 */
export function graphqlPostHandler(o: GraphqlPostOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "POST" || !isGraphqlPath(req.url) || !isPlainJson(req)) return false;
    const startedAt = process.hrtime.bigint();
    const requestId = o.requestId(req, res);
    res.once("finish", () => o.finished(req, res, requestId, startedAt));
    serve(req, res, requestId).catch((err: unknown) => {
      o.logger.error({ err, requestId }, "GraphQL request failed outside Apollo");
      if (!res.headersSent) o.writeError(res, 500);
      else res.destroy();
    });
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string) {
    // A declared length over the bound is refused unread (node drains the rest once the answer is sent).
    if (Number(req.headers["content-length"]) > o.maxBodyBytes) return o.writeError(res, 413);
    const raw = await readBody(req, o.maxBodyBytes);
    if (raw === null) return o.writeError(res, 413);
    let body: unknown;
    try {
      body = raw.length ? JSON.parse(raw.toString("utf8")) : {};
    } catch {
      return o.writeError(res, 400);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const query = req.url!.indexOf("?");
    const meta = { requestId, ip: proxyAddr(req, o.trustProxy) ?? null, userAgent: req.headers["user-agent"] ?? null };
    const response = await o.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: query < 0 ? "" : req.url!.slice(query), body },
      context: () => o.context(req, meta),
    });
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === "complete") return void res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** The body, or null once it passes `max` bytes (the rest is read and dropped, so the 413 reaches the client). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > max) return;
      size += chunk.length;
      if (size > max) resolve(null);
      else chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks, Math.min(size, max))));
    req.once("error", reject);
  });
}

const isGraphqlPath = (url: string | undefined) => url === "/graphql" || (url?.startsWith("/graphql?") ?? false);

/** application/json, in UTF-8 (no charset means UTF-8), not compressed: what every client of ours sends. */
function isPlainJson(req: IncomingMessage): boolean {
  const encoding = req.headers["content-encoding"];
  if (encoding && encoding.toLowerCase() !== "identity") return false;
  const type = req.headers["content-type"]?.toLowerCase().replace(/\s+/g, "");
  return type === "application/json" || type === "application/json;charset=utf-8";
}
