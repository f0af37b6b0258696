// A GraphQL-over-HTTP client as the phone and console apps use it: bearer tokens, typed error codes,
// every call timed into the run's statistics under its operation name.
import type { SimStats } from "./stats.js";

/** A refusal or failure of one call, with the API's `extensions.code` (NETWORK / HTTP_nnn when there was none). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly reasons: { code: string; message: string }[] = [],
  ) {
    super(message);
  }

  /** True when a reason (or the code itself) names `code`. */
  is(code: string): boolean {
    return this.code === code || this.reasons.some((r) => r.code === code);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reasons?: { code: string; message: string }[] } }[];
}

const TIMEOUT_MS = 20_000;

export class GraphQLClient {
  constructor(
    readonly url: string,
    private readonly stats: SimStats,
    private readonly userAgent = "qz-market-simulator/1",
  ) {}

  /** Runs one operation; throws ApiError on any GraphQL error or transport failure. */
  async call<T>(operation: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const started = performance.now();
    let code: string | null = null;
    let reason: string | null = null;
    try {
      let res: Response;
      try {
        res = await fetch(this.url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": this.userAgent, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        code = "NETWORK";
        throw new ApiError(code, (err as Error).message);
      }
      let body: GraphQLResponse<T>;
      try {
        body = (await res.json()) as GraphQLResponse<T>;
      } catch {
        code = `HTTP_${res.status}`;
        throw new ApiError(code, `HTTP ${res.status} without a JSON body`);
      }
      const first = body.errors?.[0];
      if (first) {
        code = first.extensions?.code ?? `HTTP_${res.status}`;
        reason = first.extensions?.reasons?.[0]?.code ?? null;
        throw new ApiError(code, first.message, first.extensions?.reasons ?? []);
      }
      if (!body.data) {
        code = `HTTP_${res.status}`;
        throw new ApiError(code, `HTTP ${res.status} without data`);
      }
      return body.data;
    } finally {
      this.stats.record(operation, performance.now() - started, code, reason);
    }
  }
}

/** One signed-in account: refreshes its access token a minute before it expires (they live 15 minutes). */
export class Session {
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly client: GraphQLClient,
    readonly phone: string,
    private tokens: { accessToken: string; refreshToken: string; accessTokenExpiresAt: string },
  ) {}

  static async login(client: GraphQLClient, phone: string, password: string): Promise<Session> {
    const data = await client.call<{ login: Session["tokens"] }>(
      "login",
      `mutation Login($phone: String!, $password: String!) { login(phone: $phone, password: $password) { accessToken refreshToken accessTokenExpiresAt } }`,
      { phone, password },
    );
    return new Session(client, phone, data.login);
  }

  private async token(): Promise<string> {
    if (Date.parse(this.tokens.accessTokenExpiresAt) - Date.now() < 60_000) {
      this.refreshing ??= this.client
        .call<{ refreshSession: Session["tokens"] }>(
          "refreshSession",
          `mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken accessTokenExpiresAt } }`,
          { t: this.tokens.refreshToken },
        )
        .then((d) => void (this.tokens = d.refreshSession))
        .finally(() => (this.refreshing = null));
      await this.refreshing;
    }
    return this.tokens.accessToken;
  }

  async call<T>(operation: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return this.client.call<T>(operation, query, variables, await this.token());
  }
}
