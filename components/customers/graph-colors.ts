import type { GraphNodeType } from "@/lib/queries/types";

/** One colour per node type, shared by the nodes and the legend; a new type will not compile without one. */
const COLOURS: Record<GraphNodeType, { fill: string; border: string }> = {
  customer: { fill: "#e0e7ff", border: "#4f46e5" },
  property: { fill: "#f1f5f9", border: "#64748b" },
  payment_link: { fill: "#e0f2fe", border: "#0284c7" },
  payment_method: { fill: "#dcfce7", border: "#16a34a" },
  subscription: { fill: "#fef3c7", border: "#d97706" },
  charge: { fill: "#fce7f3", border: "#db2777" },
  webhook_delivery: { fill: "#ede9fe", border: "#7c3aed" },
};

export const colourOf = (type: GraphNodeType) => COLOURS[type];

/** Node and edge types are snake_case identifiers; shown as words. */
export const typeLabel = (type: string) => type.replaceAll("_", " ");
