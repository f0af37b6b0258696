// GraphQL documents of the phone pages (typed by pnpm -C admin codegen into src/graphql/generated).
import { graphql } from "../graphql/generated";

export const M_ME = graphql(`
  query MobileMe {
    me {
      id displayName role phone
      workerProfile { realName travelMode travelMinutes homeLat homeLng homeVenue { id name } skills { skillCode level } }
      employerProfile { name regionCode }
    }
  }
`);
export const M_REQUEST_CODE = graphql(`
  mutation MobileRequestCode($phone: String!, $purpose: PublicSmsPurpose!) { requestSmsCode(phone: $phone, purpose: $purpose) { expiresAt resendAfterSeconds } }
`);
export const M_REGISTER_WORKER = graphql(`
  mutation MobileRegisterWorker($input: RegisterWorkerInput!, $smsCode: String!) {
    registerWorker(input: $input, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }
  }
`);
export const M_VENUE_PAGE = graphql(`
  query MobileVenuePage($id: UUID!) { venuePublicPage(id: $id) { id name address hotline type } }
`);
export const M_OFFERS = graphql(`
  query MobileOffers {
    myOffers(status: OFFERED, limit: 20) {
      id expiresAt travelMinutes distanceMeters
      why { factor label part weight }
      task { id title address startsAt endsAt payRateFen payUnit skillCode }
    }
  }
`);
export const M_NEARBY = graphql(`
  query MobileNearby($first: Int!) {
    nearbyTasks(first: $first) {
      items { cursor travelMinutes distanceMeters employerName employerLateCancelCount task { id title address startsAt endsAt payRateFen payUnit headcount filledCount } }
    }
  }
`);
export const M_ACCEPT = graphql(`mutation MobileAccept($id: UUID!) { acceptOffer(id: $id) { id status } }`);
export const M_DECLINE = graphql(`mutation MobileDecline($id: UUID!) { declineOffer(id: $id) { id status } }`);
export const M_TAKE = graphql(`mutation MobileTake($taskId: UUID!) { takeTask(taskId: $taskId) { id status } }`);
export const M_ENGAGEMENTS = graphql(`
  query MobileEngagements {
    myEngagements(limit: 20) { id status startsAt endsAt task { id title address payRateFen payUnit } }
  }
`);
export const M_JOB = graphql(`
  query MobileJob($id: UUID!) {
    contractOfEngagement(engagementId: $id) { id status title clauses termsHash signatures { party signedAt } }
    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes checkInDistanceM checkOutDistanceM }
    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }
  }
`);
/** 合同生成中: whether the engagement's contract has been drafted yet (null until then). */
export const M_CONTRACT_READY = graphql(`query MobileContractReady($id: UUID!) { contractOfEngagement(engagementId: $id) { id } }`);
// 到岗确认: no single-engagement query for a worker, so the page picks its own out of the worker's list.
export const M_MY_ENGAGEMENT = graphql(`
  query MobileMyEngagement { myEngagements(limit: 50) { id status startsAt confirmBy confirmedAt } }
`);
export const M_CONFIRM_ENGAGEMENT = graphql(`mutation MobileConfirmEngagement($id: UUID!) { confirmEngagement(id: $id) { id status confirmedAt } }`);
export const M_SIGN_CODE = graphql(`mutation MobileSignCode($contractId: UUID!) { requestContractSigningCode(contractId: $contractId) { expiresAt resendAfterSeconds } }`);
export const M_SIGN = graphql(`mutation MobileSign($input: SignContractInput!) { signContract(input: $input) { id status } }`);
export const M_CHECK_IN = graphql(`mutation MobileCheckIn($input: CheckInInput!) { checkIn(input: $input) { id status checkInAt checkInDistanceM } }`);
export const M_CHECK_OUT = graphql(`mutation MobileCheckOut($input: CheckInInput!) { checkOut(input: $input) { id status checkOutAt minutes } }`);
export const M_CHECK_IN_CODE = graphql(`mutation MobileCheckInByCode($input: CodeCheckInInput!) { checkInByCode(input: $input) { id status checkInAt } }`);
export const M_CHECK_OUT_CODE = graphql(`mutation MobileCheckOutByCode($input: CodeCheckInInput!) { checkOutByCode(input: $input) { id status checkOutAt minutes } }`);
export const M_CONFIRM_PAY = graphql(`mutation MobileConfirmPay($id: UUID!) { confirmSettlement(id: $id) { id status } }`);
export const M_DISPUTE_PAY = graphql(`mutation MobileDisputePay($id: UUID!, $reason: String!) { disputeSettlement(id: $id, reason: $reason) { id status } }`);
/** 零工保: what the platform can prove for this job (taken and paid here) and the insurer's policy reference. */
export const M_INSURANCE = graphql(`
  query MobileInsurance($id: UUID!, $day: String) {
    insuranceCoverage(engagementId: $id, day: $day) { engagementId status policyRef provider takenAt paidAt coverFrom coverTo day coversDay }
  }
`);
export const M_WALLET = graphql(`
  query MobileWallet { myWallet { balanceFen kind entries(limit: 20) { id amountFen kind createdAt } } }
`);
