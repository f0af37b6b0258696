import type { Actor, Caller } from "../../access/actor.js";
import type { DbOrTx } from "../../db/client.js";
import type { VenueService } from "../venue/venue.service.js";
import type { RollupService } from "./rollup.service.js";

/** What the performance use cases share: the roll-up, venues, the caller's venue in scope and the current year. */
export interface PerformanceScope {
  rollup: RollupService;
  venues: VenueService;
  /** The venue the caller may act for: staff their own, officers any in scope. */
  venueInScope(caller: Caller, venueId: string | null | undefined, tx?: DbOrTx): Promise<{ actor: Actor; venue: Awaited<ReturnType<VenueService["getVenueRecord"]>> }>;
  /** The assessment year (1 Dec – 30 Nov) of today, Asia/Shanghai. */
  currentYear(): number;
}
