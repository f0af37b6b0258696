import DataLoader from "dataloader";
import type { Db } from "../db/client.js";
import * as identity from "../modules/identity/identity.repo.js";
import * as venue from "../modules/venue/venue.repo.js";

function byKey<K, V>(rows: V[], key: (v: V) => K, keys: readonly K[]): (V | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupBy<K, V>(rows: V[], key: (v: V) => K, keys: readonly K[]): V[][] {
  const map = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** One set per request, so field resolvers batch instead of querying per row (no N+1). */
export function createLoaders(db: Db) {
  return {
    regionByCode: new DataLoader(async (codes: readonly string[]) =>
      byKey(await venue.listRegionsByCodes(db, codes), (r) => r.code, codes),
    ),
    venueById: new DataLoader(async (ids: readonly string[]) => byKey(await venue.listVenuesByIds(db, ids), (v) => v.id, ids)),
    workerProfileByUserId: new DataLoader(async (ids: readonly string[]) =>
      byKey(await identity.listWorkerProfilesByUserIds(db, ids), (p) => p.userId, ids),
    ),
    employerProfileByUserId: new DataLoader(async (ids: readonly string[]) =>
      byKey(await identity.listEmployerProfilesByUserIds(db, ids), (p) => p.userId, ids),
    ),
    skillsByWorkerId: new DataLoader(async (ids: readonly string[]) =>
      groupBy(await identity.listSkillsByWorkerIds(db, ids), (s) => s.workerId, ids),
    ),
    servicePurchasePeriodsByVenueId: new DataLoader(async (ids: readonly string[]) =>
      groupBy(await venue.listServicePurchasePeriodsByVenueIds(db, ids), (p) => p.venueId, ids),
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
