// The WebSocket transport: bounded messages, a token before anything else, browser origins checked,
// and the same validation answers as HTTP.
import type { IncomingMessage } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { signedIn } from "../testing/factories.js";
import { startTestApi, type TestApi } from "../testing/test-app.js";
import { originAllowed } from "./subscriptions.js";

const PROTOCOL = "graphql-transport-ws";

interface Frame {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A raw graphql-ws socket that records what the server sends and how it closes. */
function open(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${url.replace("http", "ws")}/graphql`, PROTOCOL, { headers });
  // A server that closes mid-send (1009) may surface as EPIPE here; the close event carries the outcome.
  socket.on("error", () => {});
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  socket.on("message", (data) => {
    frames.push(JSON.parse(String(data)) as Frame);
    waiters.splice(0).forEach((w) => w());
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("unexpected-response", (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
    socket.once("error", reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
  return {
    socket,
    opened,
    closed,
    send: (frame: Frame) => socket.send(JSON.stringify(frame)),
    /** Resolves with the first frame matching `type` (and `id`). */
    async next(type: string, id?: string): Promise<Frame> {
      for (;;) {
        const found = frames.find((f) => f.type === type && (id === undefined || f.id === id));
        if (found) return found;
        const settled = await Promise.race([new Promise<"frame">((r) => waiters.push(() => r("frame"))), closed.then(() => "closed" as const)]);
        if (settled === "closed" && !frames.some((f) => f.type === type && (id === undefined || f.id === id))) throw new Error(`socket closed before ${type}`);
      }
    },
  };
}

describe("GraphQL over WebSocket", () => {
  let t: TestApi;
  let token: string;
  beforeAll(async () => {
    t = await startTestApi();
    token = (await signedIn(t, "WORKER")).token;
  });
  afterAll(() => t?.close());
  afterEach(() => vi.restoreAllMocks());

  async function authenticated() {
    const ws = open(t.url);
    await ws.opened;
    ws.send({ type: "connection_init", payload: { authorization: `Bearer ${token}` } });
    await ws.next("connection_ack");
    return ws;
  }

  it("closes the socket on a message over 1 MB (1009) and keeps serving", async () => {
    const ws = open(t.url);
    await ws.opened;
    ws.send({ type: "subscribe", id: "1", payload: { query: `subscription { ${"a ".repeat(1_500_000)}}` } });
    expect((await ws.closed).code).toBe(1009);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    const again = await authenticated(); // the server still accepts connections
    again.socket.close();
  });

  it("refuses connection_init without a valid access token (4401), acking a valid one", async () => {
    for (const payload of [{}, { authorization: "Bearer not-a-token" }, { authorization: token }, undefined]) {
      const ws = open(t.url);
      await ws.opened;
      ws.send({ type: "connection_init", ...(payload && { payload }) });
      const { code } = await ws.closed;
      expect(code).toBe(4401);
    }
    const ok = await authenticated();
    ok.socket.close();
  });

  it("refuses a browser origin from another site at the handshake, allowing its own host and non-browser clients", async () => {
    const foreign = open(t.url, { origin: "https://evil.example" });
    await expect(foreign.opened).rejects.toThrow(/handshake refused: 401/);
    const ownHost = open(t.url, { origin: t.url });
    await ownHost.opened;
    ownHost.socket.close();
  });

  it("checks origins against ALLOWED_ORIGINS", () => {
    const request = (origin: string | undefined) => ({ headers: { host: "api.example.cn", ...(origin && { origin }) } }) as IncomingMessage;
    const allowed = ["https://admin.example.cn"];
    expect(originAllowed(request(undefined), allowed)).toBe(true);
    expect(originAllowed(request("https://api.example.cn"), allowed)).toBe(true);
    expect(originAllowed(request("https://admin.example.cn"), allowed)).toBe(true);
    expect(originAllowed(request("https://admin.example.cn.evil.example"), allowed)).toBe(false);
    expect(originAllowed(request("null"), allowed)).toBe(false);
  });

  it("refuses an operation with too many tokens at parse time", async () => {
    const ws = await authenticated();
    ws.send({ type: "subscribe", id: "t", payload: { query: `subscription { ${"a ".repeat(20_000)}}` } });
    const error = await ws.next("error", "t");
    expect(error.payload).toEqual([expect.objectContaining({ message: expect.stringMatching(/more that 10000 tokens/), extensions: expect.objectContaining({ code: "GRAPHQL_PARSE_FAILED" }) })]);
    ws.socket.close();
  });

  it.each([
    ["a fragment cycle", `subscription { ...A } fragment A on Subscription { ...B } fragment B on Subscription { ...A }`],
    ["a self-spread", `subscription { ...A } fragment A on Subscription { ...A }`],
    ["an unknown fragment", `subscription { ...Missing }`],
  ])("answers %s with a validation error and keeps the connection", async (_name, query) => {
    const stderr = vi.spyOn(console, "error");
    const ws = await authenticated();
    ws.send({ type: "subscribe", id: "v", payload: { query } });
    const error = await ws.next("error", "v");
    expect(error.payload).toEqual(expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: "GRAPHQL_VALIDATION_FAILED" }) })]));
    expect(stderr).not.toHaveBeenCalled();
    // still open: a second operation gets its own answer
    ws.send({ type: "subscribe", id: "q", payload: { query: "{ regions { code } }" } });
    expect((await ws.next("error", "q")).payload).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_REQUEST" }) })]);
    ws.socket.close();
  });
});
