import type * as api from "@donutwork/api-client";

// The JSON shapes the pages read: the generated client's types (packages/api-client, made from
// the OpenAPI document), so a change to an operation's response shows up here and in every page
// that reads it as a type error. Type-only: nothing of the schemas reaches the browser.

export type Customer = api.Customer;
export type CustomerStatus = Customer["status"];

/** A page of a list: the envelope every list operation answers with, here for one item type. */
export type ListPage<T> = Omit<api.CustomerList, "data"> & { data: T[] };

export type PaymentLinkCreated = api.PaymentLink;
export type PaymentMethod = api.PaymentMethod;

export type Subscription = api.Subscription;
export type Charge = api.Charge;
export type Invoice = api.Invoice;

export type CustomerGraph = api.CustomerGraph;
export type GraphNode = CustomerGraph["nodes"][number];
export type GraphNodeType = GraphNode["type"];

export type CustomerMetrics = api.CustomerMetrics;

export type BookMetrics = api.BookMetrics;
export type BookCurrency = BookMetrics["currencies"][number];

export type PaymentLinkSummary = api.PaymentLinkSummary;
export type WebhookDelivery = api.WebhookDelivery;
export type AuditEntry = api.AuditEntry;
export type WebhookEndpoint = api.WebhookEndpoint;

export type MrrSeries = api.MrrSeries;
export type MrrPoint = MrrSeries["series"][number]["points"][number];
export type SeriesInterval = MrrSeries["interval"];
export type MovementType = api.MrrMovement["type"];
export type MrrMovement = api.MrrMovement;
export type MrrMovementList = api.MrrMovementList;
export type MrrChange = api.MrrChangeCause;

export type BreakdownLine = CustomerMetrics["breakdown"][number];
export type MrrHistoryEntry = CustomerMetrics["history"][number];
export type RiskEvidence = api.RiskEvidence;
export type RiskHistoryEntry = CustomerMetrics["risk_history"][number];
