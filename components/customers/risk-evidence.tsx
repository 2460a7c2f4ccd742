import type { RiskEvidence } from "@/lib/queries/types";

const NAMES: Record<RiskEvidence["type"], string> = {
  payment_method: "card",
  charge: "charge",
  subscription: "subscription",
  invoice: "invoice",
};

// The objects with a GET of their own in the API (lib/operations: /charges/{id}.json,
// /subscriptions/{id}.json); cards and invoices are shown by id only.
const LINKS: Partial<Record<RiskEvidence["type"], (id: string) => string>> = {
  charge: (id) => `/charges/${id}.json`,
  subscription: (id) => `/subscriptions/${id}.json`,
};

/** What a risk signal is based on: each object by kind and id, linked where the API serves it. */
export function RiskEvidenceList({ evidence }: { evidence: RiskEvidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul aria-label="Evidence" className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {evidence.map((item) => {
        const href = LINKS[item.type]?.(item.id);
        const id = <code className="font-mono">{item.id}</code>;
        return (
          <li key={`${item.type}-${item.id}`}>
            {NAMES[item.type]}{" "}
            {href ? (
              <a href={href} className="text-indigo-700 underline">
                {id}
              </a>
            ) : (
              id
            )}
          </li>
        );
      })}
    </ul>
  );
}
