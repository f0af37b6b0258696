// Measurements of a simulator run: latency per operation, outcomes of the market, errors by GraphQL code.
// Pure (no clock, no I/O): the runner passes times in, so the numbers can be tested against tables.

/** Nearest-rank percentile (p in 0..100) of values; NaN for none. Sorts a copy. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

/** Market outcomes the summary reports (counted when the simulator saw them happen through the API). */
export const OUTCOMES = [
  "tasksPosted",
  "seatsPosted",
  "offersSeen",
  "offersAccepted",
  "offersDeclined",
  "tasksGrabbed",
  "seatsFilled",
  "contractsSigned",
  "checkIns",
  "checkOuts",
  "noShows",
  "lateCancellations",
  "settlementsSubmitted",
  "settlementsConfirmed",
  "settlementsDisputed",
  "settlementsPaid",
  "complaintsFiled",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface OperationSummary {
  count: number;
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

export interface StatsSnapshot {
  elapsedSeconds: number;
  tasksPerMinute: number;
  /** Seats filled (accepted offers and grabs) over seats posted in this run; null before any posting. */
  fillRate: number | null;
  requests: number;
  operations: Record<string, OperationSummary>;
  errorsByCode: Record<string, number>;
  /** `operation:CODE` (and `:REASON` when the API named one) → count, to see which step failed how. */
  errorsByOperation: Record<string, number>;
  totals: Record<Outcome, number>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Collects latencies and counts; `snapshot(now)` gives the figures the summary and the report print. */
export class SimStats {
  private readonly latencies = new Map<string, number[]>();
  private readonly errorCounts = new Map<string, number>();
  private readonly byCode = new Map<string, number>();
  private readonly byOperation = new Map<string, number>();
  private readonly totals = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  private requests = 0;

  constructor(private readonly startedAtMs: number) {}

  /** One API call: its operation name, how long it took, and the error code (and first reason) if it failed. */
  record(operation: string, ms: number, errorCode?: string | null, reason?: string | null): void {
    this.requests++;
    let list = this.latencies.get(operation);
    if (!list) this.latencies.set(operation, (list = []));
    list.push(ms);
    if (errorCode) {
      this.errorCounts.set(operation, (this.errorCounts.get(operation) ?? 0) + 1);
      this.byCode.set(errorCode, (this.byCode.get(errorCode) ?? 0) + 1);
      const key = reason ? `${operation}:${errorCode}:${reason}` : `${operation}:${errorCode}`;
      this.byOperation.set(key, (this.byOperation.get(key) ?? 0) + 1);
    }
  }

  count(outcome: Outcome, n = 1): void {
    this.totals[outcome] += n;
  }

  total(outcome: Outcome): number {
    return this.totals[outcome];
  }

  snapshot(nowMs: number): StatsSnapshot {
    const elapsedSeconds = Math.max(0, (nowMs - this.startedAtMs) / 1000);
    const operations: Record<string, OperationSummary> = {};
    for (const name of [...this.latencies.keys()].sort()) {
      const list = this.latencies.get(name)!;
      operations[name] = {
        count: list.length,
        errors: this.errorCounts.get(name) ?? 0,
        p50Ms: round1(percentile(list, 50)),
        p95Ms: round1(percentile(list, 95)),
        maxMs: round1(Math.max(...list)),
      };
    }
    const seats = this.totals.seatsPosted;
    return {
      elapsedSeconds: round1(elapsedSeconds),
      tasksPerMinute: elapsedSeconds > 0 ? round1((this.totals.tasksPosted * 60) / elapsedSeconds) : 0,
      fillRate: seats > 0 ? Math.round((this.totals.seatsFilled / seats) * 1000) / 1000 : null,
      requests: this.requests,
      operations,
      errorsByCode: Object.fromEntries([...this.byCode].sort(([a], [b]) => a.localeCompare(b))),
      errorsByOperation: Object.fromEntries([...this.byOperation].sort(([a], [b]) => a.localeCompare(b))),
      totals: { ...this.totals },
    };
  }
}

/** A few lines for the terminal: rate, fill, the flow's totals, latency per operation, errors by code. */
export function formatSummary(s: StatsSnapshot): string {
  const t = s.totals;
  const fill = s.fillRate === null ? "–" : `${(s.fillRate * 100).toFixed(0)}%`;
  const lines = [
    `[simulate] ${s.elapsedSeconds.toFixed(0)} s · ${s.tasksPerMinute} tasks/min · fill ${fill} · ${s.requests} requests`,
    `  posted ${t.tasksPosted} (${t.seatsPosted} seats) · accepted ${t.offersAccepted} declined ${t.offersDeclined} grabbed ${t.tasksGrabbed} · signed ${t.contractsSigned} · in ${t.checkIns} out ${t.checkOuts} no-show ${t.noShows} · late-cancel ${t.lateCancellations}`,
    `  settlements submitted ${t.settlementsSubmitted} confirmed ${t.settlementsConfirmed} disputed ${t.settlementsDisputed} paid ${t.settlementsPaid} · complaints ${t.complaintsFiled}`,
  ];
  const ops = Object.entries(s.operations).map(([name, o]) => `${name} ${o.count}× p50 ${o.p50Ms} p95 ${o.p95Ms} ms${o.errors ? ` (${o.errors} err)` : ""}`);
  for (let i = 0; i < ops.length; i += 3) lines.push(`  ${ops.slice(i, i + 3).join(" · ")}`);
  const errors = Object.entries(s.errorsByCode);
  lines.push(`  errors: ${errors.length ? errors.map(([code, n]) => `${code} ${n}`).join(", ") : "none"}`);
  return lines.join("\n");
}
