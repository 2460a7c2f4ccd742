import type { Metadata } from "next";
import { paymentLinkReturnState } from "@/lib/dal/payment-links";
import { ReturnFrame } from "../return-frame";

export const metadata: Metadata = { title: "Card received" };
export const dynamic = "force-dynamic";

export default async function CheckoutSuccessPage({
  searchParams,
}: {
  searchParams: Promise<{ link?: string }>;
}) {
  const state = await paymentLinkReturnState((await searchParams).link);
  return (
    <ReturnFrame
      title={state?.cardConfirmed ? "Your card is saved" : "Thank you: we are confirming your card"}
      returnUrl={state?.returnUrl}
    >
      {state?.cardConfirmed ? (
        <p>Your card has been saved securely with our payment provider. You can close this window.</p>
      ) : (
        <p>
          Your card details went straight to our payment provider, Stripe. We will have their confirmation in
          a moment; you do not need to do anything else and can close this window.
        </p>
      )}
      <p className="text-sm">No money has been taken.</p>
    </ReturnFrame>
  );
}
