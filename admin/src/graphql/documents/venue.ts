import { graphql } from "../generated";

export const VENUE_COVERAGE = graphql(`
  query VenueCoverage {
    venueCoverage {
      city { regionsCovered markets stations regionsMet marketsMet stationsMet targets { regions markets stations } }
      regions { code name markets stations covered }
    }
  }
`);
export const VENUE_STATUS_COUNTS = graphql(`
  query VenueStatusCounts($regionCode: String) {
    pending: venues(filter: { status: PENDING_RECOGNITION, regionCode: $regionCode }, limit: 1) { total }
    recognized: venues(filter: { status: RECOGNIZED, regionCode: $regionCode }, limit: 1) { total }
    suspended: venues(filter: { status: SUSPENDED, regionCode: $regionCode }, limit: 1) { total }
    revoked: venues(filter: { status: REVOKED, regionCode: $regionCode }, limit: 1) { total }
  }
`);
export const VENUES = graphql(`
  query Venues($filter: VenueFilter, $limit: Int!, $offset: Int!) {
    venues(filter: $filter, limit: $limit, offset: $offset) {
      total
      items { id name type status address recognizedAt operatorName region { code name } }
    }
  }
`);
export const VENUE = graphql(`
  query Venue($id: UUID!) {
    venue(id: $id) {
      id name type status statusReason address lat lng contactPhone openingHours operatorName operatorCreditCode recognizedAt createdAt
      region { code name }
      servicePurchasePeriods { id startsOn endsOn note }
    }
  }
`);
export const VENUE_WORKERS = graphql(`
  query VenueWorkerCount($venueId: UUID) { workers(venueId: $venueId, limit: 1) { total } }
`);
export const VENUE_STAFF = graphql(`
  query VenueStaff($venueId: UUID!) { venueStaff(venueId: $venueId) { id displayName phone status createdAt } }
`);
/** 开放时间: the venue's staff or an officer in scope set (or clear, with null) the line the public finder shows. */
export const UPDATE_VENUE_OPENING_HOURS = graphql(`
  mutation UpdateVenueOpeningHours($input: UpdateVenueOpeningHoursInput!) { updateVenueOpeningHours(input: $input) { id openingHours } }
`);
export const RECOGNIZE_VENUE = graphql(`mutation RecognizeVenue($id: UUID!) { recognizeVenue(id: $id) { id status recognizedAt statusReason } }`);
export const SUSPEND_VENUE = graphql(`mutation SuspendVenue($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { id status statusReason } }`);
export const REVOKE_VENUE = graphql(`mutation RevokeVenue($id: UUID!, $reason: String!) { revokeVenue(id: $id, reason: $reason) { id status statusReason } }`);
export const ADD_PURCHASE_PERIOD = graphql(`
  mutation AddServicePurchasePeriod($input: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $input) { id startsOn endsOn note } }
`);
export const REGIONS = graphql(`query Regions { regions { code name } }`);
