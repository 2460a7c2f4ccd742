"use client";

import { useState } from "react";
import { useCanWrite } from "@/components/providers/staff-session";
import { Button } from "@/components/ui/button";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { ErrorText } from "@/components/ui/query-state";
import { SaveActions } from "@/components/ui/save-actions";
import { Section } from "@/components/ui/section";
import { ApiProblem } from "@/lib/queries/api-fetch";
import { replaceProperties } from "@/lib/queries/customers";
import type { Customer } from "@/lib/queries/types";
import { useCustomerMutation } from "@/lib/queries/use-customer-mutation";
import { MAX_PROPERTIES, type Property } from "@/lib/validations/properties";
import {
  emptyRow,
  problemsByRow,
  propertiesOf,
  type PropertyRow as Row,
  rowsOf,
  validateRows,
} from "./property-draft";
import { PropertyRow } from "./property-row";

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
          <table className="w-full text-sm">
            <caption className="sr-only">Customer properties</caption>
            <ColumnHeaders
              columns={[
                { label: "Key", className: "w-2/5 pb-1" },
                { label: "Type", className: "w-28 pb-1" },
                { label: "Value", className: "pb-1" },
                { label: "Actions", className: "pb-1", hiddenLabel: true },
              ]}
            />
            <tbody>
              {rows.map((row, index) => (
                <PropertyRow
                  key={row.rowId}
                  row={row}
                  index={index}
                  errors={rowErrors.get(index)}
                  disabled={!canEdit}
                  onChange={(changed) =>
                    edit(rows.map((candidate) => (candidate.rowId === row.rowId ? changed : candidate)))
                  }
                  onRemove={() => edit(rows.filter((candidate) => candidate.rowId !== row.rowId))}
                />
              ))}
            </tbody>
          </table>
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
