import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi/document";

export const metadata: Metadata = { title: "API reference" };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const METHOD_COLOURS: Record<(typeof METHODS)[number], string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-rose-100 text-rose-800",
};

/** A readable reference built from the same OpenAPI document served at /openapi.json. */
export default function ApiReferencePage() {
  const document = openApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-2xl font-semibold">{document.info.title}</h1>
      <p className="mt-2 text-slate-600">{document.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable:{" "}
        <a className="text-indigo-700 underline" href="/openapi.json">
          /openapi.json
        </a>{" "}
        (OpenAPI {document.openapi})
      </p>
      <ul className="mt-8 space-y-6">
        {operations.map(({ path, method, operation }) => (
          <li
            key={`${method} ${path}`}
            className="rounded-lg border border-slate-200 bg-white p-4"
            id={operation.operationId}
          >
            <h2 className="flex items-center gap-3 font-mono text-sm">
              <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_COLOURS[method]}`}>
                {method}
              </span>
              {path}
            </h2>
            <p className="mt-2">{operation.summary}</p>
            {operation.description ? (
              <p className="mt-1 text-sm text-slate-600">{operation.description}</p>
            ) : null}
            <dl className="mt-3 flex flex-wrap gap-2 text-xs">
              {Object.entries(operation.responses ?? {}).map(([status, response]) => (
                <div key={status} className="rounded bg-slate-100 px-2 py-1">
                  <dt className="inline font-semibold">{status}</dt>{" "}
                  <dd className="inline">{(response as { description?: string }).description}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </main>
  );
}
