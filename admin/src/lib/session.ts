/**
 * Tokens shared between tabs. The pair lives in localStorage (one login for every tab); a refresh runs once
 * at a time across all tabs (Web Locks, with a per-tab promise as the fallback), and the tab that rotated
 * announces the new pair on a BroadcastChannel, so others never present the retired refresh token. The
 * server's 30 s grace window covers the remaining race (a browser without Web Locks).
 */
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { REFRESH } from "../graphql/documents/session";

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const STORAGE_KEY = "qz-console-session";
const CHANNEL = "qz-console-session";
const LOCK = "qz-console-refresh";
/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
const EARLY_MS = 60_000;

type Listener = (pair: TokenPair | null) => void;
const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);

export function readPair(): TokenPair | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as TokenPair) : null;
  } catch {
    return null;
  }
}

/** Stores (or clears) the pair and tells this tab's listeners and the other tabs. */
export function writePair(pair: TokenPair | null): void {
  if (pair) localStorage.setItem(STORAGE_KEY, JSON.stringify(pair));
  else localStorage.removeItem(STORAGE_KEY);
  channel?.postMessage(pair);
  for (const l of listeners) l(pair);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

channel?.addEventListener("message", (event: MessageEvent<TokenPair | null>) => {
  for (const l of listeners) l(event.data);
});
// Browsers without BroadcastChannel still see other tabs' writes through the storage event.
if (!channel && typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY) for (const l of listeners) l(readPair());
  });
}

/** A POST to /graphql without the session machinery (login, refresh). */
export async function rawRequest<T, V>(doc: TypedDocumentNode<T, V>, variables: V, token?: string): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new ApiError(body.errors[0]!.message, body.errors[0]!.extensions?.code ?? "INTERNAL");
  return body.data as T;
}

export class ApiError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

let inflight: Promise<TokenPair | null> | null = null;

/**
 * Rotates the refresh token once for every tab. `stale` is the refresh token the caller saw fail: if the
 * stored one differs, another tab already rotated and its pair is used as is.
 */
export function refreshSession(stale?: string): Promise<TokenPair | null> {
  inflight ??= (async () => {
    const run = async () => {
      const current = readPair();
      if (!current) return null;
      const rotatedElsewhere = stale !== undefined && current.refreshToken !== stale;
      if (rotatedElsewhere) return current;
      if (stale === undefined && Date.parse(current.accessTokenExpiresAt) - Date.now() > EARLY_MS) return current;
      try {
        const { refreshSession: pair } = await rawRequest(REFRESH, { refreshToken: current.refreshToken });
        writePair(pair);
        return pair;
      } catch (err) {
        // Only a refusal ends the session; a network failure leaves the pair for the next try.
        if (err instanceof ApiError) writePair(null);
        return null;
      }
    };
    try {
      return navigator.locks ? await navigator.locks.request(LOCK, run) : await run();
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/** An access token good for at least a minute, refreshing first when needed; null when signed out. */
export async function validAccessToken(): Promise<string | null> {
  const pair = readPair();
  if (!pair) return null;
  if (Date.parse(pair.accessTokenExpiresAt) - Date.now() > EARLY_MS) return pair.accessToken;
  return (await refreshSession())?.accessToken ?? null;
}
