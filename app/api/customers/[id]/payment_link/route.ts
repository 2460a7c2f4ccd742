import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { createPaymentLink } from "@/lib/server/payment-links/create-payment-link";
import { paymentLinkQuerySchema } from "@/lib/validations/payment-link";

// A GET that creates, as the contract's seed defines it: each call makes a new link (and
// revokes the previous unused one), so it needs the write permission.
export const GET = apiRoute<{ id: string }>({ permission: "write" }, async ({ params, actor, url }) => {
  const query = paymentLinkQuerySchema.parse(Object.fromEntries(url.searchParams));
  return ok(await createPaymentLink({ customerId: params.id, returnUrl: query.return_url ?? null, actor }));
});

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
