// A company name made only of spaces, zero-width or control characters would render as a link
// with no visible text (and no accessible name), so such a name falls back to the email.
const VISIBLE_CHARACTER = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** What staff see as a customer's name: the company name when it shows, otherwise the email. */
export function customerLabel(customer: { company_name: string | null; email: string }): string {
  const name = customer.company_name;
  return name && VISIBLE_CHARACTER.test(name) ? name : customer.email;
}
