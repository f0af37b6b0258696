import { z } from "zod";

/** Development-only secrets: refused when NODE_ENV=production. */
const DEV_JWT_SECRET = "dev-only-jwt-secret-change-me-0123456789abcdef";
const DEV_PII_KEY = Buffer.alloc(32, 7).toString("base64");
const DEV_BLIND_INDEX_KEY = Buffer.alloc(32, 9).toString("base64");
const DEV_CONTRACT_SIGNING_KEY = Buffer.alloc(32, 11).toString("base64");

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/quanzhou_gig"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  /**
   * A streaming replica for reads where a few seconds of staleness is acceptable (reports, rankings; see
   * db/client.ts). Unset: those reads go to DATABASE_URL.
   */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /**
   * Named prepared statements (postgres.js `prepare`). Set to false when DATABASE_URL points at pgbouncer in
   * transaction mode, where the next statement may run on another server connection that never saw the PREPARE.
   */
  DATABASE_PREPARE: z.stringbool().default(true),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  /**
   * Redis Cluster seed nodes, `host:port,host:port,…`. When set, every Redis connection (BullMQ, pub/sub for
   * subscriptions, rate and SMS limiters, session revocations) is a cluster client and REDIS_URL is not used.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === "" || parseNodes(v) !== null, "comma-separated host:port pairs, e.g. 127.0.0.1:7001,127.0.0.1:7002"),
  /** Wrapped in a hash tag ({qz}) so every queue key lands in one Redis Cluster slot. */
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default("qz"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JWT_SECRET: z.string().min(32).default(DEV_JWT_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  /** How long a just-rotated refresh token still returns the same new pair (two tabs, a retried request). */
  REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  PII_ENCRYPTION_KEY: base64Key.default(DEV_PII_KEY),
  PII_BLIND_INDEX_KEY: base64Key.default(DEV_BLIND_INDEX_KEY),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(1000),
  /** Root mutation fields per request: each may be a write or an argon2 check (login). */
  GRAPHQL_MAX_ROOT_MUTATIONS: z.coerce.number().int().min(1).default(10),
  /** Browser origins besides the server's own host allowed to open the WebSocket, comma-separated. */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .refine((v) => v.split(",").every((o) => !o.trim() || URL.canParse(o.trim())), "comma-separated origins, e.g. https://admin.example.cn"),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  WRITE_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  // How often an idle relay looks for new outbox rows: the mean wait of every event (a payout after its confirmation
  // included), for one indexed query per poll (10 a second per worker process when idle).
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(100),
  // Dispatch (DESIGN §4): an offer's life, waves before staff dispatch by hand, K outstanding offers per worker,
  // and the nearest eligible workers a wave ranks (at least the largest wave, 20).
  DISPATCH_OFFER_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  DISPATCH_MAX_WAVES: z.coerce.number().int().min(1).max(20).default(3),
  DISPATCH_MAX_OUTSTANDING_OFFERS: z.coerce.number().int().min(1).max(50).default(3),
  DISPATCH_CANDIDATE_POOL: z.coerce.number().int().min(20).max(2000).default(200),
  // 到岗确认: the worker confirms by this many hours before the start; the reminder goes out earlier still.
  DISPATCH_RECONFIRM_HOURS: z.coerce.number().int().min(1).max(48).default(2),
  DISPATCH_RECONFIRM_REMINDER_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  ADMIN_DIST: z.string().default(""),
  // stringbool: "false" and "0" mean false (z.coerce.boolean would read any non-empty string as true).
  TRUST_PROXY: z.stringbool().default(false),
  /** Where SMS codes go: `log` prints them in the API log (development; withheld in production). The only one until a gateway adapter exists. */
  SMS_PROVIDER: z.enum(["log"]).default("log"),
  /** The insurer behind 零工保 evidence: `mock` issues deterministic policy references (the only one until an insurer adapter exists). */
  INSURANCE_PROVIDER: z.enum(["mock"]).default("mock"),
  /** Seconds before one phone may ask for another code (0 turns the cooldown off, for tests). */
  SMS_RESEND_SECONDS: z.coerce.number().int().min(0).default(60),
  SMS_DAILY_LIMIT_PER_PHONE: z.coerce.number().int().min(1).default(10),
  SMS_HOURLY_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  /** Where complaint evidence is stored: `local` disk under UPLOAD_DIR (default) or an `s3`-compatible bucket (S3_*). */
  EVIDENCE_STORAGE: z.enum(["local", "s3"]).default("local"),
  /** Complaint evidence on local disk (the default storage adapter); relative paths are from the working directory. */
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  /** The S3-compatible store (EVIDENCE_STORAGE=s3): endpoint URL (unset: AWS's own for S3_REGION), bucket, credentials. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (endpoint/bucket/key), which MinIO and most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  /** Largest evidence file (JPEG, PNG, PDF, MP4), checked while it streams in. */
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(20 * 1024 * 1024),
  /** How long a signed evidence link works. */
  EVIDENCE_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** Demo money: employers may top up their wallet from a mock bank (never in production). Default: on outside production. */
  LEDGER_MOCK_TOP_UP: z.stringbool().optional(),
  /** The platform's Ed25519 contract-signing key: a 32-byte seed, base64 (openssl rand -base64 32). */
  CONTRACT_SIGNING_KEY: base64Key.default(DEV_CONTRACT_SIGNING_KEY),
});

