import { fieldErrorsOf } from "@/lib/errors/field-errors";
import type { CustomerPatch } from "@/lib/queries/customers";
import type { Customer } from "@/lib/queries/types";
import { updateCustomerSchema } from "@/lib/validations/customer";

/** The contact form's fields, named by their API path so server errors land on the same field. */
export const CONTACT_FIELDS = [
  { name: "email", label: "Email", type: "email", autoComplete: "email" },
  { name: "company_name", label: "Company name", type: "text", autoComplete: "organization" },
  { name: "address.line1", label: "Address line 1", type: "text", autoComplete: "address-line1" },
  { name: "address.line2", label: "Address line 2", type: "text", autoComplete: "address-line2" },
  { name: "address.city", label: "City", type: "text", autoComplete: "address-level2" },
  { name: "address.state", label: "State or region", type: "text", autoComplete: "address-level1" },
  { name: "address.postal_code", label: "Postal code", type: "text", autoComplete: "postal-code" },
  { name: "address.country", label: "Country (ISO code, e.g. DE)", type: "text", autoComplete: "country" },
] as const;

export type ContactFieldName = (typeof CONTACT_FIELDS)[number]["name"];
export type ContactDraft = Record<ContactFieldName, string>;

export function draftOf(customer: Customer): ContactDraft {
  const { address } = customer;
  return {
    email: customer.email,
    company_name: customer.company_name ?? "",
    "address.line1": address.line1 ?? "",
    "address.line2": address.line2 ?? "",
    "address.city": address.city ?? "",
    "address.state": address.state ?? "",
    "address.postal_code": address.postal_code ?? "",
    "address.country": address.country,
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

export function patchOf(draft: ContactDraft): CustomerPatch {
  return {
    email: draft.email.trim(),
    company_name: orNull(draft.company_name),
    address: {
      line1: orNull(draft["address.line1"]),
      line2: orNull(draft["address.line2"]),
      city: orNull(draft["address.city"]),
      state: orNull(draft["address.state"]),
      postal_code: orNull(draft["address.postal_code"]),
      country: draft["address.country"].trim().toUpperCase(),
    },
  };
}

/** Checks the patch with the API's own schema; the messages are the ones a 422 would give. */
export function validateContact(draft: ContactDraft): Partial<Record<string, string>> {
  const result = updateCustomerSchema.safeParse(patchOf(draft));
  if (result.success) return {};
  return Object.fromEntries(fieldErrorsOf(result.error).map((problem) => [problem.field, problem.message]));
}
