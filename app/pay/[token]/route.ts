import { type GoneReason, openPaymentLinkForHolder } from "@/lib/dal/payment-links";
import { plainPage } from "@/lib/pay/plain-page";

const GONE_MESSAGES: Record<GoneReason, string> = {
  unknown: "This payment link does not exist. Please ask for a new link.",
  revoked:
    "This payment link was replaced by a newer one or cancelled. Please use the newest link you received, or ask for a new one.",
  used: "This payment link has already been used to save a card. Nothing more is needed; if you want to change your card, ask for a new link.",
  expired: "This payment link has expired. Please ask for a new link.",
  customer_inactive:
    "This account cannot save a card at the moment. Please contact the company that sent you this link.",
};

/** The one-time payment link: sends the browser to Stripe's hosted checkout, or says why not. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const outcome = await openPaymentLinkForHolder(token);
    if (outcome.kind === "redirect")
      return new Response(null, {
        status: 303,
        headers: { location: outcome.url, "cache-control": "no-store", "referrer-policy": "no-referrer" },
      });
    return plainPage(410, "This link is no longer valid", GONE_MESSAGES[outcome.reason]);
  } catch (error) {
    console.error("Opening a payment link failed:", (error as Error).message);
    return plainPage(
      503,
      "Please try again in a moment",
      "We could not reach our payment provider. Your link still works: reload this page in a minute.",
    );
  }
}

export const dynamic = "force-dynamic";
