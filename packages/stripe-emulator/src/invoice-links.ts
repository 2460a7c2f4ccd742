import type { EmulatorContext } from "./context";
import type { InvoiceObject } from "./types";

/*
 * Where a finalized invoice's hosted page and PDF are served (hosted-invoice-page.ts). Stripe's
 * links carry an unguessable token; the emulator's invoice ids are random 24-character tokens
 * already, and the links are for test data only.
 */

export function hostedInvoiceUrl(ctx: EmulatorContext, invoice: Pick<InvoiceObject, "id">): string {
  return `${ctx.publicUrl}/i/${invoice.id}`;
}

export function invoicePdfUrl(ctx: EmulatorContext, invoice: Pick<InvoiceObject, "id">): string {
  return `${ctx.publicUrl}/i/${invoice.id}/pdf`;
}
