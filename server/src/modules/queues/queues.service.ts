import { jwtVerify, SignJWT } from "jose";
import { requireActor, type Caller } from "../../access/actor.js";
import type { Deps } from "../../deps.js";

/** Where the dashboard lives; the read-only and the full board are separate mounts so each is enforced by path. */
export const QUEUES_BASE_PATH = "/admin/queues";
export const QUEUES_COOKIE = "qz_queues";
const TICKET_TTL_SECONDS = 60;
/** The dashboard cookie outlives the ticket, but not by more than an access token (15 min). */
export const QUEUES_SESSION_SECONDS = 15 * 60;
const ISSUER = "quanzhou-gig";

export interface QueueGrant {
  userId: string;
  readOnly: boolean;
}

export type QueueDashboardService = ReturnType<typeof createQueueDashboardService>;

/**
 * Opens Bull Board behind the console's login: the signed-in officer gets a one-minute ticket, which the
 * dashboard's entry route trades for an HttpOnly cookie scoped to its path. County officers get the
 * read-only board, city officers the one that can retry failed jobs.
 */
export function createQueueDashboardService(deps: Deps) {
  const secret = deps.config.jwtSecret;

  async function sign(grant: QueueGrant, audience: string, ttl: number) {
    const iat = Math.floor(deps.now().getTime() / 1000);
    const token = await new SignJWT({ ro: grant.readOnly })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(grant.userId)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(secret);
    return { token, expiresAt: new Date((iat + ttl) * 1000) };
  }

  async function verify(token: string, audience: string): Promise<QueueGrant | null> {
    try {
      const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience, algorithms: ["HS256"], currentDate: deps.now() });
      if (typeof payload.sub !== "string" || typeof payload.ro !== "boolean") return null;
      return { userId: payload.sub, readOnly: payload.ro };
    } catch {
      return null;
    }
  }

  return {
    /** A ticket URL for the caller's board: read-only for county officers, retry for city officers. */
    async openDashboard(caller: Caller) {
      const actor = requireActor(caller, "CITY_OFFICER", "COUNTY_OFFICER");
      const readOnly = actor.role !== "CITY_OFFICER";
      const { token, expiresAt } = await sign({ userId: actor.userId, readOnly }, "queues-ticket", TICKET_TTL_SECONDS);
      return { url: `${QUEUES_BASE_PATH}/enter?ticket=${encodeURIComponent(token)}`, expiresAt, readOnly };
    },
    /** Trades a ticket for the dashboard cookie's value. */
    async enter(ticket: string) {
      const grant = await verify(ticket, "queues-ticket");
      return grant ? { grant, ...(await sign(grant, "queues-session", QUEUES_SESSION_SECONDS)) } : null;
    },
    /** The grant a dashboard cookie carries, or null when missing, forged or expired. */
    session(cookie: string): Promise<QueueGrant | null> {
      return verify(cookie, "queues-session");
    },
  };
}
