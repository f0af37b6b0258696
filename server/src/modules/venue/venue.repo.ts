import { and, asc, eq, getTableColumns, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { pickColumns, statementsByColumns } from "../../db/column-pick.js";
import { regions, venues, venueServicePurchasePeriods } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";

export type VenueRow = typeof venues.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type ServicePurchasePeriodRow = typeof venueServicePurchasePeriods.$inferSelect;

export async function listRegions(db: DbOrTx): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.sortOrder));
}

export async function listRegionsByCodes(db: DbOrTx, codes: readonly string[]): Promise<RegionRow[]> {
  return codes.length ? db.select().from(regions).where(inArray(regions.code, [...codes])) : [];
}

export async function getRegion(db: DbOrTx, code: string): Promise<RegionRow> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  if (!row) throw notFound("县(市、区)", code);
  return row;
}

export async function getVenue(db: DbOrTx, id: string): Promise<VenueRow> {
  const [row] = await db.select().from(venues).where(eq(venues.id, id));
  if (!row) throw notFound("场所", id);
  return row;
}

/** Locks the venue row for a status change, so two officers cannot race a transition. */
export async function getVenueForUpdate(tx: DbOrTx, id: string): Promise<VenueRow> {
  const [row] = await tx.select().from(venues).where(eq(venues.id, id)).for("update");
  if (!row) throw notFound("场所", id);
  return row;
}

/** The venue of that exact (normalised) name in the county, if any: names are unique per county. */
export async function findVenueByRegionAndName(db: DbOrTx, regionCode: string, name: string): Promise<VenueRow | null> {
  const [row] = await db.select().from(venues).where(and(eq(venues.regionCode, regionCode), eq(venues.name, name)));
  return row ?? null;
}

export async function listVenuesByIds(db: DbOrTx, ids: readonly string[]): Promise<VenueRow[]> {
  return ids.length ? db.select().from(venues).where(inArray(venues.id, [...ids])) : [];
}

export interface VenueListFilter {
  venueId?: string;
  regionCode?: string;
  type?: VenueRow["type"];
  statuses?: VenueRow["status"][];
  search?: string;
  limit: number;
  offset: number;
}

/** The columns the Venue type shows (all but the bookkeeping ones); id and regionCode are always read: the region and period field resolvers use them. */
const { suspendedAt: _suspendedAt, revokedAt: _revokedAt, createdBy: _createdBy, updatedAt: _updatedAt, ...LISTED_COLUMNS } = getTableColumns(venues);
type ListedColumn = keyof typeof LISTED_COLUMNS;
export type VenueListItem = Pick<VenueRow, "id" | "regionCode"> & Partial<Pick<VenueRow, ListedColumn>>;

