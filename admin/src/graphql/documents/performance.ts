import { graphql } from "../generated";

// Issue 9 (performance and subsidies) and 8 (complaints) landed: the dashboard figures that waited for them.
export const MY_VENUE_PERFORMANCE = graphql(`
  query MyVenuePerformance {
    venuePerformance {
      venueId venueName venueType year status score star level grantFen scoreGrantFen eligible title
      eligibility { code message }
      nextStar { level missing message blockedBy hints { itemId itemName message needed } }
      items { id name earned points kind actual target }
    }
  }
`);
export const STAR_RANKING = graphql(`
  query StarRanking($regionCode: String) {
    performanceRanking(limit: 100, regionCode: $regionCode, type: MARKET) { total items { venueId star score eligible } }
  }
`);
// 优胜劣汰: venues below 70 this year and last, due for the county's review of their recognition.
export const RECOGNITION_REVIEW = graphql(`
  query RecognitionReview($regionCode: String) {
    performanceRanking(limit: 20, regionCode: $regionCode, belowThresholdTwoYears: true) { total items { venueId venueName venueType regionCode score previousScore } }
  }
`);
export const COUNTY_BUDGET = graphql(`
  query CountyBudget($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { amountFen committedFen } }
`);
export const OPEN_COMPLAINTS = graphql(`
  query OpenComplaintDeadlines { complaints(openOnly: true, limit: 100) { total items { id deadlines { nextDueAt } } } }
`);
export const PLACEMENTS_BY_MONTH = graphql(`
  query PlacementsByMonth($months: Int) { placementsByMonth(months: $months) { month placements } }
`);
// 评分对账: the nightly reconcile's latest runs (city officers), each drift with its venue's name.
export const PERFORMANCE_RECONCILE_RUNS = graphql(`
  query PerformanceReconcileRuns($limit: Int!) {
    performanceReconcileRuns(limit: $limit) {
      id startedAt venueYears drifted
      drifts { venueId venueName year field fieldLabel stored actual }
    }
  }
`);
