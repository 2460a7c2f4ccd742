import PDFDocument from "pdfkit";
import type { InvoiceDocument } from "./invoice-document";

/*
 * The invoice as a real PDF, drawn with pdfkit (a maintained PDF library) in its built-in
 * Helvetica, so the text is extractable: what the app's tests parse back.
 */

const MARGIN = 50;
const AMOUNT_COLUMN = 420;
const AMOUNT_WIDTH = 125;

function row(doc: PDFKit.PDFDocument, label: string, amount: string, bold = false): void {
  const y = doc.y;
  doc
    .font(bold ? "Helvetica-Bold" : "Helvetica")
    .text(label, MARGIN, y, { width: AMOUNT_COLUMN - MARGIN - 10 });
  const below = doc.y;
  doc.text(amount, AMOUNT_COLUMN, y, { width: AMOUNT_WIDTH, align: "right" });
  doc.y = Math.max(below, doc.y);
}

function draw(doc: PDFKit.PDFDocument, invoice: InvoiceDocument): void {
  doc.font("Helvetica-Bold").fontSize(20).text(invoice.title, MARGIN, MARGIN);
  doc.moveDown(0.5).fontSize(10).font("Helvetica");
  doc.text(`Invoice number: ${invoice.number}`);
  doc.text(`Date of issue: ${invoice.issuedOn}`);
  if (invoice.dueOn) doc.text(`Date due: ${invoice.dueOn}`);
  doc.text(`Status: ${invoice.status}`);
  doc.moveDown().font("Helvetica-Bold").text("From");
  doc.font("Helvetica").text(invoice.issuer);
  doc.moveDown().font("Helvetica-Bold").text("Bill to");
  doc.font("Helvetica");
  for (const line of invoice.billTo) doc.text(line);
  doc.moveDown(1.5);
  row(doc, "Description", "Amount", true);
  doc.moveDown(0.3);
  for (const line of invoice.lines) row(doc, `${line.quantity} × ${line.description}`, line.amount);
  doc.moveDown();
  row(doc, "Subtotal", invoice.subtotal);
  if (invoice.tax) row(doc, invoice.tax.label, invoice.tax.amount);
  row(doc, "Total", invoice.total, true);
  row(doc, "Amount due", invoice.amountDue, true);
}

/** The PDF's bytes. */
export function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      info: { Title: invoice.title, Author: invoice.issuer },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    draw(doc, invoice);
    doc.end();
  });
}