// The venue directory is the busiest list (workers browse it): one prepared statement per column set and
// every filter shape (a null parameter switches its condition off), page and total in one round trip.
// Reading only the columns a query asks for halves the row mapping of the usual four-field list.
const p = {
  venueId: sql.placeholder("venueId"),
  regionCode: sql.placeholder("regionCode"),
  type: sql.placeholder("type"),
  statuses: sql.placeholder("statuses"),
  pattern: sql.placeholder("pattern"),
};
const prepareListVenues = (db: DbOrTx, columns: readonly ListedColumn[]) =>
  db
    .select({ ...Object.fromEntries(columns.map((c) => [c, LISTED_COLUMNS[c]])), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(venues)
    .where(
      and(
        sql`(${p.venueId}::uuid is null or ${venues.id} = ${p.venueId}::uuid)`,
        sql`(${p.regionCode}::text is null or ${venues.regionCode} = ${p.regionCode}::text)`,
        sql`(${p.type}::venue_type is null or ${venues.type} = ${p.type}::venue_type)`,
        sql`(${p.statuses}::venue_status[] is null or ${venues.status} = any(${p.statuses}::venue_status[]))`,
        sql`(${p.pattern}::text is null or ${venues.name} ilike ${p.pattern}::text or ${venues.address} ilike ${p.pattern}::text)`,
      ),
    )
    .orderBy(asc(venues.regionCode), asc(venues.type), asc(venues.name))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare("list_venues");
const ALL_LISTED = Object.keys(LISTED_COLUMNS) as ListedColumn[];
const listVenuesStatement = statementsByColumns(ALL_LISTED, prepareListVenues);

/** One page of venues; `fields` (the Venue fields the query asks for, null for all) picks the columns read. */
export async function listVenues(db: DbOrTx, f: VenueListFilter, fields: ReadonlySet<string> | null = null): Promise<{ items: VenueListItem[]; total: number }> {
  const rows = (await listVenuesStatement(db, pickColumns(LISTED_COLUMNS, fields, ["id", "regionCode"])).execute({
    venueId: f.venueId ?? null,
    regionCode: f.regionCode ?? null,
    type: f.type ?? null,
    // An array literal: the enum values are fixed words, nothing to escape.
    statuses: f.statuses?.length ? `{${f.statuses.join(",")}}` : null,
    pattern: f.search ? likePattern(f.search) : null,
    limit: f.limit,
    offset: f.offset,
  })) as (VenueListItem & { total: number })[];
  if (rows.length === 0 && f.offset > 0) {
    // Past the last page the window count has no row to ride on: count separately (rare).
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(venues).where(and(...conditionsOf(f)));
    return { items: [], total: count!.n };
  }
  return { items: rows.map(({ total: _total, ...venue }) => venue), total: rows[0]?.total ?? 0 };
}

function conditionsOf(f: VenueListFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.venueId) conds.push(eq(venues.id, f.venueId));
  if (f.regionCode) conds.push(eq(venues.regionCode, f.regionCode));
  if (f.type) conds.push(eq(venues.type, f.type));
  if (f.statuses?.length) conds.push(inArray(venues.status, f.statuses));
  if (f.search) conds.push(or(ilike(venues.name, likePattern(f.search)), ilike(venues.address, likePattern(f.search)))!);
  return conds;
}

/** `%text%` with LIKE's own wildcards escaped, so a search for "50%" means those characters. */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function insertVenue(tx: DbOrTx, row: typeof venues.$inferInsert): Promise<VenueRow> {
  const [inserted] = await tx.insert(venues).values(row).returning();
  return inserted!;
}

export async function updateVenue(tx: DbOrTx, id: string, set: Partial<typeof venues.$inferInsert>): Promise<VenueRow> {
  const [row] = await tx.update(venues).set({ ...set, updatedAt: new Date() }).where(eq(venues.id, id)).returning();
  return row!;
}

/** Recognised venues per county and type, for the coverage summary. */
export async function countRecognizedVenuesByRegion(db: DbOrTx) {
  return db
    .select({
      regionCode: venues.regionCode,
      markets: sql<number>`count(*) filter (where ${venues.type} = 'MARKET')::int`,
      stations: sql<number>`count(*) filter (where ${venues.type} = 'STATION')::int`,
    })
    .from(venues)
    .where(eq(venues.status, "RECOGNIZED"))
    .groupBy(venues.regionCode);
}

export async function insertServicePurchasePeriod(tx: DbOrTx, row: typeof venueServicePurchasePeriods.$inferInsert) {
  const [inserted] = await tx.insert(venueServicePurchasePeriods).values(row).returning();
  return inserted!;
}

/** A purchase-of-service period of the venue sharing at least one day with [startsOn, endsOn] (both inclusive), if any. */
export async function findOverlappingServicePurchasePeriod(db: DbOrTx, venueId: string, startsOn: string, endsOn: string): Promise<ServicePurchasePeriodRow | null> {
  const [row] = await db
    .select()
    .from(venueServicePurchasePeriods)
    .where(and(eq(venueServicePurchasePeriods.venueId, venueId), lte(venueServicePurchasePeriods.startsOn, endsOn), gte(venueServicePurchasePeriods.endsOn, startsOn)))
    .orderBy(asc(venueServicePurchasePeriods.startsOn))
    .limit(1);
  return row ?? null;
}

export async function listServicePurchasePeriodsByVenueIds(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(venueServicePurchasePeriods)
    .where(inArray(venueServicePurchasePeriods.venueId, [...ids]))
    .orderBy(asc(venueServicePurchasePeriods.startsOn));
}

/** One recognised venue near a point for the public finder, with its latest frozen star (markets only). */
export interface PublicVenueRow {
  id: string;
  name: string;
  type: "MARKET" | "STATION";
  address: string;
  regionCode: string;
  hotline: string | null;
  openingHours: string | null;
  distanceMeters: number;
  star: number | null;
  starYear: number | null;
}

/** Recognised venues nearest to the point first; only public columns are read. */
export async function listNearestPublicVenues(db: DbOrTx, q: { lat: number; lng: number; first: number }): Promise<PublicVenueRow[]> {
  return (await db.execute(sql`
    select v.id, v.name, v.type, v.address, v.region_code as "regionCode", v.contact_phone as hotline, v.opening_hours as "openingHours",
           earth_distance(ll_to_earth(v.lat, v.lng), ll_to_earth(${q.lat}, ${q.lng})) as "distanceMeters",
           s.star, s.year as "starYear"
      from venues v
      left join lateral (
        select r.star, r.year from venue_year_results r
         where r.venue_id = v.id and r.status = 'FROZEN' and r.star is not null and v.type = 'MARKET'
         order by r.year desc limit 1) s on true
     where v.status = 'RECOGNIZED'
     order by 8, v.id
     limit ${q.first}`)) as unknown as PublicVenueRow[];
}
