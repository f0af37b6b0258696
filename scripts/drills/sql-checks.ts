// The invariants PostgreSQL holds the answer to: seats, payments, the ledger, the venue roll-up and the
// outbox. Each check only reads, and names the rows that break it (at most SAMPLE of them).
import type postgres from "postgres";
import { CONSUMERS } from "../../server/src/jobs/events.js";
import { COUNTERS } from "../../server/src/modules/performance/performance.repo.js";
import { countersFromSourcesText, countersOfRow, type CountersRow } from "../../server/src/modules/performance/reconcile.repo.js";

/** A postgres.js client or an open transaction on one. */
export type Reader = postgres.ISql;

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SqlCheckOptions {
  now: Date;
  /** How long an event may stay unsent, or a paid placement unrecorded by the roll-up, before it counts as lost. */
  graceSeconds: number;
  /** Processed-event marks are purged after 30 days (housekeeping.jobs.ts): older events are not checked for them. */
  lookbackDays: number;
}

const SAMPLE = 5;
const ids = <T>(rows: readonly T[], f: (r: T) => string) => rows.slice(0, SAMPLE).map(f).join("; ") + (rows.length > SAMPLE ? `; … ${rows.length - SAMPLE} more` : "");
const iso = (d: Date) => d.toISOString();

/** 零工岗位: never more engagements holding a seat (not withdrawn or cancelled) than the headcount, nor than the seat counter says. */
export async function checkSeats(sql: Reader): Promise<Check> {
  const rows = await sql<{ id: string; headcount: number; filled: number; holders: number }[]>`
    with h as (select task_id, count(*)::int as holders from engagements where status not in ('WITHDRAWN', 'CANCELLED') group by task_id)
    select t.id, t.headcount::int as headcount, t.filled_count::int as filled, h.holders
    from tasks t join h on h.task_id = t.id
    where h.holders > t.headcount or h.holders > t.filled_count
    order by h.holders - t.headcount desc, t.id`;
  const [{ n }] = await sql<{ n: number }[]>`select count(distinct task_id)::int as n from engagements where status not in ('WITHDRAWN', 'CANCELLED')`;
  if (rows.length === 0) return { name: "no-task-overfilled", ok: true, detail: `${n} tasks hold seats, none past its headcount` };
  return {
    name: "no-task-overfilled",
    ok: false,
    detail: `${rows.length} of ${n} tasks overfilled: ${ids(rows, (r) => `task ${r.id} holds ${r.holders} engagements for headcount ${r.headcount} (seat counter ${r.filled})`)}`,
  };
}

/**
 * 工资结算 paid once: per settlement at most one wage transfer, one bank transfer and one outstanding payout
 * (payouts less returns), never more to the bank than its total, exactly one bank transfer once PAID, at most
 * one placement; and no idempotency key used by two transfers.
 */