export interface RedisNode {
  host: string;
  port: number;
}

/** `host:port,host:port` → nodes; null when any entry is not a host and a port. */
function parseNodes(value: string): RedisNode[] | null {
  const nodes: RedisNode[] = [];
  for (const entry of value.split(",").map((n) => n.trim()).filter(Boolean)) {
    const match = /^([^\s:]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(entry);
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65535) return null;
    nodes.push({ host: match[1]!.replace(/^\[|\]$/g, ""), port });
  }
  return nodes.length ? nodes : null;
}

export type Config = Readonly<{
  env: "development" | "test" | "production";
  isProduction: boolean;
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolMax: number;
  /** Where stale-tolerant reads go: the replica when configured, else the primary (databaseUrl). */
  databaseReplicaUrl: string | null;
  databasePrepare: boolean;
  redisUrl: string;
  /** Redis Cluster seed nodes; null in the default single-node mode (redisUrl). */
  redisClusterNodes: readonly RedisNode[] | null;
  queuePrefix: string;
  logLevel: string;
  jwtSecret: Uint8Array;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  refreshGraceSeconds: number;
  piiEncryptionKey: Buffer;
  piiBlindIndexKey: Buffer;
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  graphqlMaxRootMutations: number;
  allowedOrigins: readonly string[];
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  writeRateLimit: number;
  outboxPollMs: number;
  dispatch: { offerTtlMinutes: number; maxWaves: number; maxOutstandingOffers: number; candidatePool: number; reconfirmHours: number; reconfirmReminderHours: number };
  adminDist: string;
  trustProxy: boolean;
  smsProvider: "log";
  insuranceProvider: "mock";
  smsResendSeconds: number;
  smsDailyLimitPerPhone: number;
  smsHourlyLimitPerIp: number;
  evidenceStorage: EvidenceStorageConfig;
  evidenceMaxBytes: number;
  evidenceLinkTtlSeconds: number;
  ledgerMockTopUp: boolean;
  contractSigningSeed: Buffer;
}>;

