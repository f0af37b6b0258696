import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Db } from "./client.js";
import { applyReferenceData } from "./reference-data.js";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies pending drizzle-kit migrations, then upserts the reference rows every environment needs. */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
  await applyReferenceData(db);
}
