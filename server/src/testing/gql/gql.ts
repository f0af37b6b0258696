/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ReconcileRunsForTest($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n": typeof types.ReconcileRunsForTestDocument,
    "mutation OpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }": typeof types.OpenQueueDashboardDocument,
    "query MyNotifications { myNotifications { id kind title body readAt } }": typeof types.MyNotificationsDocument,
    "mutation MarkRead($id: UUID!) { markNotificationRead(id: $id) }": typeof types.MarkReadDocument,
    "mutation Suspend($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { status } }": typeof types.SuspendDocument,
};
const documents: Documents = {
    "\n  query ReconcileRunsForTest($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n": types.ReconcileRunsForTestDocument,
    "mutation OpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }": types.OpenQueueDashboardDocument,
    "query MyNotifications { myNotifications { id kind title body readAt } }": types.MyNotificationsDocument,
    "mutation MarkRead($id: UUID!) { markNotificationRead(id: $id) }": types.MarkReadDocument,
    "mutation Suspend($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { status } }": types.SuspendDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconcileRunsForTest($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n"): (typeof documents)["\n  query ReconcileRunsForTest($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }"): (typeof documents)["mutation OpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyNotifications { myNotifications { id kind title body readAt } }"): (typeof documents)["query MyNotifications { myNotifications { id kind title body readAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkRead($id: UUID!) { markNotificationRead(id: $id) }"): (typeof documents)["mutation MarkRead($id: UUID!) { markNotificationRead(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Suspend($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { status } }"): (typeof documents)["mutation Suspend($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { status } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;