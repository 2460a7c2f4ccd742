import { apiKeyOperations } from "./api-keys";
import { chargeOperations } from "./charges";
import { customerActivityOperations } from "./customer-activity";
import { customerOperations } from "./customers";
import type { OperationDefinition } from "./define-operation";
import { healthOperations } from "./health";
import { paymentLinkOperations } from "./payment-links";
import { revenueOperations } from "./revenue";
import { staffUserOperations } from "./staff-users";
import { subscriptionOperations } from "./subscriptions";
import { webhookEndpointOperations } from "./webhook-endpoints";

/**
 * Every operation of the API, in the order of the OpenAPI document. A new operation is a
 * definition in its resource's file (and in that file's list), a route handler that passes it to
 * apiRoute, and its domain function.
 */
export const operations: readonly OperationDefinition[] = [
  ...customerOperations,
  ...paymentLinkOperations,
  ...subscriptionOperations,
  ...chargeOperations,
  ...customerActivityOperations,
  ...webhookEndpointOperations,
  ...staffUserOperations,
  ...healthOperations,
  ...revenueOperations,
  ...apiKeyOperations,
];

/** The operations of /openapi.json, for integrators; the rest serve the staff pages only. */
export const publicOperations = operations.filter((operation) => operation.public);
