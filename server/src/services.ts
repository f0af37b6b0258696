// Type files carry type-graphql decorators, which need the metadata polyfill loaded before them.
import "reflect-metadata";
import type { Deps } from "./deps.js";
import { createComplaintService } from "./modules/complaint/complaint.service.js";
import { createEvidenceService } from "./modules/complaint/evidence.service.js";
import { createRatingService } from "./modules/complaint/rating.service.js";
import { createDispatchService } from "./modules/dispatch/dispatch.service.js";
import { createContractService } from "./modules/contract/contract.service.js";
import { createInsuranceService } from "./modules/insurance/insurance.service.js";
import { createAttendanceService } from "./modules/attendance/attendance.service.js";
import { createSettlementService } from "./modules/settlement/settlement.service.js";
import { createCancellationFees } from "./modules/settlement/cancellation-fee.js";
import { createReconciliationService } from "./modules/settlement/reconciliation.service.js";
import { createAccountService } from "./modules/identity/account.service.js";
import { createPasswordResetService } from "./modules/identity/password-reset.service.js";
import { createRegistrationService } from "./modules/identity/registration.service.js";
import { createLedgerService } from "./modules/ledger/ledger.service.js";
import { createSessionService } from "./modules/identity/session.service.js";
import { createNotificationService } from "./modules/notify/notify.service.js";
import { createQueueDashboardService } from "./modules/queues/queues.service.js";
import { createPerformanceService } from "./modules/performance/performance.service.js";
import { createAnnexService } from "./modules/report/annex.service.js";
import { createExportLinkService } from "./modules/report/export-link.service.js";
import { createTrendService } from "./modules/report/trend.service.js";
import { createReferenceService } from "./modules/reference/reference.service.js";
import { createSmsService } from "./modules/sms/sms.service.js";
import { createSubsidyService } from "./modules/subsidy/subsidy.service.js";
import { createVenueService } from "./modules/venue/venue.service.js";
import { createVenueFinderService } from "./modules/venue/finder.service.js";
import { createPublicTaskService } from "./modules/dispatch/public-task.service.js";

/** The use cases of every domain, built once per process. */
export function createServices(deps: Deps) {
  const sms = createSmsService(deps);
  const venues = createVenueService(deps);
  const sessions = createSessionService(deps, sms);
  const notifications = createNotificationService(deps);
  const reference = createReferenceService(deps);
  const contracts = createContractService(deps, { sms, reference });
  const complaints = createComplaintService(deps, { reference });
  // A standing wage-arrears complaint stops the employer posting (DESIGN §3).
  const dispatch = createDispatchService(deps, { sms, notifications, reference, canPost: complaints.canPost });
  const attendance = createAttendanceService(deps, { contracts, reference, dispatch });
  const ledger = createLedgerService(deps, { dispatch });
  const performance = createPerformanceService(deps, { venues, dispatch });
  const settlement = createSettlementService(deps, { contracts, attendance, ledger, complaints });
  const subsidy = createSubsidyService(deps, { venues, performance, reference });
  const annexes = createAnnexService(deps, { venues, performance, subsidy });
  return {
    sms,
    sessions,
    registration: createRegistrationService(deps, sessions, sms, venues),
    passwordReset: createPasswordResetService(deps, sms, sessions),
    accounts: createAccountService(deps, venues),
    venues,
    venueFinder: createVenueFinderService(deps),
    publicTasks: createPublicTaskService(deps),
    notifications,
    reference,
    dispatch,
    complaints,
    evidence: createEvidenceService(deps),
    ratings: createRatingService(deps),
    ledger,
    contracts,
    attendance,
    insurance: createInsuranceService(deps),
    settlement,
    cancellationFees: createCancellationFees(deps, { ledger, reference, dispatch }),
    reconciliation: createReconciliationService(deps, { payouts: settlement.payouts, notifications }),
    queues: createQueueDashboardService(deps),
    performance,
    subsidy,
    annexes,
    exportLinks: createExportLinkService(deps, { annexes, sessions }),
    trends: createTrendService(deps),
  };
}
export type Services = ReturnType<typeof createServices>;
