import "server-only";
import { getReturnState } from "../server/payment-links/get-return-state";
import { openPaymentLink } from "../server/payment-links/open-payment-link";

// The customer-facing payment pages' data. Their visitors are customers, not staff: the right
// to open a link is holding its token (256 random bits, stored only hashed), and the return
// pages, reached by the link's id, tell no more than whether a card was confirmed and where
// to go back to.

export type { GoneReason } from "../server/payment-links/open-payment-link";

/** Starts (or resumes) the link's checkout for whoever holds the token. */
export const openPaymentLinkForHolder = (token: string) => openPaymentLink(token);

/** Whether the card of the link is confirmed, and the link's return URL. */
export const paymentLinkReturnState = (linkId: string | undefined) => getReturnState(linkId);
