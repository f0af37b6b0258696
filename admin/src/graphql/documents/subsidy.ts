import { graphql } from "../generated";

// 补助申报 (issue 9): applications through review, public notice (公示), objections, approval and payment.

export const SUBSIDY_APPLICATIONS = graphql(`
  query SubsidyApplications($limit: Int!, $offset: Int!, $status: ApplicationStatus, $kind: SubsidyKind, $year: Int, $regionCode: String) {
    subsidyApplications(limit: $limit, offset: $offset, status: $status, kind: $kind, year: $year, regionCode: $regionCode) {
      total
      items { venueName application { id venueId kind year status amountFen level score regionCode submittedAt noticeStartsOn noticeEndsOn } }
    }
  }
`);
export const SUBSIDY_APPLICATION = graphql(`
  query SubsidyApplication($id: UUID!) {
    subsidyApplication(id: $id) {
      id venueId kind year status amountFen level score policyVersion regionCode note statusReason
      createdAt submittedAt approvedAt noticeStartsOn noticeEndsOn paidFen paidOn voucherNo
      materials { key label provided }
    }
    subsidyObjections(applicationId: $id) { id reason status createdAt decidedAt decisionNote }
  }
`);

export const UPDATE_APPLICATION_MATERIALS = graphql(`
  mutation UpdateApplicationMaterials($input: ApplicationMaterialsInput!) {
    updateApplicationMaterials(input: $input) { id status note materials { key label provided } }
  }
`);
export const SUBMIT_APPLICATION = graphql(`mutation SubmitApplication($id: UUID!) { submitApplication(id: $id) { id status submittedAt statusReason } }`);
export const START_APPLICATION_REVIEW = graphql(`mutation StartApplicationReview($id: UUID!) { startApplicationReview(id: $id) { id status statusReason } }`);
export const RETURN_APPLICATION = graphql(`mutation ReturnApplication($id: UUID!, $reason: String!) { returnApplication(id: $id, reason: $reason) { id status statusReason } }`);
export const REJECT_APPLICATION = graphql(`mutation RejectApplication($id: UUID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id status statusReason } }`);
export const PUBLISH_APPLICATION = graphql(`
  mutation PublishApplication($id: UUID!) { publishApplication(id: $id) { id status noticeStartsOn noticeEndsOn statusReason } }
`);
export const FILE_OBJECTION = graphql(`
  mutation FileObjection($applicationId: UUID!, $reason: String!) {
    fileObjection(applicationId: $applicationId, reason: $reason) { id reason status createdAt decidedAt decisionNote }
  }
`);
export const DECIDE_OBJECTION = graphql(`
  mutation DecideObjection($id: UUID!, $upheld: Boolean!, $note: String!) {
    decideObjection(id: $id, upheld: $upheld, note: $note) { id status decidedAt decisionNote }
  }
`);
export const RECORD_SUBSIDY_PAYMENT = graphql(`
  mutation RecordSubsidyPayment($input: SubsidyPaymentInput!) { recordSubsidyPayment(input: $input) { id status paidFen paidOn voucherNo } }
`);

// 附件 exports: each answers with a 5-minute signed link to GET /exports/… (the .xlsx, streamed).
export const EXPORT_APPLICATION_FORM = graphql(`
  mutation ExportApplicationForm($applicationId: UUID!) { exportApplicationForm(applicationId: $applicationId) { url filename expiresAt } }
`);
export const EXPORT_RECOGNITION_FORM = graphql(`
  mutation ExportRecognitionForm($venueId: UUID!) { exportRecognitionForm(venueId: $venueId) { url filename expiresAt } }
`);
export const EXPORT_PLACEMENT_ROSTER = graphql(`
  mutation ExportPlacementRoster($venueId: UUID!, $year: Int!, $fullIds: Boolean!) {
    exportPlacementRoster(venueId: $venueId, year: $year, fullIds: $fullIds) { url filename expiresAt }
  }
`);
export const EXPORT_ASSESSMENT_FORM = graphql(`
  mutation ExportAssessmentForm($venueId: UUID!, $year: Int!) { exportAssessmentForm(venueId: $venueId, year: $year) { url filename expiresAt } }
`);
export const EXPORT_YEAR_SUMMARY = graphql(`
  mutation ExportYearSummary($regionCode: String, $year: Int!) { exportYearSummary(regionCode: $regionCode, year: $year) { url filename expiresAt } }
`);
export const SUBSIDY_VENUE = graphql(`query SubsidyVenue($id: UUID!) { venue(id: $id) { id name type status } }`);