export async function checkPaidOnce(sql: Reader): Promise<Check> {
  const rows = await sql<{ id: string; status: string; total: string; wage: number; payout: number; returned: number; settled: number; settled_fen: string; placements: number }[]>`
    with t as (
      select refs->>'settlementId' as sid,
        count(*) filter (where kind = 'PAY_WAGE')::int as wage,
        count(*) filter (where kind = 'PAYOUT')::int as payout,
        count(*) filter (where kind = 'PAYOUT_RETURNED')::int as returned,
        count(*) filter (where kind = 'PAYOUT_SETTLED')::int as settled,
        coalesce(sum(amount_fen) filter (where kind = 'PAYOUT_SETTLED'), 0) as settled_fen
      from ledger_transfers where refs ? 'settlementId' group by 1),
    p as (select settlement_id::text as sid, count(*)::int as n from placements group by 1)
    select s.id, s.status::text as status, s.total_fen::text as total,
      coalesce(t.wage, 0) as wage, coalesce(t.payout, 0) as payout, coalesce(t.returned, 0) as returned,
      coalesce(t.settled, 0) as settled, coalesce(t.settled_fen, 0)::text as settled_fen, coalesce(p.n, 0) as placements
    from settlements s left join t on t.sid = s.id::text left join p on p.sid = s.id::text
    where coalesce(t.wage, 0) > 1 or coalesce(t.settled, 0) > 1 or coalesce(t.payout, 0) - coalesce(t.returned, 0) > 1
      or coalesce(t.settled_fen, 0) > s.total_fen or coalesce(p.n, 0) > 1
      or (s.status = 'PAID' and coalesce(t.settled, 0) <> 1)
    order by s.id`;
  const keys = await sql<{ key: string; n: number }[]>`select idempotency_key as key, count(*)::int as n from ledger_transfers group by 1 having count(*) > 1 order by 1`;
  const [{ paid }] = await sql<{ paid: number }[]>`select count(*)::int as paid from settlements where status = 'PAID'`;
  if (rows.length === 0 && keys.length === 0) return { name: "no-settlement-paid-twice", ok: true, detail: `${paid} settlements paid, each once (one wage and one bank transfer, at most one placement)` };
  const parts = [];
  if (rows.length) {
    parts.push(
      `${rows.length} settlements paid wrongly: ${ids(rows, (r) => `settlement ${r.id} (${r.status}, total ${r.total} fen): ${r.wage} wage, ${r.payout} payout less ${r.returned} returned, ${r.settled} bank transfers of ${r.settled_fen} fen, ${r.placements} placements`)}`,
    );
  }
  if (keys.length) parts.push(`${keys.length} idempotency keys used twice: ${ids(keys, (r) => `${r.key} ×${r.n}`)}`);
  return { name: "no-settlement-paid-twice", ok: false, detail: parts.join(" | ") };
}

/** Double entry: all entries sum to zero, so does each transfer (with at least two legs), cached balances equal their entries, no wallet below zero. */
export async function checkLedger(sql: Reader): Promise<Check> {
  const [total] = await sql<{ sum: string; entries: number; transfers: number }[]>`
    select coalesce(sum(amount_fen), 0)::text as sum, count(*)::int as entries, (select count(*)::int from ledger_transfers) as transfers from ledger_entries`;
  const unbalanced = await sql<{ id: string; kind: string; key: string; sum: string; legs: number }[]>`
    select t.id, t.kind::text as kind, t.idempotency_key as key, coalesce(sum(e.amount_fen), 0)::text as sum, count(e.id)::int as legs
    from ledger_transfers t left join ledger_entries e on e.transfer_id = t.id
    group by t.id having coalesce(sum(e.amount_fen), 0) <> 0 or count(e.id) < 2 order by t.id`;
  const accounts = await sql<{ id: string; kind: string; owner: string | null; cached: string; actual: string; may_go_negative: boolean }[]>`
    with e as (select account_id, sum(amount_fen) as actual from ledger_entries group by 1)
    select a.id, a.kind::text as kind, a.owner_id::text as owner, a.balance_fen::text as cached, coalesce(e.actual, 0)::text as actual, a.may_go_negative
    from ledger_accounts a left join e on e.account_id = a.id
    where a.balance_fen <> coalesce(e.actual, 0) or (not a.may_go_negative and (a.balance_fen < 0 or coalesce(e.actual, 0) < 0))
    order by a.id`;
  const drifted = accounts.filter((a) => a.cached !== a.actual);
  const negative = accounts.filter((a) => !a.may_go_negative && (Number(a.cached) < 0 || Number(a.actual) < 0));
  const ok = total!.sum === "0" && unbalanced.length === 0 && accounts.length === 0;
  if (ok) return { name: "ledger-balanced", ok, detail: `${total!.transfers} transfers, ${total!.entries} entries sum to 0; every transfer balances; no wallet below zero` };
  const parts = [];
  if (total!.sum !== "0") parts.push(`all entries sum to ${total!.sum} fen, not 0`);
  if (unbalanced.length) parts.push(`${unbalanced.length} transfers do not balance: ${ids(unbalanced, (r) => `${r.kind} ${r.key} (${r.id}) sums to ${r.sum} fen over ${r.legs} legs`)}`);
  if (drifted.length) parts.push(`${drifted.length} balances differ from their entries: ${ids(drifted, (r) => `${r.kind} ${r.owner ?? "-"} cached ${r.cached}, entries ${r.actual}`)}`);
  if (negative.length) parts.push(`${negative.length} accounts below zero: ${ids(negative, (r) => `${r.kind} ${r.owner ?? "-"} at ${r.actual} fen`)}`);
  return { name: "ledger-balanced", ok: false, detail: parts.join(" | ") };
}

