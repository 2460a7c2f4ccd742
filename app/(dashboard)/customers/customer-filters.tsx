"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ListFilters } from "./list-params";
import { PropertyFilterFields } from "./property-filter-fields";
import { type PropertyRow, propertiesOf, propertyRowsOf } from "./property-filter-rows";

const options = <const T extends string>(...pairs: [T, string][]) =>
  pairs.map(([value, label]) => ({ value, label }));

const STATUS = options(
  ["", "Active and suspended"],
  ["active", "Active"],
  ["suspended", "Suspended"],
  ["deleted", "Deleted"],
);
const RISK = options(["", "Any risk"], ["low", "Low"], ["medium", "Medium"], ["high", "High"]);
const CARD = options(["", "Any"], ["true", "Has a card"], ["false", "No card"]);
const SORT = options(["created", "Created"], ["mrr", "MRR (needs currency)"], ["risk_score", "Risk score"]);
const ORDER = options(["desc", "Newest / highest first"], ["asc", "Oldest / lowest first"]);

type Draft = Omit<ListFilters, "properties">;

/** Every filter of GET /customers.json; a change starts again from the first page with all of them. */
export function CustomerFilters({
  filters,
  onChange,
}: {
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
}) {
  const { properties, ...initial } = filters;
  const [draft, setDraft] = useState<Draft>(initial);
  const [rows, setRows] = useState<PropertyRow[]>(propertyRowsOf(properties));
  const set = (name: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value.trim() || undefined }));
  const value = (name: keyof Draft) => String(draft[name] ?? "");
  const apply = (next: Draft) => onChange({ ...next, properties: propertiesOf(rows) });
  // A choice from a list applies at once (as the status filter always did); typed fields wait for Search.
  const choose = (name: keyof Draft) => (event: { target: { value: string } }) => {
    const next = { ...draft, [name]: event.target.value || undefined };
    setDraft(next);
    apply(next);
  };

  return (
    <search>
      <form
        aria-label="Filter customers"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label="Search customers"
            type="search"
            className="min-w-64 flex-1"
            maxLength={200}
            placeholder="Email, company or external id"
            value={value("q")}
            onChange={set("q")}
          />
          <SelectField
            label="Status"
            className="w-48"
            options={STATUS}
            value={value("status")}
            onChange={choose("status")}
          />
          <SelectField
            label="Risk level"
            className="w-36"
            options={RISK}
            value={value("risk_level")}
            onChange={choose("risk_level")}
          />
          <SelectField
            label="Payment method"
            className="w-36"
            options={CARD}
            value={value("has_payment_method")}
            onChange={choose("has_payment_method")}
          />
          <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={draft.card_expiring === "true"}
              onChange={(event) =>
                setDraft((current) => ({
                  ...current,
                  card_expiring: event.target.checked ? "true" : undefined,
                }))
              }
            />
            Card expiring (30 days)
          </label>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label="Country"
            className="w-24"
            maxLength={2}
            placeholder="DE"
            value={value("country")}
            onChange={set("country")}
          />
          <TextField
            label="Currency"
            className="w-24"
            maxLength={3}
            placeholder="USD"
            value={value("currency")}
            onChange={set("currency")}
          />
          <TextField
            label="MRR at least (minor units)"
            className="w-44"
            inputMode="numeric"
            value={value("mrr_gte")}
            onChange={set("mrr_gte")}
          />
          <TextField
            label="MRR at most (minor units)"
            className="w-44"
            inputMode="numeric"
            value={value("mrr_lte")}
            onChange={set("mrr_lte")}
          />
          <TextField
            label="Created from"
            type="date"
            className="w-40"
            value={value("created_gte")}
            onChange={set("created_gte")}
          />
          <TextField
            label="Created until"
            type="date"
            className="w-40"
            value={value("created_lte")}
            onChange={set("created_lte")}
          />
          <SelectField
            label="Sort by"
            className="w-48"
            options={SORT}
            value={value("sort") || "created"}
            onChange={choose("sort")}
          />
          <SelectField
            label="Order"
            className="w-48"
            options={ORDER}
            value={draft.order === "asc" || draft.order === "oldest" ? "asc" : "desc"}
            onChange={choose("order")}
          />
        </div>
        <PropertyFilterFields rows={rows} onChange={setRows} />
        <div className="flex gap-2">
          <Button type="submit" variant="primary">
            Search
          </Button>
          <Button
            onClick={() => {
              setDraft({});
              setRows([]);
              onChange({});
            }}
          >
            Clear
          </Button>
        </div>
      </form>
    </search>
  );
}
