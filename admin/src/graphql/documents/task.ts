import { graphql } from "../generated";

export const TASKS = graphql(`
  query Tasks($limit: Int!, $offset: Int!, $status: TaskStatus, $regionCode: String) {
    tasks(limit: $limit, offset: $offset, status: $status, regionCode: $regionCode) {
      total
      items { id title skillCode regionCode address startsAt endsAt headcount filledCount payRateFen payUnit status wave manualDispatchAt }
    }
  }
`);
export const TASK = graphql(`
  query Task($id: UUID!) {
    task(id: $id) {
      id title description skillCode requiredLevel regionCode address startsAt endsAt headcount filledCount payRateFen payUnit
      status wave manualDispatchAt maxTravelMinutes venueId cancelReason
      flags { code message }
      offers { id workerId workerName wave status score travelMinutes distanceMeters expiresAt respondedAt why { factor label part weight } }
      engagements { id workerId workerName source status proxyBy acceptedAt }
    }
  }
`);
export const TASK_UPDATED = graphql(`
  subscription TaskUpdated($taskId: UUID!) { taskUpdated(taskId: $taskId) { id status filledCount headcount wave manualDispatchAt } }
`);
export const REQUEST_PROXY_CODE = graphql(`mutation RequestProxyCode($workerId: UUID!) { requestProxyCode(workerId: $workerId) { expiresAt resendAfterSeconds } }`);
export const PROXY_ACCEPT = graphql(`
  mutation ProxyAccept($taskId: UUID!, $workerId: UUID!, $smsCode: String!) {
    proxyAccept(taskId: $taskId, workerId: $workerId, smsCode: $smsCode) { id source proxyBy status }
  }
`);
export const FAIRNESS = graphql(`
  query FairnessReport($regionCode: String!, $month: String!) {
    fairnessReport(regionCode: $regionCode, month: $month) {
      month regionCode availableWorkers offers engagements
      groups { group label availableWorkers availableShare offers offerShare engagements engagementShare }
    }
  }
`);
