// GraphQL documents of the employer's phone pages (用工主体): post, fund, watch, approve, pay, rate.
import { graphql } from "../graphql/generated";

export const E_MY_TASKS = graphql(`
  query EmployerTasks($limit: Int!) {
    myTasks(limit: $limit) { total items { id title status startsAt endsAt headcount filledCount payRateFen payUnit address venueId } }
  }
`);
export const E_MIN_WAGE = graphql(`
  query EmployerMinimumWage($regionCode: String!, $date: LocalDate!) { minimumWageOn(regionCode: $regionCode, date: $date) { hourlyFen monthlyFen source regionCode } }
`);
export const E_POST_TASK = graphql(`mutation EmployerPostTask($input: PostTaskInput!) { postTask(input: $input) { id status } }`);
export const E_TASK = graphql(`
  query EmployerTask($id: UUID!) {
    task(id: $id) {
      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId
      offers { id status wave expiresAt travelMinutes }
      engagements { id status workerId startsAt endsAt }
    }
    taskEscrow(taskId: $id) { balanceFen }
    myWallet { balanceFen }
  }
`);
/** Seats and offers as they change (the same fields as E_TASK's task). */
export const E_TASK_UPDATED = graphql(`
  subscription EmployerTaskUpdated($taskId: UUID!) {
    taskUpdated(taskId: $taskId) {
      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId
      offers { id status wave expiresAt travelMinutes }
      engagements { id status workerId startsAt endsAt }
    }
  }
`);
/** 扫码签到: the task's rotating code (a new one each minute) as an SVG QR image and as 8 characters to type. */
export const E_CHECK_IN_CODE = graphql(`query EmployerCheckInCode($taskId: UUID!) { checkInCode(taskId: $taskId) { taskId code shortCode svg expiresAt periodSeconds } }`);
export const E_TOP_UP = graphql(`mutation EmployerTopUp($input: TopUpWalletInput!) { topUpWallet(input: $input) { id } }`);
export const E_FUND = graphql(`mutation EmployerFund($input: FundTaskEscrowInput!) { fundTaskEscrow(input: $input) { id } }`);
export const E_ENGAGEMENT = graphql(`
  query EmployerEngagement($id: UUID!) {
    contractOfEngagement(engagementId: $id) { id status title termsHash signatures { party signedAt } }
    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes approvedAt disputeReason }
    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }
    engagementRatings(engagementId: $id) { id side stars tags comment }
  }
`);
export const E_ANSWER_HOURS = graphql(`mutation EmployerAnswerHours($input: AnswerHoursInput!) { answerHours(input: $input) { id status approvedAt } }`);
export const E_SUBMIT_PAY = graphql(`mutation EmployerSubmitPay($input: SubmitSettlementInput!) { submitSettlement(input: $input) { id status } }`);
export const E_RATE = graphql(`mutation MobileRate($input: RateEngagementInput!) { rateEngagement(input: $input) { id stars tags } }`);
export const M_MY_COMPLAINTS = graphql(`
  query MobileMyComplaints($limit: Int!) {
    myComplaints(limit: $limit) { total items { id number title category status createdAt respondentKind respondentUserId complainantId resolution deadlines { resolveDueAt } evidence { id fileType } } }
  }
`);
export const M_FILE_COMPLAINT = graphql(`mutation MobileFileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { id number status } }`);
export const M_RATINGS = graphql(`query MobileRatings($id: UUID!) { engagementRatings(engagementId: $id) { id side stars tags } }`);
