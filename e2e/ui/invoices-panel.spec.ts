import * as api from "@donutwork/api-client";
import { billableCustomer, charge } from "../billing/billing-support";
import { writeClient } from "../support/api";
import { expectData } from "../support/api-typed";
import { pdfTextOf } from "../support/invoice-pdf";
import { openCustomer } from "./support/customer-actions";
import { expect, test } from "./support/fixtures";

// Saving a card through the emulator and waiting for its webhook comes first (see charge-actions).
test.describe.configure({ timeout: 240_000 });

test("a viewer sees the charge's invoice on the customer page, and its links open the hosted page and the PDF", async ({
  viewerPage: page,
  request,
}) => {
  const customer = await billableCustomer(request);
  const made = expectData(await charge(request, customer.id, { amount: 2500 }), 201);
  const invoice = expectData(
    await api.getInvoice({ client: writeClient(request), path: { id: made.invoice_id ?? "" } }),
    200,
  );
  const number = invoice.number ?? "";

  await openCustomer(page, customer.id);
  const panel = page.getByRole("region", { name: "Invoices" });
  const row = panel.getByTestId("invoice-row").filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("invoice-total")).toHaveText("$25.00");
  await expect(row.getByTestId("invoice-amounts")).toContainText("$25.00 + tax $0.00");
  await expect(row.getByTestId("invoice-amounts")).toContainText("paid $25.00");
  await expect(row).toContainText("paid");

  const opened = page.context().waitForEvent("page");
  await row.getByRole("link", { name: `View invoice ${number}` }).click();
  const hosted = await opened;
  await expect(hosted.getByRole("heading", { level: 1 })).toHaveText(`Invoice ${number}`);
  await expect(hosted.locator("address")).toContainText(customer.company_name ?? "");
  await hosted.close();

  const pdfLink = row.getByRole("link", { name: `PDF of invoice ${number}` });
  await expect(pdfLink).toHaveAttribute("target", "_blank");
  const href = await pdfLink.getAttribute("href");
  expect(href).toBe(invoice.invoice_pdf);
  expect(await pdfTextOf(request, href ?? "")).toContain(number);
});
