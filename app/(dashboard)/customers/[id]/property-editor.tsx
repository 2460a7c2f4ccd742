"use client";

import { useState } from "react";
import {
  emptyRow,
  problemsByRow,
  propertiesOf,
  type PropertyRow as Row,
  rowsOf,
  validateRows,
} from "@/components/customers/property-draft";
import { PropertyTable } from "@/components/customers/property-table";
import { useCanWrite } from "@/components/providers/staff-session";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/query-state";
import { SaveActions } from "@/components/ui/save-actions";
import { Section } from "@/components/ui/section";
import { ApiProblem } from "@/lib/queries/api-fetch";
import { replaceProperties } from "@/lib/queries/customers";
import type { Customer } from "@/lib/queries/types";
import { useCustomerMutation } from "@/lib/queries/use-customer-mutation";
import { MAX_PROPERTIES, type Property } from "@/lib/validations/properties";

/** Add, edit and remove key/value pairs, saved together as one PUT (the API replaces the set). */
export function PropertyEditor({ customer }: { customer: Customer }) {
  const canEdit = useCanWrite() && customer.status !== "deleted";
  const [rows, setRows] = useState<Row[]>(() => rowsOf(customer.properties));
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const mutation = useCustomerMutation(
    customer.id,
    (properties: Property[]) => replaceProperties(customer.id, properties),
    (current, properties) => ({ ...current, properties }),
  );
  const serverProblems = mutation.error instanceof ApiProblem ? mutation.error.errors : [];
  const { rows: rowErrors, general } = problemsByRow(
    checked ? [...validateRows(rows), ...serverProblems] : serverProblems,
  );
  const edit = (next: Row[]) => {
    setRows(next);
    setSaved(false);
    mutation.reset();
  };

  return (
    <Section
      title="Properties"
      actions={
        <span className="text-xs text-slate-500">
          {rows.length} of {MAX_PROPERTIES}
        </span>
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (validateRows(rows).length === 0)
            mutation.mutate(propertiesOf(rows), { onSuccess: () => setSaved(true) });
        }}
      >
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">
            {canEdit ? "No properties yet. Add a key and a value, then save." : "No properties."}
          </p>
        ) : (
          <PropertyTable rows={rows} errors={rowErrors} disabled={!canEdit} onChange={edit} />
        )}
        {general.length ? (
          <ul role="alert" className="mt-2 text-sm text-rose-700">
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        {mutation.isError && serverProblems.length === 0 ? (
          <div className="mt-3">
            <ErrorText error={mutation.error} />
          </div>
        ) : null}
        {canEdit ? (
          <SaveActions label="Save properties" pending={mutation.isPending} saved={saved}>
            <Button onClick={() => edit([...rows, emptyRow()])} disabled={rows.length >= MAX_PROPERTIES}>
              Add property
            </Button>
          </SaveActions>
        ) : null}
      </form>
    </Section>
  );
}
