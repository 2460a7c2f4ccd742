"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CONTACT_FIELDS, type ContactDraft, patchOf } from "@/app/(dashboard)/customers/[id]/contact-draft";
import {
  emptyRow,
  type PropertyRow,
  problemsByRow,
  propertiesOf,
  validateRows,
} from "@/components/customers/property-draft";
import { PropertyTable } from "@/components/customers/property-table";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/query-state";
import { SaveActions } from "@/components/ui/save-actions";
import { Section } from "@/components/ui/section";
import { TextField } from "@/components/ui/text-field";
import { ApiProblem } from "@/lib/queries/api-fetch";
import { createCustomer, customerKeys, type NewCustomer } from "@/lib/queries/customers";
import { isGeneralError, problemsByField } from "@/lib/queries/field-problems";
import { useIdempotencyKey } from "@/lib/queries/use-idempotency-key";
import { MAX_PROPERTIES } from "@/lib/validations/properties";

const EMPTY_CONTACT = Object.fromEntries(CONTACT_FIELDS.map((field) => [field.name, ""])) as ContactDraft;

/**
 * A new customer with its contact, address and properties. Bad input is named by the API
 * (`external_id`, `address.country`, `properties[0].key`) and shown beside that field; on
 * success the customer's page opens.
 */
export function NewCustomerForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [externalId, setExternalId] = useState("");
  const [contact, setContact] = useState<ContactDraft>(EMPTY_CONTACT);
  const [rows, setRows] = useState<PropertyRow[]>([]);
  const [checked, setChecked] = useState(false);
  const mutation = useMutation({
    mutationFn: ({ body, key }: { body: NewCustomer; key: string }) => createCustomer(body, key),
    onSuccess: (customer) => {
      idempotency.succeeded();
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      router.push(`/customers/${customer.id}`);
    },
  });
  const errors = problemsByField(mutation.error);
  const serverProblems = mutation.error instanceof ApiProblem ? mutation.error.errors : [];
  const rowProblems = problemsByRow(checked ? [...validateRows(rows), ...serverProblems] : serverProblems);

  return (
    <form
      aria-label="New customer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (mutation.isPending || validateRows(rows).length > 0) return;
        const properties = propertiesOf(rows);
        const body = {
          external_id: externalId.trim(),
          ...patchOf(contact),
          ...(properties.length ? { properties } : {}),
        } as NewCustomer;
        mutation.mutate({ body, key: idempotency.keyFor(body) });
      }}
      className="space-y-6"
    >
      <Section title="Contact and address">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="External id"
            value={externalId}
            error={errors.external_id}
            onChange={(event) => setExternalId(event.target.value)}
          />
          {CONTACT_FIELDS.map((field) => (
            <TextField
              key={field.name}
              label={field.label}
              type={field.type}
              autoComplete={field.autoComplete}
              value={contact[field.name]}
              error={errors[field.name]}
              onChange={(event) => setContact({ ...contact, [field.name]: event.target.value })}
            />
          ))}
        </div>
      </Section>
      <Section title="Properties">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">
            No properties. Add a key and a value if the customer needs them.
          </p>
        ) : (
          <PropertyTable rows={rows} errors={rowProblems.rows} disabled={false} onChange={setRows} />
        )}
        {rowProblems.general.length ? (
          <ul role="alert" className="mt-2 text-sm text-rose-700">
            {rowProblems.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        <Button
          className="mt-3"
          onClick={() => setRows([...rows, emptyRow()])}
          disabled={rows.length >= MAX_PROPERTIES}
        >
          Add property
        </Button>
      </Section>
      {isGeneralError(mutation.error) ? <ErrorText error={mutation.error} /> : null}
      <SaveActions label="Create customer" pending={mutation.isPending} saved={false} />
    </form>
  );
}
