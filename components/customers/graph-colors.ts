/** One colour per node type, shared by the nodes and the legend. Unknown types are grey. */
const COLOURS: Record<string, { fill: string; border: string }> = {
  customer: { fill: "#e0e7ff", border: "#4f46e5" },
  property: { fill: "#f1f5f9", border: "#64748b" },
  payment_link: { fill: "#e0f2fe", border: "#0284c7" },
  payment_method: { fill: "#dcfce7", border: "#16a34a" },
  subscription: { fill: "#fef3c7", border: "#d97706" },
  charge: { fill: "#fce7f3", border: "#db2777" },
  refund: { fill: "#ffe4e6", border: "#e11d48" },
  webhook_delivery: { fill: "#ede9fe", border: "#7c3aed" },
  delivery: { fill: "#ede9fe", border: "#7c3aed" },
  event: { fill: "#f5f5f4", border: "#78716c" },
};

const FALLBACK = { fill: "#f8fafc", border: "#94a3b8" };

export const colourOf = (type: string) => COLOURS[type] ?? FALLBACK;

export const typeLabel = (type: string) => type.replaceAll("_", " ");
