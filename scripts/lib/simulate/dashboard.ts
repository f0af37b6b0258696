// What a venue's staff see on the console's dashboard (dashboard/overview, staff-dashboard and venue-performance),
// read at the start and the end of a run through the same queries, to show the market moved it.
import { ApiError, Session, type GraphQLClient } from "./client.js";

/** The demo market's staff login (鲤城区江南零工市场), one of the seed's printed logins. */
export const DEMO_STAFF_PHONE = "13900000003";

const DASHBOARD = `query Dashboard {
  venuePerformance { venueName score star items { id actual } }
  tasks(limit: 1, offset: 0) { total }
  open: tasks(limit: 1, offset: 0, status: OPEN) { total }
  complaints(openOnly: true, limit: 1) { total }
}`;

export interface DashboardFigures {
  venueName: string;
  score: number | null;
  star: number | null;
  /** Rubric items' actual values (A1 placements, A4 valid postings, ...). */
  items: Record<string, number | null>;
  tasks: number;
  openTasks: number;
  openComplaints: number;
}

interface DashboardResult {
  venuePerformance: { venueName: string; score: number | null; star: number | null; items: { id: string; actual: number | null }[] };
  tasks: { total: number };
  open: { total: number };
  complaints: { total: number };
}

export class DashboardWatch {
  private constructor(private readonly session: Session) {}

  /** Signs the demo staff in; null when that login does not work (the run goes on without the watch). */
  static async open(client: GraphQLClient, password: string): Promise<DashboardWatch | null> {
    try {
      return new DashboardWatch(await Session.login(client, DEMO_STAFF_PHONE, password));
    } catch (err) {
      if (err instanceof ApiError) return null;
      throw err;
    }
  }

  async read(): Promise<DashboardFigures | null> {
    try {
      const d = await this.session.call<DashboardResult>("dashboard", DASHBOARD);
      return {
        venueName: d.venuePerformance.venueName,
        score: d.venuePerformance.score,
        star: d.venuePerformance.star,
        items: Object.fromEntries(d.venuePerformance.items.map((i) => [i.id, i.actual])),
        tasks: d.tasks.total,
        openTasks: d.open.total,
        openComplaints: d.complaints.total,
      };
    } catch (err) {
      if (err instanceof ApiError) return null;
      throw err;
    }
  }
}

/** One line naming what moved between two readings. */
export function describeChange(before: DashboardFigures, after: DashboardFigures): string {
  const moved: string[] = [];
  const add = (label: string, a: number | null | undefined, b: number | null | undefined) => {
    if (a !== b) moved.push(`${label} ${a ?? "–"} → ${b ?? "–"}`);
  };
  add("tasks", before.tasks, after.tasks);
  add("open tasks", before.openTasks, after.openTasks);
  add("open complaints", before.openComplaints, after.openComplaints);
  add("score", before.score, after.score);
  add("star", before.star, after.star);
  for (const id of Object.keys(after.items)) add(id, before.items[id], after.items[id]);
  return `dashboard of ${after.venueName} (staff ${DEMO_STAFF_PHONE}): ${moved.length ? moved.join(", ") : "unchanged"}`;
}
