import { apiRoute, ok } from "@/lib/api/route";
import { createPaymentLink } from "@/lib/server/payment-links/create-payment-link";

// A GET that creates, as the contract's seed defines it: each call makes a new link (and
// revokes the previous unused one), so it needs the write permission.
export const GET = apiRoute<{ id: string }>({ permission: "write" }, async ({ params, actor }) =>
  ok(await createPaymentLink({ customerId: params.id, actor })),
);

export const dynamic = "force-dynamic";
