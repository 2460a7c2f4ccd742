import type { MovementType } from "@/lib/queries/types";

/**
 * The five movement types in the order the charts stack them: the three that add MRR above
 * zero, the two that take it away below.
 */
export const MOVEMENT_TYPES: readonly MovementType[] = [
  "new",
  "expansion",
  "reactivation",
  "contraction",
  "churn",
];

export const MOVEMENT_LABELS: Record<MovementType, string> = {
  new: "New",
  expansion: "Expansion",
  reactivation: "Reactivation",
  contraction: "Contraction",
  churn: "Churn",
};

/** Tailwind 600s: green family up, red family down, each distinct at 3:1 against white. */
export const MOVEMENT_COLORS: Record<MovementType, string> = {
  new: "#059669",
  expansion: "#2563eb",
  reactivation: "#7c3aed",
  contraction: "#d97706",
  churn: "#e11d48",
};

/** +1 for the types that add MRR, −1 for those that take it away (amounts are magnitudes). */
export const movementSign = (type: MovementType) => (type === "contraction" || type === "churn" ? -1 : 1);