/**
 * 岗位推荐成功 counted once: every placement paid before the grace period has its roll-up fact, for its own
 * venue; no fact for a real engagement lacks its placement; and the stored venue-year counters equal a
 * recount from the source rows (the nightly reconcile's own query). Facts of engagements that never existed
 * are the demo seed's history, not a fault.
 */
export async function checkPlacementsCounted(sql: Reader, o: SqlCheckOptions): Promise<Check> {
  const before = new Date(o.now.getTime() - o.graceSeconds * 1000);
  const missing = await sql<{ id: string; venue_id: string; fact_venue: string | null }[]>`
    select p.id, p.venue_id, f.venue_id as fact_venue from placements p left join performance_placements f on f.placement_id = p.id
    where (f.placement_id is null and p.paid_at < ${iso(before)}::timestamptz) or f.venue_id <> p.venue_id order by p.id`;
  const orphans = await sql<{ id: string; engagement_id: string }[]>`
    select f.placement_id as id, f.engagement_id from performance_placements f join engagements e on e.id = f.engagement_id
    where not exists (select 1 from placements p where p.id = f.placement_id) order by 1`;
  const { sql: text, params } = countersFromSourcesText();
  const recount = (await sql.unsafe<CountersRow[]>(text, params as postgres.ParameterOrJSON<never>[])).map(countersOfRow);
  const drift: string[] = [];
  for (const r of recount) {
    for (const k of COUNTERS) {
      const stored = r.stored?.[k] ?? 0;
      if (r.stored === null || stored !== r.actual[k]) drift.push(`venue ${r.venueId} ${r.year} ${k}: stored ${r.stored === null ? "none" : stored}, recount ${r.actual[k]}`);
    }
  }
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from placements`;
  if (!missing.length && !orphans.length && !drift.length) {
    return { name: "placements-counted-once", ok: true, detail: `${n} placements each in its venue's roll-up; ${recount.length} venue-years equal their recount` };
  }
  const parts = [];
  const lost = missing.filter((r) => r.fact_venue === null);
  const moved = missing.filter((r) => r.fact_venue !== null);
  if (lost.length) parts.push(`${lost.length} placements not counted: ${ids(lost, (r) => `placement ${r.id} (venue ${r.venue_id})`)}`);
  if (moved.length) parts.push(`${moved.length} placements counted for another venue: ${ids(moved, (r) => `placement ${r.id} (venue ${r.venue_id}, counted for ${r.fact_venue})`)}`);
  if (orphans.length) parts.push(`${orphans.length} roll-up facts without their placement: ${ids(orphans, (r) => `fact ${r.id} (engagement ${r.engagement_id})`)}`);
  if (drift.length) parts.push(`${drift.length} counters differ from the recount: ${drift.slice(0, SAMPLE).join("; ")}${drift.length > SAMPLE ? "; …" : ""}`);
  return { name: "placements-counted-once", ok: false, detail: parts.join(" | ") };
}

/** Every (event, consumer) pair the catalogue routes, as two parallel arrays for unnest(). */
function routes(): [string[], string[]] {
  const entries = Object.entries(CONSUMERS);
  return [entries.map(([, c]) => c.event), entries.map(([name]) => name)];
}

