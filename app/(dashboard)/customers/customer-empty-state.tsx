/** No customers: either the filter matches none, or there are none yet and this says how to add one. */
export function CustomerEmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <p className="p-6 text-center text-sm text-slate-600">
        No customers match this search. Try fewer words or another status.
      </p>
    );
  }
  return (
    <div className="p-6 text-sm text-slate-700">
      <p className="font-medium">No customers yet.</p>
      <p className="mt-1">Customers are created by your systems through the API, for example:</p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        {`curl -X POST $APP_URL/customers.json \\
  -H "Authorization: Bearer $DONUTWORK_API_KEY" -H "Content-Type: application/json" \\
  -d '{"external_id":"crm-1","email":"billing@acme.example","address":{"country":"DE"}}'`}
      </pre>
      <p className="mt-2">
        An admin creates the API key under Admin → API keys. The reference is at{" "}
        <a href="/docs/api" className="text-indigo-700 underline">
          /docs/api
        </a>
        .
      </p>
    </div>
  );
}
