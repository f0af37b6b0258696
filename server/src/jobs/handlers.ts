import {
  backfillSeat,
  expireOffers,
  notifyEngagementCreated,
  notifyTaskCancelled,
  publishWave,
  releaseUnconfirmed,
  remindReconfirm,
  sendFirstWave,
  sendNextWave,
  sendWaveAfterEdit,
} from "../modules/dispatch/dispatch.jobs.js";
import { draftContract, notifyContractDrafted, notifyContractSigned, voidContractOfWithdrawal, voidContractsOfTask } from "../modules/contract/contract.jobs.js";
import { approveHours, flagPartTimeWeek } from "../modules/attendance/attendance.jobs.js";
import { recordInsurancePaid, recordInsuranceTaken } from "../modules/insurance/insurance.jobs.js";
import { alertUnsubmittedWages, autoConfirmSettlement, chargeCancellationFees, paySettlement, reconcilePayouts, referUnpaidWages } from "../modules/settlement/settlement.jobs.js";
import { welcomeUser, venueStatusChanged } from "../modules/notify/notify.jobs.js";
import { checkDeadline, notifyComplaintStatusChanged, notifyRatingRecorded, openWageComplaint, referWageArrears, remindFollowUp, resolvePaidWageArrears } from "../modules/complaint/complaint.jobs.js";
import { purgeExpired } from "./housekeeping.jobs.js";
import { annualClose, applyPlacements, countWalkIn, recomputeOnContractSigned, reconcileVenueYears, recomputeVenueYear, recordActivity, recordComplaint, recomputeOnVenueStatus, recordPlacement, recordRating } from "../modules/performance/performance.jobs.js";
import { endNotice } from "../modules/subsidy/subsidy.jobs.js";
import type { JobHandlers } from "./job-context.js";

/** Every consumer maps to its domain's handler; the type makes a missing one a compile error. */
export const JOB_HANDLERS: JobHandlers = {
  "notify.welcome-user": welcomeUser,
  "notify.venue-status-changed": venueStatusChanged,
  "housekeeping.purge-expired": purgeExpired,
  "performance.record-placement": recordPlacement,
  "performance.apply-placements": applyPlacements,
  "performance.record-rating": recordRating,
  "performance.count-walk-in": countWalkIn,
  "performance.contract-signed": recomputeOnContractSigned,
  "performance.record-complaint": recordComplaint,
  "performance.record-activity": recordActivity,
  "performance.recompute-venue-year": recomputeVenueYear,
  "performance.venue-status-changed": recomputeOnVenueStatus,
  "performance.reconcile": reconcileVenueYears,
  "performance.annual-close": annualClose,
  "subsidy.end-notice": endNotice,
  "complaints.open-wage-complaint": openWageComplaint,
  "complaints.check-deadline": checkDeadline,
  "complaints.refer-wage-arrears": referWageArrears,
  "complaints.remind-follow-up": remindFollowUp,
  "complaints.resolve-paid-wage-arrears": resolvePaidWageArrears,
  "notify.complaint-status-changed": notifyComplaintStatusChanged,
  "notify.rating-recorded": notifyRatingRecorded,
  "dispatch.send-wave": sendFirstWave,
  "dispatch.expire-offers": expireOffers,
  "dispatch.send-next-wave": sendNextWave,
  "dispatch.backfill-seat": backfillSeat,
  "dispatch.send-wave-after-edit": sendWaveAfterEdit,
  "dispatch.publish-wave": publishWave,
  "notify.engagement-created": notifyEngagementCreated,
  "notify.task-cancelled": notifyTaskCancelled,
  "notify.remind-reconfirm": remindReconfirm,
  "dispatch.release-unconfirmed": releaseUnconfirmed,
  "contract.draft": draftContract,
  "insurance.record-taken": recordInsuranceTaken,
  "insurance.record-paid": recordInsurancePaid,
  "contract.void-for-task": voidContractsOfTask,
  "contract.void-for-withdrawal": voidContractOfWithdrawal,
  "notify.contract-drafted": notifyContractDrafted,
  "notify.contract-signed": notifyContractSigned,
  "attendance.approve-hours": approveHours,
  "settlement.auto-confirm": autoConfirmSettlement,
  "settlement.pay": paySettlement,
  "settlement.alert-unsubmitted": alertUnsubmittedWages,
  "settlement.refer-unpaid": referUnpaidWages,
  "settlement.charge-cancellation-fees": chargeCancellationFees,
  "settlement.reconcile-payouts": reconcilePayouts,
  "attendance.flag-part-time-week": flagPartTimeWeek,
};