/**
 * Outbox, nothing lost: every event due before the grace period was sent (none parked), and every sent one
 * has a processed mark from each of its consumers, unless it was withdrawn before it was sent (no jobs then).
 */
export async function checkOutboxNoneLost(sql: Reader, o: SqlCheckOptions): Promise<Check> {
  const before = iso(new Date(o.now.getTime() - o.graceSeconds * 1000));
  const since = iso(new Date(o.now.getTime() - o.lookbackDays * 86_400_000));
  const [events, consumers] = routes();
  const unsent = await sql<{ id: string; name: string; due: Date | string; attempts: number; last_error: string | null }[]>`
    select id, name, coalesce(run_at, created_at) as due, attempts, last_error from outbox
    where sent_at is null and cancelled_at is null and coalesce(run_at, created_at) < ${before}::timestamptz order by due, id`;
  const unprocessed = await sql<{ id: string; name: string; consumer: string; due: Date | string }[]>`
    with c as (select * from unnest(${events}::text[], ${consumers}::text[]) as c(event, consumer))
    select o.id, o.name, c.consumer, coalesce(o.run_at, o.created_at) as due
    from outbox o join c on c.event = o.name
    where o.sent_at is not null and o.sent_at >= ${since}::timestamptz and coalesce(o.run_at, o.created_at) < ${before}::timestamptz
      and not (o.cancelled_at is not null and o.cancelled_at <= o.sent_at)
      and not exists (select 1 from processed_events p where p.event_id = o.id and p.consumer = c.consumer)
    order by due, o.id`;
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from outbox where sent_at is not null`;
  if (!unsent.length && !unprocessed.length) return { name: "outbox-none-lost", ok: true, detail: `${n} events sent; every one due before ${before} delivered to each of its consumers` };
  const parts = [];
  if (unsent.length) {
    parts.push(
      `${unsent.length} events unsent past due: ${ids(unsent, (r) => `${r.name} ${r.id} due ${new Date(r.due).toISOString()}${r.attempts ? `, ${r.attempts} failed attempts (${r.last_error ?? ""})` : ""}`)}`,
    );
  }
  if (unprocessed.length) parts.push(`${unprocessed.length} deliveries missing: ${ids(unprocessed, (r) => `${r.consumer} never processed ${r.name} ${r.id}`)}`);
  return { name: "outbox-none-lost", ok: false, detail: parts.join(" | ") };
}

/** Outbox, nothing twice: one processed mark per (consumer, event), and only from the consumers the event is routed to. */
export async function checkOutboxNoneTwice(sql: Reader): Promise<Check> {
  const [events, consumers] = routes();
  const twice = await sql<{ consumer: string; event_id: string; n: number }[]>`
    select consumer, event_id, count(*)::int as n from processed_events group by 1, 2 having count(*) > 1 order by 2, 1`;
  const strays = await sql<{ consumer: string; event_id: string; name: string }[]>`
    with c as (select * from unnest(${events}::text[], ${consumers}::text[]) as c(event, consumer))
    select p.consumer, p.event_id, o.name from processed_events p join outbox o on o.id = p.event_id
    where not exists (select 1 from c where c.event = o.name and c.consumer = p.consumer) order by 2, 1`;
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from processed_events`;
  if (!twice.length && !strays.length) return { name: "outbox-none-twice", ok: true, detail: `${n} processed marks, one per consumer and event` };
  const parts = [];
  if (twice.length) parts.push(`${twice.length} events processed twice: ${ids(twice, (r) => `${r.consumer} × ${r.n} for event ${r.event_id}`)}`);
  if (strays.length) parts.push(`${strays.length} events processed by a consumer they are not routed to: ${ids(strays, (r) => `${r.consumer} ran ${r.name} ${r.event_id}`)}`);
  return { name: "outbox-none-twice", ok: false, detail: parts.join(" | ") };
}
