import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../db/schema/index.js";
import { insertVenue } from "./factories.js";
import { createServiceHarness, type ServiceHarness } from "./service-harness.js";

describe("service harness", () => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-03-02T01:00:00Z" });
  });
  afterAll(() => h?.close());

  it("recognising a venue reaches its staff as a notification, through the real event path", async () => {
    const venue = await insertVenue(h.deps.db, { regionCode: "350503", name: "丰泽区城东零工驿站" });
    const officer = await h.callerAs("COUNTY_OFFICER", { regionCode: "350503" });
    const staff = await h.callerAs("VENUE_STAFF", { venueId: venue.id, regionCode: "350503" });
    const recognised = await h.services.venues.recognizeVenue(officer, venue.id);
    expect(recognised.recognizedAt).toEqual(new Date("2026-03-02T01:00:00Z")); // the settable clock, not the wall clock

    const ran = await h.deliverDueEvents();
    // Every consumer of the event ran once (fan-out: the notification and, since issue 9, the venue roll-up).
    expect(ran).toContainEqual({ event: "venue.status-changed", consumer: "notify.venue-status-changed", outcome: "done" });
    expect(ran.every((r) => r.event === "venue.status-changed" && r.outcome === "done")).toBe(true);
    const mine = await h.services.notifications.myNotifications(staff, 10);
    expect(mine.map((n) => n.title)).toEqual(["丰泽区城东零工驿站已通过认定"]);
    // Delivering again finds nothing new: the event is sent and its consumer recorded.
    expect(await h.deliverDueEvents()).toEqual([]);
    expect(await h.deps.db.select().from(notifications).where(eq(notifications.userId, staff.userId))).toHaveLength(1);
  });
});
