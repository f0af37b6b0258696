// Run as a child process by process-guards.test.ts: makes postgres.js reject its dropped array-type fetch on a new
// connection (porsager/postgres#1192; a 1 ms statement_timeout cancels it, as a restart's dead connection would fail
// it), then says whether the process lived on. Argument "guarded" installs the API's and worker's process guards.
import postgres from "postgres";
import { createLogger } from "../logger.js";
import { installProcessGuards } from "../process-guards.js";

const logger = createLogger({ env: "development", logLevel: "info" }, "fixture");
if (process.argv[2] === "guarded") installProcessGuards(logger);
const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {}, connection: { statement_timeout: 1 } });
await sql`select 1`.catch(() => {}); // the caller's own query fails or not; it is handled here either way
await new Promise((r) => setTimeout(r, 300));
await sql.end({ timeout: 1 });
console.log("still alive");
