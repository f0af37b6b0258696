// GraphQL documents of the public phone pages (no login): the venue finder and open tasks nearby.
import { graphql } from "../graphql/generated";

export const P_NEARBY = graphql(`
  query PublicNearby($lat: Float!, $lng: Float!, $first: Int!) {
    nearestVenues(lat: $lat, lng: $lng, first: $first) { id name type address regionName hotline openingHours distanceMeters star starYear services }
    openTasksNear(lat: $lat, lng: $lng, first: $first) { id title skillName payRateFen payUnit startsAt endsAt seatsLeft regionName venueName distanceMeters }
  }
`);
