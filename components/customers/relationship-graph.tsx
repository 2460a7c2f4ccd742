"use client";

import "@xyflow/react/dist/style.css";
import { useQuery } from "@tanstack/react-query";
import { Background, Controls, type Edge, type Node, ReactFlow } from "@xyflow/react";
import { useMemo, useState } from "react";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { customerGraphQuery } from "@/lib/queries/billing";
import type { CustomerGraph } from "@/lib/queries/types";
import { colourOf, typeLabel } from "./graph-colors";
import { radialLayout } from "./graph-layout";
import { GraphNodeDetails } from "./graph-node-details";

function toFlow(graph: CustomerGraph, customerId: string): { nodes: Node[]; edges: Edge[] } {
  const centre = graph.nodes.find((node) => node.type === "customer")?.id ?? customerId;
  const positions = radialLayout(graph, centre);
  const nodes: Node[] = graph.nodes.map((node) => {
    const colour = colourOf(node.type);
    return {
      id: node.id,
      position: positions.get(node.id) ?? { x: 0, y: 0 },
      data: { label: node.label },
      ariaLabel: `${typeLabel(node.type)}: ${node.label}`,
      style: {
        background: colour.fill,
        border: `2px solid ${colour.border}`,
        color: "#0f172a",
        fontWeight: node.id === centre ? 700 : 500,
        width: node.id === centre ? 190 : 160,
      },
    };
  });
  const edges: Edge[] = graph.edges.map((edge) => ({
    id: `${edge.source}->${edge.target}:${edge.type}`,
    source: edge.source,
    target: edge.target,
    label: typeLabel(edge.type),
    labelStyle: { fontSize: 10, fill: "#475569" },
    style: { stroke: "#94a3b8" },
  }));
  return { nodes, edges };
}

function GraphView({ graph, customerId }: { graph: CustomerGraph; customerId: string }) {
  const flow = useMemo(() => toFlow(graph, customerId), [graph, customerId]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const types = [...new Set(graph.nodes.map((node) => node.type))];
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
      <div>
        <div className="h-[26rem] rounded-lg border border-slate-200" data-testid="relationship-graph">
          <ReactFlow
            nodes={flow.nodes}
            edges={flow.edges}
            fitView
            nodesConnectable={false}
            nodesDraggable
            onNodeClick={(_event, node) => setSelectedId(node.id)}
            onSelectionChange={({ nodes }) => nodes[0] && setSelectedId(nodes[0].id)}
            minZoom={0.2}
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        <ul aria-label="Legend" className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700">
          {types.map((type) => (
            <li key={type} className="flex items-center gap-1">
              <span
                aria-hidden
                className="inline-block h-3 w-3 rounded-sm border-2"
                style={{ background: colourOf(type).fill, borderColor: colourOf(type).border }}
              />
              {typeLabel(type)}
            </li>
          ))}
        </ul>
      </div>
      <aside aria-label="Node details" className="rounded-lg border border-slate-200 p-3">
        <GraphNodeDetails node={graph.nodes.find((node) => node.id === selectedId) ?? null} graph={graph} />
      </aside>
    </div>
  );
}

/** The customer and everything around it, from /customers/{id}/graph.json. */
export function RelationshipGraph({ customerId }: { customerId: string }) {
  const graph = useQuery(customerGraphQuery(customerId));
  return (
    <Section title="Relationship graph">
      <QueryState query={graph} what="the relationship graph">
        {(data) => <GraphView graph={data} customerId={customerId} />}
      </QueryState>
    </Section>
  );
}
