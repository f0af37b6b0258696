import { pino, type Logger } from "pino";
import type { Config } from "./config.js";

/** One pino logger per process; request loggers are children carrying the request id. */
export function createLogger(config: Pick<Config, "logLevel" | "env">, name: string): Logger {
  return pino({
    name,
    level: config.env === "test" && config.logLevel === "info" ? "silent" : config.logLevel,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.idNumber"], remove: true },
  });
}
export type { Logger };