/** Which evidence store to build (evidence.storage.ts), with everything it needs. */
export type EvidenceStorageConfig =
  | { kind: "local"; dir: string }
  | { kind: "s3"; endpoint: string | null; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

export class ConfigError extends Error {}

/** The evidence store; with EVIDENCE_STORAGE=s3 every S3 setting but the endpoint must be present, or the process refuses to start. */
function evidenceStorageOf(e: z.infer<typeof schema>): EvidenceStorageConfig {
  if (e.EVIDENCE_STORAGE === "local") return { kind: "local", dir: e.UPLOAD_DIR };
  const missing = (["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((k) => !e[k]);
  if (missing.length) throw new ConfigError(`EVIDENCE_STORAGE=s3 needs ${missing.join(", ")}`);
  return {
    kind: "s3",
    endpoint: e.S3_ENDPOINT ?? null,
    bucket: e.S3_BUCKET!,
    region: e.S3_REGION!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}

/** Parses and checks the environment once; the only place that reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  if (isProduction) {
    const devDefaults = [
      e.JWT_SECRET === DEV_JWT_SECRET && "JWT_SECRET",
      e.PII_ENCRYPTION_KEY === DEV_PII_KEY && "PII_ENCRYPTION_KEY",
      e.PII_BLIND_INDEX_KEY === DEV_BLIND_INDEX_KEY && "PII_BLIND_INDEX_KEY",
      e.CONTRACT_SIGNING_KEY === DEV_CONTRACT_SIGNING_KEY && "CONTRACT_SIGNING_KEY",
    ].filter(Boolean);
    if (devDefaults.length) throw new ConfigError(`Set real secrets in production: ${devDefaults.join(", ")}`);
    if (e.LEDGER_MOCK_TOP_UP) throw new ConfigError("LEDGER_MOCK_TOP_UP credits wallets from nowhere: never in production");
  }
  if (e.DISPATCH_RECONFIRM_REMINDER_HOURS <= e.DISPATCH_RECONFIRM_HOURS) {
    throw new ConfigError("DISPATCH_RECONFIRM_REMINDER_HOURS must be more than DISPATCH_RECONFIRM_HOURS: the reminder comes before the deadline");
  }
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL ?? null,
    databasePrepare: e.DATABASE_PREPARE,
    redisUrl: e.REDIS_URL,
    redisClusterNodes: e.REDIS_CLUSTER_NODES ? parseNodes(e.REDIS_CLUSTER_NODES) : null,
    queuePrefix: `{${e.QUEUE_PREFIX}}`,
    logLevel: e.LOG_LEVEL,
    jwtSecret: new TextEncoder().encode(e.JWT_SECRET),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    refreshGraceSeconds: e.REFRESH_GRACE_SECONDS,
    piiEncryptionKey: Buffer.from(e.PII_ENCRYPTION_KEY, "base64"),
    piiBlindIndexKey: Buffer.from(e.PII_BLIND_INDEX_KEY, "base64"),
    graphqlMaxDepth: e.GRAPHQL_MAX_DEPTH,
    graphqlMaxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
    graphqlMaxRootMutations: e.GRAPHQL_MAX_ROOT_MUTATIONS,
    allowedOrigins: e.ALLOWED_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean).map((o) => new URL(o).origin),
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginRateWindowSeconds: e.LOGIN_RATE_WINDOW_SECONDS,
    writeRateLimit: e.WRITE_RATE_LIMIT,
    outboxPollMs: e.OUTBOX_POLL_MS,
    dispatch: {
      offerTtlMinutes: e.DISPATCH_OFFER_TTL_MINUTES,
      maxWaves: e.DISPATCH_MAX_WAVES,
      maxOutstandingOffers: e.DISPATCH_MAX_OUTSTANDING_OFFERS,
      candidatePool: e.DISPATCH_CANDIDATE_POOL,
      reconfirmHours: e.DISPATCH_RECONFIRM_HOURS,
      reconfirmReminderHours: e.DISPATCH_RECONFIRM_REMINDER_HOURS,
    },
    adminDist: e.ADMIN_DIST,
    trustProxy: e.TRUST_PROXY,
    smsProvider: e.SMS_PROVIDER,
    insuranceProvider: e.INSURANCE_PROVIDER,
    smsResendSeconds: e.SMS_RESEND_SECONDS,
    smsDailyLimitPerPhone: e.SMS_DAILY_LIMIT_PER_PHONE,
    smsHourlyLimitPerIp: e.SMS_HOURLY_LIMIT_PER_IP,
    evidenceStorage: evidenceStorageOf(e),
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES,
    evidenceLinkTtlSeconds: e.EVIDENCE_LINK_TTL_SECONDS,
    ledgerMockTopUp: e.LEDGER_MOCK_TOP_UP ?? !isProduction,
    contractSigningSeed: Buffer.from(e.CONTRACT_SIGNING_KEY, "base64"),
  });
}
