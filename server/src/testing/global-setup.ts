// Builds one migrated template database per migration set; each test file clones it (CREATE DATABASE … TEMPLATE),
// so files run in parallel on their own databases.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { adminDatabaseUrl, databaseUrlFor, TEST_PG_URL } from "./test-env.js";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  for (const dir of ["../db/migrations", "../db"]) {
    const path = fileURLToPath(new URL(dir, import.meta.url));
    for (const f of readdirSync(path).filter((f) => f.endsWith(".sql") || f === "reference-data.ts").sort()) {
      hash.update(f).update(readFileSync(`${path}/${f}`));
    }
  }
  const shared = fileURLToPath(new URL("../../../shared/src", import.meta.url));
  for (const f of ["calendar/holidays.ts", "region/regions.ts", "identity/skills.ts", "wage/minimum-wage.ts"]) hash.update(readFileSync(`${shared}/${f}`));
  return hash.digest("hex").slice(0, 12);
}

export default async function setup(project: TestProject) {
  const template = `qz_template_${migrationsFingerprint()}`;
  const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`.catch((err) => {
      throw new Error(`PostgreSQL is not reachable at ${TEST_PG_URL} (${err.message}). Start it (see README) or set TEST_DATABASE_URL.`);
    });
    // One creator at a time across parallel runs; the template is reused while migrations are unchanged.
    await admin`select pg_advisory_lock(727272)`;
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!exists) {
      await admin.unsafe(`create database "${template}"`);
      const database = createDatabase(databaseUrlFor(template), 1);
      try {
        await migrateDatabase(database.db);
      } catch (err) {
        await database.close();
        await admin.unsafe(`drop database if exists "${template}"`);
        throw err;
      }
      await database.close();
      await admin.unsafe(`comment on database "${template}" is '${Date.now()}'`);
    }
    // Templates of older migration sets are dead weight, but another checkout's run (another branch) may still be
    // cloning its own: only templates made more than six hours ago (their comment) are dropped.
    const stale = await admin`
      select d.datname, shobj_description(d.oid, 'pg_database') as made from pg_database d
      where d.datname like 'qz\_template\_%' and d.datname <> ${template}`;
    for (const { datname, made } of stale) {
      if (Number(made) > Date.now() - 6 * 3600_000) continue;
      await admin.unsafe(`drop database if exists "${datname}"`).catch(() => {});
    }
    await admin`select pg_advisory_unlock(727272)`;
  } finally {
    await admin.end();
  }
  project.provide("templateDatabase", template);
}
