import { graphql } from "../generated";

export const WORKERS = graphql(`
  query Workers($limit: Int!, $offset: Int!, $search: String, $skillCode: String, $venueId: UUID) {
    workers(limit: $limit, offset: $offset, search: $search, skillCode: $skillCode, venueId: $venueId) {
      total
      items {
        userId realName idNumber gender age olderWorker hardToEmploy zeroEmploymentFamily available
        travelMode travelMinutes homeAddress completedCount noShowCount rating
        skills { skillCode level }
        homeVenue { id name }
      }
    }
  }
`);
export const REGISTER_WALK_IN = graphql(`
  mutation RegisterWalkInWorker($input: RegisterWorkerInput!) {
    registerWalkInWorker(input: $input) { userId realName idNumber age gender olderWorker homeVenue { id name } }
  }
`);
