import type { EmulatorContext } from "./context";
import { escapeHtml, htmlPage } from "./html";
import { type InvoiceDocument, invoiceDocument } from "./invoice-document";
import { invoicePdfUrl } from "./invoice-links";
import { renderInvoicePdf } from "./invoice-pdf";
import { type PageResult, pageRoute, type Route } from "./router";
import type { InvoiceObject } from "./types";

/*
 * The pages a finalized invoice's `hosted_invoice_url` and `invoice_pdf` point at: the invoice
 * as a script-free HTML page, and as a PDF download. Drafts have neither, as in Stripe.
 */

function amountRow(label: string, amount: string, strong = false): string {
  const cell = (text: string) => (strong ? `<strong>${escapeHtml(text)}</strong>` : escapeHtml(text));
  return `<tr><th scope="row">${cell(label)}</th><td class="amount">${cell(amount)}</td></tr>`;
}

function renderPage(document: InvoiceDocument, pdfUrl: string): string {
  const lines = document.lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(`${line.quantity} × ${line.description}`)}</td><td class="amount">${escapeHtml(line.amount)}</td></tr>`,
    )
    .join("\n");
  const due = document.dueOn ? `<dt>Date due</dt><dd>${escapeHtml(document.dueOn)}</dd>` : "";
  return htmlPage(
    document.title,
    `<dl>
<dt>Invoice number</dt><dd>${escapeHtml(document.number)}</dd>
<dt>Date of issue</dt><dd>${escapeHtml(document.issuedOn)}</dd>
${due}
<dt>Status</dt><dd>${escapeHtml(document.status)}</dd>
</dl>
<h2>Bill to</h2>
<address>${document.billTo.map(escapeHtml).join("<br>")}</address>
<table>
<thead><tr><th scope="col">Description</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody>
${lines}
</tbody>
<tfoot>
${amountRow("Subtotal", document.subtotal)}
${document.tax ? amountRow(document.tax.label, document.tax.amount) : ""}
${amountRow("Total", document.total, true)}
${amountRow("Amount due", document.amountDue, true)}
</tfoot>
</table>
<p><a href="${escapeHtml(pdfUrl)}">Download invoice (PDF)</a></p>`,
  );
}

function finalizedInvoice(ctx: EmulatorContext, id: string): InvoiceObject | PageResult {
  const invoice = ctx.store.invoices.find(id);
  if (!invoice || invoice.status === "draft") {
    return {
      kind: "html",
      status: 404,
      html: htmlPage("This invoice does not exist", "<p>Check the link.</p>"),
    };
  }
  return invoice;
}

export const hostedInvoiceRoutes: Route[] = [
  pageRoute("GET", "/i/:id", (ctx, request) => {
    const invoice = finalizedInvoice(ctx, request.pathParam("id"));
    if ("kind" in invoice) return invoice;
    return {
      kind: "html",
      status: 200,
      html: renderPage(invoiceDocument(invoice), invoicePdfUrl(ctx, invoice)),
    };
  }),
  pageRoute("GET", "/i/:id/pdf", (ctx, request) => {
    const invoice = finalizedInvoice(ctx, request.pathParam("id"));
    if ("kind" in invoice) return invoice;
    return {
      kind: "file",
      status: 200,
      contentType: "application/pdf",
      filename: `Invoice-${invoice.number}.pdf`,
      body: renderInvoicePdf(invoiceDocument(invoice)),
    };
  }),
];
