// GraphQL documents of one complaint on the phone (投诉详情): its state, deadlines and the handlers' replies,
// kept current over graphql-ws while the page is open, and the complainant's answers.
import { graphql } from "../graphql/generated";

export const M_COMPLAINT = graphql(`
  query MobileComplaint($id: UUID!) {
    complaint(id: $id) {
      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId
      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }
      history { action toStatus at actorRole note }
      evidence { id fileType }
    }
  }
`);
/** Every step of the complaint as it happens (the same fields as M_COMPLAINT). */
export const M_COMPLAINT_UPDATED = graphql(`
  subscription MobileComplaintUpdated($id: UUID!) {
    complaintUpdated(id: $id) {
      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId
      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }
      history { action toStatus at actorRole note }
      evidence { id fileType }
    }
  }
`);
export const M_SUPPLY_COMPLAINT = graphql(`mutation MobileSupplyComplaint($id: UUID!, $note: String!) { supplyComplaintInfo(id: $id, note: $note) { id status } }`);
export const M_CLOSE_COMPLAINT = graphql(`mutation MobileCloseComplaint($id: UUID!, $stars: Int!) { closeComplaint(id: $id, stars: $stars) { id status } }`);
export const M_REFUSE_COMPLAINT = graphql(`mutation MobileRefuseComplaint($id: UUID!, $note: String!) { refuseComplaintResolution(id: $id, note: $note) { id status } }`);
