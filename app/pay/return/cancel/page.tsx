import type { Metadata } from "next";
import { paymentLinkReturnState } from "@/lib/dal/payment-links";
import { ReturnFrame } from "../return-frame";

export const metadata: Metadata = { title: "No card saved" };
export const dynamic = "force-dynamic";

export default async function CheckoutCancelPage({
  searchParams,
}: {
  searchParams: Promise<{ link?: string }>;
}) {
  const state = await paymentLinkReturnState((await searchParams).link);
  return (
    <ReturnFrame title="No card was saved" returnUrl={state?.returnUrl}>
      <p>You left the card form before saving a card, so nothing was stored and no money was taken.</p>
      <p>To try again, open the same payment link once more while it is still valid.</p>
    </ReturnFrame>
  );
}
