import type { Deps } from "../../deps.js";
import type { DbOrTx } from "../../db/client.js";
import type { NotificationService } from "../notify/notify.service.js";
import type { ReferenceService } from "../reference/reference.service.js";
import type { SmsService } from "../sms/sms.service.js";
import { createBrowseService } from "./browse.service.js";
import { settingsFromConfig, type DispatchSettingsAll } from "./dispatch.settings.js";
import { createLivePublisher } from "./live.js";
import { createOfferService } from "./offer.service.js";
import { createReconfirmService } from "./reconfirm.service.js";
import { createTaskEditService } from "./task-edit.service.js";
import { createTaskService, type CanPost } from "./task.service.js";
import { createWaveService } from "./wave.service.js";
import { venuePostingStats } from "./venue-stats.repo.js";

export type DispatchService = ReturnType<typeof createDispatchService>;

/** 线上派单: tasks, waves of ranked offers, the accept path (offer, grab, proxy), nearby tasks and the fairness report. */
export function createDispatchService(
  deps: Deps,
  parts: { sms: SmsService; notifications: NotificationService; reference: ReferenceService; settings?: DispatchSettingsAll; canPost?: CanPost },
) {
  const settings = parts.settings ?? settingsFromConfig(deps.config.dispatch);
  const live = createLivePublisher(deps.redis, deps.logger);
  return {
    settings,
    live,
    ...createTaskService(deps, { reference: parts.reference, live, settings, canPost: parts.canPost }),
    ...createTaskEditService(deps, { reference: parts.reference, live }),
    ...createWaveService(deps, { notifications: parts.notifications, settings }),
    ...createOfferService(deps, { sms: parts.sms, live, settings }),
    ...createBrowseService(deps, { settings }),
    ...createReconfirmService(deps, { notifications: parts.notifications, live, settings }),
    /** Venues' postings and engagements in [from, to), for their yearly scores (A4, B2, B3), by venue id. */
    venuePostingStats: (venueIds: readonly string[], from: Date, to: Date, tx: DbOrTx = deps.db) => venuePostingStats(tx, venueIds, from, to, deps.now()),
  };
}
