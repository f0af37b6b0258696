import type { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { Logger } from "./logger.js";
import type { PiiVault } from "./modules/identity/pii.js";

/** What services are built from: one set per process, shared by every request. */
export interface Deps {
  config: Config;
  db: Db;
  redis: Redis;
  pii: PiiVault;
  logger: Logger;
  /** The clock, injectable so deadline and expiry tests need no sleeping. */
  now: () => Date;
}
