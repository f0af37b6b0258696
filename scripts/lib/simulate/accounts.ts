// Which demo accounts the simulator plays, and their sign-in through the API (login, then `me`).
import type { DemoAccount } from "../../seed.js";
import type { Rng } from "../random.js";
import { ApiError, Session, type GraphQLClient } from "./client.js";

export interface WorkerAccount {
  session: Session;
  id: string;
  phone: string;
  regionCode: string;
  home: { lat: number; lng: number };
  skills: { skillCode: string; level: number }[];
}

export interface EmployerAccount {
  session: Session;
  id: string;
  phone: string;
  regionCode: string;
}

/** The demo logins of the seed, always played: their unfinished work (a settlement to confirm, hours to pay) is the day's backlog. */
export const DEMO_WORKER_PHONE = "13900000004";
export const DEMO_EMPLOYER_PHONE = "13900000005";

/**
 * How many accounts a run plays: enough workers on the app for the rate (6 per task a minute), one employer per
 * task a minute. No upper cap of our own: each agent waits for its answers (a closed loop), so the client
 * population, not the posting rate, sets the request rate; the seed's 2,000 workers and 200 employers bound it.
 */
export function poolSizes(rate: number, chosen: { workers: number | null; employers: number | null } = { workers: null, employers: null }): { workers: number; employers: number } {
  return {
    workers: chosen.workers ?? Math.max(30, Math.round(rate * 6)),
    employers: chosen.employers ?? Math.max(8, Math.round(rate)),
  };
}

/** Sign-ins at once: 3 for a small run (argon2 is costly for the API), more for a large one so it plays within a minute. */
export function loginConcurrency(accounts: number, chosen: number | null = null): number {
  return chosen ?? Math.min(16, Math.max(3, Math.ceil(accounts / 60)));
}

/**
 * Picks the accounts: the demo logins and the seeded workers and employer holding the demo market's
 * unfinished wages, then a seeded sample of verified, available workers and of employers.
 */
export function chooseAccounts(book: readonly DemoAccount[], rng: Rng, sizes: { workers: number; employers: number }): { workers: DemoAccount[]; employers: DemoAccount[] } {
  const workers = book.filter((a) => a.role === "WORKER");
  const employers = book.filter((a) => a.role === "EMPLOYER");
  // scripts/seed.ts gives the demo market's wages to the 4th–7th seeded workers and the first other employer.
  const backlogWorkers = [...workers.filter((a) => a.phone === DEMO_WORKER_PHONE), ...workers.slice(3, 7)];
  const backlogEmployers = [...employers.filter((a) => a.phone === DEMO_EMPLOYER_PHONE), ...employers.slice(0, 1)];
  const pick = (all: DemoAccount[], must: DemoAccount[], n: number) => {
    const chosen = new Map(must.map((a) => [a.phone, a]));
    for (const a of rng.shuffle(all.filter((x) => x.active))) {
      if (chosen.size >= Math.max(n, must.length)) break;
      chosen.set(a.phone, a);
    }
    return [...chosen.values()];
  };
  return { workers: pick(workers, backlogWorkers, sizes.workers), employers: pick(employers, backlogEmployers, sizes.employers) };
}

const ME = `query Me { me { id role workerProfile { homeLat homeLng verifiedAt available skills { skillCode level } } employerProfile { regionCode } } }`;

interface MeResult {
  me: {
    id: string;
    role: string;
    workerProfile: { homeLat: number; homeLng: number; verifiedAt: string | null; available: boolean; skills: { skillCode: string; level: number }[] } | null;
    employerProfile: { regionCode: string } | null;
  };
}

/** Signs one account in and reads its profile; null (the error is counted) when the login or the role does not fit. */
export async function signIn(client: GraphQLClient, account: DemoAccount, password: string): Promise<WorkerAccount | EmployerAccount | null> {
  try {
    const session = await Session.login(client, account.phone, password);
    const { me } = await session.call<MeResult>("me", ME);
    if (account.role === "WORKER" && me.role === "WORKER" && me.workerProfile && me.workerProfile.skills.length > 0) {
      const p = me.workerProfile;
      return { session, id: me.id, phone: account.phone, regionCode: account.regionCode, home: { lat: p.homeLat, lng: p.homeLng }, skills: p.skills };
    }
    if (account.role === "EMPLOYER" && me.role === "EMPLOYER" && me.employerProfile) {
      return { session, id: me.id, phone: account.phone, regionCode: me.employerProfile.regionCode };
    }
    return null;
  } catch (err) {
    if (err instanceof ApiError) return null;
    throw err;
  }
}
