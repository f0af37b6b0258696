import { and, inArray, lt } from "drizzle-orm";
import { processedEvents, refreshTokens, smsCodes } from "../db/schema/index.js";
import type { JobHandler } from "./job-context.js";

const DAY = 86_400_000;

/**
 * Nightly: drops rows that only ever mattered for a while. Codes used to prove a signature or a proxy
 * action (SIGN_CONTRACT, PROXY_ACTION) are evidence and stay. Processed-event marks outlive BullMQ's
 * finished-job retention many times over, so no re-delivery can arrive after they go.
 */
export const purgeExpired: JobHandler<"housekeeping.purge-expired"> = async ({ tx, now }) => {
  const at = now.getTime();
  await tx.delete(smsCodes).where(and(inArray(smsCodes.purpose, ["REGISTER", "LOGIN", "RESET_PASSWORD"]), lt(smsCodes.expiresAt, new Date(at - 7 * DAY))));
  await tx.delete(refreshTokens).where(lt(refreshTokens.expiresAt, new Date(at - 30 * DAY)));
  await tx.delete(processedEvents).where(lt(processedEvents.processedAt, new Date(at - 30 * DAY)));
};
