import type { CustomerGraph, GraphNode } from "@/lib/queries/types";
import { colourOf, typeLabel } from "./graph-colors";

const show = (value: unknown) =>
  value === null || value === undefined
    ? "—"
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);

/** The side panel for the selected node: its own fields and what it is connected to. */
export function GraphNodeDetails({ node, graph }: { node: GraphNode | null; graph: CustomerGraph }) {
  if (!node) return <p className="text-sm text-slate-600">Select a node to see its details.</p>;
  const { id, type, label, data = {} } = node;
  const labelOf = new Map(graph.nodes.map((candidate) => [candidate.id, candidate.label]));
  const links = graph.edges.filter((edge) => edge.source === id || edge.target === id);
  return (
    <div className="space-y-3 text-sm" aria-live="polite">
      <div>
        <span
          className="rounded px-1.5 py-0.5 text-xs font-medium"
          style={{ background: colourOf(type).fill, color: "#0f172a" }}
        >
          {typeLabel(type)}
        </span>
        <h3 className="mt-1 font-semibold break-words">{label}</h3>
        <p className="font-mono text-xs break-all text-slate-600">{id}</p>
      </div>
      {Object.keys(data).length ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {Object.entries(data).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-slate-600">{name.replaceAll("_", " ")}</dt>
              <dd className="break-words">{show(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {links.length ? (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Connections</h4>
          <ul className="mt-1 space-y-0.5">
            {links.map((edge) => {
              const other = edge.source === id ? edge.target : edge.source;
              return (
                <li key={`${edge.source}-${edge.target}-${edge.type}`}>
                  {typeLabel(edge.type)}: {labelOf.get(other) ?? other}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
