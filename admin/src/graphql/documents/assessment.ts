import { graphql } from "../generated";

// 考核: the county officer's on-site items (C1, C2, D1, D3, vetoes) and the venue's self-assessment (附件6 自评).
export const ASSESSMENT_CONTEXT = graphql(`
  query AssessmentContext($venueId: UUID, $year: Int) {
    venuePerformance(venueId: $venueId, year: $year) {
      venueId venueName venueType year status score star onsiteEntered
      items { id name kind earned points note }
      vetoes { code label effect }
    }
    onsiteAssessment(venueId: $venueId, year: $year) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }
    selfAssessment(venueId: $venueId, year: $year) { kind year enteredAt notes scores { itemId points } }
  }
`);
export const ENTER_ONSITE_ASSESSMENT = graphql(`
  mutation EnterOnsiteAssessment($input: OnsiteAssessmentInput!) {
    enterOnsiteAssessment(input: $input) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }
  }
`);
export const SUBMIT_SELF_ASSESSMENT = graphql(`
  mutation SubmitSelfAssessment($input: SelfAssessmentInput!) {
    submitSelfAssessment(input: $input) { kind year enteredAt notes scores { itemId points } }
  }
`);
