import { graphql } from "../generated";

// 投诉 (issue 8): the handlers' queue with the SLA the API computes, the detail with history and evidence.
export const COMPLAINT_QUEUE = graphql(`
  query ComplaintQueue($limit: Int!, $offset: Int!, $status: ComplaintStatus, $category: ComplaintCategory, $openOnly: Boolean) {
    complaints(limit: $limit, offset: $offset, status: $status, category: $category, openOnly: $openOnly) {
      total
      items {
        id number title category channel status regionCode createdAt amountFen
        deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }
      }
    }
  }
`);
export const COMPLAINT = graphql(`
  query Complaint($id: UUID!) {
    complaint(id: $id) {
      id number title description category channel status regionCode venueId createdAt closedAt amountFen
      respondentKind respondentUserId respondentVenueId complainantId filedBy taskId engagementId contractId settlementId
      resolution rejectReason outcomeStars outcomeComment followUpAt followUpNote wagesPaidAt referredAt
      referral { amountFen }
      deadlines { acceptDueAt resolveDueAt nextKind nextDueAt secondsLeft paused stage onTime extended resolveBudgetDays autoCloseAt followUpDueAt }
      history { action actorRole at fromStatus toStatus note }
      evidence { id fileType sizeBytes sha256 createdAt link { url expiresAt } }
    }
  }
`);
export const HANDLE_COMPLAINT = graphql(`
  mutation HandleComplaint($id: UUID!, $action: ComplaintHandlerAction!, $note: String) {
    handleComplaint(id: $id, action: $action, note: $note) {
      id status resolution rejectReason
      deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }
      history { action actorRole at fromStatus toStatus note }
    }
  }
`);
export const COMPLAINT_FOLLOW_UP = graphql(`
  mutation ComplaintFollowUp($id: UUID!, $note: String!) { recordComplaintFollowUp(id: $id, note: $note) { id followUpAt followUpNote } }
`);
export const PAY_WAGE_FOR_COMPLAINT = graphql(`
  mutation PayWageForComplaint($complaintId: UUID!) { payWageForComplaint(complaintId: $complaintId) { id status totalFen paidAt } }
`);
