// 支付对账 (issue 7 §4): every night the previous Shanghai day's payouts are compared with the payout provider's
// statement (settlement.jobs.ts). A day has one stored run with its differences; re-running the day replaces
// them, and the city's officers, the counties' officers and the venues' staff concerned are told when a run
// finds differences it had not found before.
import { createHash } from "node:crypto";
import { addDays, isIsoDate, reconcilePayouts, type PlatformPayout, type StatementLine } from "@qz/shared";
import { sql } from "drizzle-orm";
import type { Deps } from "../../deps.js";
import { badInput } from "../../errors.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { venueScopeOf } from "../../access/scope.js";
import type { NotificationService } from "../notify/notify.service.js";
import { payoutRequestId } from "./settlement.pay.js";
import type { PayoutProvider, StatementEntry } from "./settlement.payout.js";
import * as repo from "./reconciliation.repo.js";

const REQUEST_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,5})$/;

/** The platform's word on one request id of a settlement: its latest attempt as recorded, an earlier one was declined. */
function platformStatus(f: repo.PayoutFacts, attempt: number): PlatformPayout["status"] | null {
  if (attempt < f.attempt) return "RETURNED";
  if (attempt > f.attempt) return null;
  return f.payoutStatus === "SETTLED" ? "PAID" : f.payoutStatus === "PENDING" ? "PENDING" : f.payoutStatus === "FAILED" ? "RETURNED" : null;
}

const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

export type ReconciliationService = ReturnType<typeof createReconciliationService>;

export function createReconciliationService(deps: Deps, parts: { payouts: PayoutProvider; notifications: NotificationService }) {
  const { db, now } = deps;

  /**
   * Reconciles one Shanghai day. Payouts near midnight may be dated a day apart on the two sides, so a payout
   * of the day is also looked for on the provider's neighbouring days, and a statement line of the day is looked
   * up on the platform whatever its day. `eventId` is the notifications' event (the job's).
   */
  async function reconcileDay(day: string, eventId: string) {
    if (!isIsoDate(day)) badInput("day", [{ code: "DAY_INVALID", message: "日期应为 YYYY-MM-DD" }]);
    const ours = await repo.listPayoutsBetween(db, startOf(day), startOf(addDays(day, 1)));
    const [statement, before, after] = await Promise.all([parts.payouts.statement(day), parts.payouts.statement(addDays(day, -1)), parts.payouts.statement(addDays(day, 1))]);
    const platform = new Map<string, PlatformPayout & { facts: repo.PayoutFacts }>();
    for (const f of ours) platform.set(payoutRequestId(f.settlementId, f.attempt), { requestId: payoutRequestId(f.settlementId, f.attempt), amountFen: f.amountFen, status: platformStatus(f, f.attempt)!, facts: f });
    const lookUp = statement.filter((l) => !platform.has(l.requestId)).flatMap((l) => {
      const m = REQUEST_ID.exec(l.requestId);
      return m ? [{ requestId: l.requestId, settlementId: m[1]!, attempt: Number(m[2]) }] : [];
    });
    const found = new Map((await repo.findPayouts(db, [...new Set(lookUp.map((x) => x.settlementId))])).map((f) => [f.settlementId, f]));
    for (const x of lookUp) {
      const f = found.get(x.settlementId);
      const status = f ? platformStatus(f, x.attempt) : null;
      if (f && status) platform.set(x.requestId, { requestId: x.requestId, amountFen: f.amountFen, status, facts: f });
    }
    const provider: StatementEntry[] = [...statement, ...[...before, ...after].filter((l) => platform.has(l.requestId) && !statement.some((s) => s.requestId === l.requestId))];
    const differences = reconcilePayouts([...platform.values()], provider as StatementLine[]);
    const fingerprint = createHash("sha256").update(JSON.stringify(differences)).digest("hex");
    const paid = ours.filter((f) => f.payoutStatus === "SETTLED");
    const theirs = statement.filter((l) => l.status === "PAID");
    const at = now();
    return db.transaction(async (tx) => {
      // One run of a day at a time, so two runs at once notify once.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`payout-reconciliation:${day}`}))`);
      const previous = await repo.findRun(tx, day);
      const rows = differences.map((d) => {
        const f = platform.get(d.requestId)?.facts;
        return { ...d, settlementId: f?.settlementId ?? null, venueId: f?.venueId ?? null, regionCode: f?.regionCode ?? null };
      });
      const run = await repo.saveRun(
        tx,
        {
          day,
          status: differences.length ? "DIFFERENCES" : "CLEAN",
          platformCount: paid.length,
          platformFen: paid.reduce((s, f) => s + f.amountFen, 0),
          providerCount: theirs.length,
          providerFen: theirs.reduce((s, l) => s + l.amountFen, 0),
          differenceCount: differences.length,
          fingerprint,
          ranAt: at,
        },
        rows,
      );
      if (differences.length && previous?.fingerprint !== fingerprint) {
        const message = { kind: "PAYOUT_RECONCILIATION", title: `支付对账差异：${day} 共 ${differences.length} 笔`, body: "平台支付记录与银行流水不一致，请在管理后台“支付对账”中核查处理。" };
        const venues = [...new Set(rows.map((r) => r.venueId).filter((v): v is string => !!v))];
        const regions = [...new Set(rows.map((r) => r.regionCode).filter((v): v is string => !!v))];
        await parts.notifications.notifyUsers(eventId, await repo.listOfficerIds(tx, regions), message);
        for (const venueId of venues) await parts.notifications.notifyVenueStaff(eventId, venueId, message);
      }
      return { run, differences: rows };
    });
  }

  return {
    reconcileDay,

    /** Runs newest first, each with the differences in the caller's scope (staff: their venue; county: theirs). */
    async payoutReconciliations(caller: Caller, page: { limit: number; offset: number }) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const scope = venueScopeOf(actor);
      const { items, total } = await repo.listRuns(db, page);
      const differences = await repo.listDifferences(db, items.map((r) => r.id), scope);
      return {
        total,
        items: items.map((r) => {
          const mine = differences.filter((d) => d.runId === r.id);
          return { ...r, status: mine.length ? ("DIFFERENCES" as const) : ("CLEAN" as const), differenceCount: mine.length, differences: mine };
        }),
      };
    },
  };
}
