"use client";

import Form from "next/form";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { DashboardParams } from "./dashboard-params";

const INTERVAL_OPTIONS = [
  { value: "month", label: "Month" },
  { value: "week", label: "Week (ISO, from Monday)" },
  { value: "day", label: "Day" },
] as const;

/**
 * The currency, range and interval, sent as a GET form so that the view is its URL (next/form
 * navigates on the client; without JavaScript it is a plain GET).
 */
export function RangeControls({
  params,
  currency,
  currencies,
}: {
  params: DashboardParams;
  currency: string | null;
  currencies: string[];
}) {
  return (
    <Form
      action="/dashboard"
      key={`${currency} ${params.from} ${params.to} ${params.interval}`}
      aria-label="Revenue range"
      className="flex flex-wrap items-end gap-3"
    >
      {currency && currencies.length > 0 ? (
        <SelectField
          label="Currency"
          name="currency"
          defaultValue={currency}
          options={currencies.map((code) => ({ value: code, label: code }))}
        />
      ) : null}
      <TextField label="From" name="from" type="date" defaultValue={params.from} required />
      <TextField label="To" name="to" type="date" defaultValue={params.to} required />
      <SelectField
        label="Interval"
        name="interval"
        defaultValue={params.interval}
        options={INTERVAL_OPTIONS}
      />
      <button type="submit" className={buttonClass("primary")}>
        Show
      </button>
    </Form>
  );
}
