import { cacheExchange, Client, fetchExchange, subscriptionExchange, type CombinedError } from "@urql/core";
import { createClient as createWsClient } from "graphql-ws";
import { readPair, refreshSession, validAccessToken } from "../lib/session";

/**
 * fetch with the session: a fresh bearer token on every request, and one retry after a refresh when the
 * server answers 401 (expired or ended token). A second 401 leaves the refusal to the caller (to the login).
 */
async function authFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) => {
    const headers = new Headers(init.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const token = await validAccessToken();
  const res = await send(token);
  if (res.status !== 401 || !token) return res;
  const pair = await refreshSession(readPair()?.refreshToken);
  return pair ? send(pair.accessToken) : res;
}

const wsUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
/** Subscriptions: the server wants the bearer token in connection_init. */
const ws = createWsClient({
  url: wsUrl,
  lazy: true,
  connectionParams: async () => ({ authorization: `Bearer ${(await validAccessToken()) ?? ""}` }),
});

export const client = new Client({
  url: "/graphql",
  fetch: authFetch,
  requestPolicy: "cache-and-network",
  // POST only: Apollo's CSRF prevention refuses GET queries without a preflight header.
  preferGetMethod: false,
  // The document cache: a mutation returning a Venue refetches every query that showed a Venue.
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query || "" };
        return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
      },
    }),
  ],
});

/** The first GraphQL error's code (FORBIDDEN, BAD_USER_INPUT…) and message, for the error states. */
export function errorInfo(error: CombinedError | undefined | null): { code: string; message: string } | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) return { code: String(first.extensions?.code ?? "INTERNAL"), message: first.message };
  return { code: "NETWORK", message: error.networkError?.message ?? error.message };
}
