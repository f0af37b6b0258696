// Writes server/schema.graphql (read by the admin's codegen). Usage: pnpm schema:print
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildAppSchema, printAppSchema } from "./schema.js";

export const SCHEMA_FILE = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(SCHEMA_FILE, printAppSchema(await buildAppSchema()));
  console.log(`wrote ${SCHEMA_FILE}`);
}
