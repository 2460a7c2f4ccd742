"use client";

import { useState } from "react";
import { useCanWrite } from "@/components/providers/staff-session";
import { ErrorText } from "@/components/ui/query-state";
import { SaveActions } from "@/components/ui/save-actions";
import { Section } from "@/components/ui/section";
import { TextField } from "@/components/ui/text-field";
import { updateCustomer } from "@/lib/queries/customers";
import { isGeneralError, problemsByField } from "@/lib/queries/field-problems";
import type { Customer } from "@/lib/queries/types";
import { useCustomerMutation } from "@/lib/queries/use-customer-mutation";
import { CONTACT_FIELDS, type ContactDraft, draftOf, patchOf, validateContact } from "./contact-draft";

/** Contact and address. Finance and admins edit it; viewers read the same fields, disabled. */
export function ContactForm({ customer }: { customer: Customer }) {
  const canEdit = useCanWrite() && customer.status !== "deleted";
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(customer));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);
  const mutation = useCustomerMutation(customer.id, () => updateCustomer(customer.id, patchOf(draft)));
  const clientErrors = validateContact(draft);
  const serverErrors = problemsByField(mutation.error);
  const errorOf = (name: string) =>
    (touched.has(name) ? clientErrors[name] : undefined) ?? serverErrors[name];

  return (
    <Section title="Contact and address">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(new Set(CONTACT_FIELDS.map((field) => field.name)));
          if (Object.keys(clientErrors).length === 0)
            mutation.mutate(undefined, { onSuccess: () => setSaved(true) });
        }}
      >
        <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">Contact and address</legend>
          {CONTACT_FIELDS.map((field) => (
            <TextField
              key={field.name}
              label={field.label}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              value={draft[field.name]}
              error={errorOf(field.name)}
              onChange={(event) => {
                setSaved(false);
                setDraft({ ...draft, [field.name]: event.target.value });
              }}
              onBlur={() => setTouched(new Set(touched).add(field.name))}
            />
          ))}
        </fieldset>
        {canEdit ? <SaveActions label="Save contact" pending={mutation.isPending} saved={saved} /> : null}
        {isGeneralError(mutation.error) ? (
          <div className="mt-3">
            <ErrorText error={mutation.error} />
          </div>
        ) : null}
      </form>
    </Section>
  );
}
