// What the benchmarks in scripts/bench share: reading their options (with --help) and a scratch database
// that is dropped and created afresh, migrated and, for the API benches, filled with the demo data.
import { randomBytes } from "node:crypto";
import { parseArgs, type ParseArgsConfig } from "node:util";
import postgres from "postgres";
import { createDatabase } from "../../../server/src/db/client.js";
import { migrateDatabase } from "../../../server/src/db/migrate.js";
import { createPiiVault } from "../../../server/src/modules/identity/pii.js";
import { seedDemoData } from "../../seed.js";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;
type Values<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ options: O }>>["values"];

/** The command line's options (an unknown one is refused); with --help prints `help` and exits 0. */
export function benchOptions<const O extends OptionsConfig>(options: O, help: string): Values<O> {
  const { values } = parseArgs({ options });
  if ((values as { help?: unknown }).help) {
    console.log(help);
    process.exit(0);
  }
  return values;
}

/**
 * A numeric option, checked: throws `--name must be …` unless it is a number above zero (`zero`: or zero;
 * `integer`: a whole one) and at most `max`.
 */
export function numberOption(name: string, raw: unknown, rule: { integer?: boolean; zero?: boolean; max?: number } = {}): number {
  const { integer = false, zero = false, max = Infinity } = rule;
  const v = Number(raw);
  if ((integer ? Number.isSafeInteger(v) : Number.isFinite(v)) && (zero ? v >= 0 : v > 0) && v <= max) return v;
  if (max !== Infinity) throw new Error(`--${name} must be ${integer ? "an integer" : "a number"} in ${zero ? 0 : 1}..${max}`);
  throw new Error(`--${name} must be a positive ${integer ? "integer" : "number"}`);
}

/** The URL of database `name` on the server of `serverUrl` (any database URL of that server). */
export function databaseUrl(serverUrl: string, name: string): string {
  return Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
}

/** Scratch databases on one server, through its maintenance database: dropped (connections closed) and created afresh. */
export interface ScratchServer {
  /** The maintenance connection (one), for the bench's own reads of pg_stat_activity and the like. */
  admin: postgres.Sql;
  /** Drops `name` if it exists and creates it empty; returns its URL. */
  recreate(name: string): Promise<string>;
  drop(name: string): Promise<void>;
  end(): Promise<void>;
}

export function scratchServer(adminUrl: string): ScratchServer {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const drop = async (name: string) => void (await admin.unsafe(`drop database if exists ${name} with (force)`));
  return {
    admin,
    async recreate(name) {
      await drop(name);
      await admin.unsafe(`create database ${name}`);
      return databaseUrl(adminUrl, name);
    },
    drop,
    end: () => admin.end(),
  };
}

/** Fresh keys for a bench run, shared by the seed and the API it starts so the API can read what the seed wrote. */
export function benchSecrets() {
  return {
    JWT_SECRET: randomBytes(32).toString("hex"),
    PII_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    PII_BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    CONTRACT_SIGNING_KEY: randomBytes(32).toString("base64"),
  };
}

/** Migrates the database and writes the demo data (scripts/seed) with the run's PII keys. */
export async function migrateAndSeedDemo(url: string, secrets: ReturnType<typeof benchSecrets>, log: (line: string) => void): Promise<void> {
  const database = createDatabase(url, 2);
  try {
    await migrateDatabase(database.db);
    const vault = createPiiVault(Buffer.from(secrets.PII_ENCRYPTION_KEY, "base64"), Buffer.from(secrets.PII_BLIND_INDEX_KEY, "base64"));
    await seedDemoData(database.db, vault, { log: (l) => log(`seed: ${l}`) });
  } finally {
    await database.close();
  }
}
