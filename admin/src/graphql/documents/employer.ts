import { graphql } from "../generated";

export const EMPLOYERS = graphql(`
  query Employers($limit: Int!, $offset: Int!, $search: String) {
    employers(limit: $limit, offset: $offset, search: $search) {
      total
      items { userId kind name creditCode idNumber contactName phone regionCode lateCancelCount taskCount createdAt }
    }
  }
`);
export const EMPLOYER_PROFILE = graphql(`
  query EmployerProfileDetail($employerId: UUID!) {
    employerReliability(employerId: $employerId) { averageStars ratingCount satisfiedShare lateCancellations wageArrearsComplaints standingWageArrears }
    tasks(employerId: $employerId, limit: 5, offset: 0) { total items { id title startsAt status headcount filledCount payRateFen payUnit } }
  }
`);
