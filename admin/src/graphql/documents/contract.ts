import { graphql } from "../generated";

// 合同与工资结算 (issue 7): a contract by id with its settlement, attendance and escrow, or any contract by its hash.
export const CONTRACT_LOOKUP = graphql(`
  query ContractLookup($id: UUID!) {
    contract(id: $id) {
      id title kind status templateVersion termsHash createdAt signedAt endedAt endReason engagementId taskId workerId employerId
      signatures { party keyId signedAt }
    }
  }
`);
export const ENGAGEMENT_MONEY = graphql(`
  query EngagementMoney($engagementId: UUID!, $taskId: UUID!, $employerId: UUID!) {
    settlementOfEngagement(engagementId: $engagementId) {
      id status payUnit rateFen minutes pieces wageFen cancellationFeeFen totalFen minimumHourlyFen payoutStatus paidAt autoConfirmed disputeReason
      partTimeWeek { weekStart minutes flaggedAt }
    }
    attendance(engagementId: $engagementId) { id status checkInAt checkOutAt minutes approvedAt disputeReason partTimeWeek { weekStart minutes flaggedAt } }
    taskEscrow(taskId: $taskId) { id balanceFen entries(limit: 10) { id amountFen kind createdAt } }
    employerReliability(employerId: $employerId) { wageArrearsComplaints standingWageArrears lateCancellations averageStars ratingCount }
  }
`);
// 支付对账: daily runs with the differences in the reader's scope.
export const PAYOUT_RECONCILIATIONS = graphql(`
  query PayoutReconciliations($limit: Int!, $offset: Int!) {
    payoutReconciliations(limit: $limit, offset: $offset) {
      total
      items {
        id day status platformCount platformFen providerCount providerFen differenceCount ranAt
        differences { id kind requestId settlementId venueId platformFen providerFen platformStatus providerStatus }
      }
    }
  }
`);
export const VERIFY_CONTRACT = graphql(`
  query VerifyContract($hash: String!) {
    verifyContract(hash: $hash) {
      valid termsIntact status kind templateVersion termsHash workerName workerMaskedId employerName employerMaskedId
      signatures { party keyId signedAt valid }
    }
  }
`);
