// Type files carry type-graphql decorators, which need the metadata polyfill loaded before them.
import "reflect-metadata";
import type { Deps } from "./deps.js";
import { createDispatchService } from "./modules/dispatch/dispatch.service.js";
import { createAccountService } from "./modules/identity/account.service.js";
import { createPasswordResetService } from "./modules/identity/password-reset.service.js";
import { createRegistrationService } from "./modules/identity/registration.service.js";
import { createLedgerService } from "./modules/ledger/ledger.service.js";
import { createSessionService } from "./modules/identity/session.service.js";
import { createNotificationService } from "./modules/notify/notify.service.js";
import { createQueueDashboardService } from "./modules/queues/queues.service.js";
import { createReferenceService } from "./modules/reference/reference.service.js";
import { createSmsService } from "./modules/sms/sms.service.js";
import { createVenueService } from "./modules/venue/venue.service.js";

/** The use cases of every domain, built once per process. */
export function createServices(deps: Deps) {
  const sms = createSmsService(deps);
  const venues = createVenueService(deps);
  const sessions = createSessionService(deps, sms);
  const notifications = createNotificationService(deps);
  const reference = createReferenceService(deps);
  const dispatch = createDispatchService(deps, { sms, notifications, reference });
  return {
    sms,
    sessions,
    registration: createRegistrationService(deps, sessions, sms, venues),
    passwordReset: createPasswordResetService(deps, sms, sessions),
    accounts: createAccountService(deps, venues),
    venues,
    notifications,
    reference,
    dispatch,
    ledger: createLedgerService(deps, { dispatch }),
    queues: createQueueDashboardService(deps),
  };
}
export type Services = ReturnType<typeof createServices>;
