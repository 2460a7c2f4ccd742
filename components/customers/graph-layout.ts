import type { CustomerGraph, GraphNode } from "@/lib/queries/types";

export interface Point {
  x: number;
  y: number;
}

const RING_GAP = 230;
const MIN_ARC_PER_NODE = 150;

/**
 * A radial layout without a layout package: the customer in the centre, every other node on a
 * ring by its distance (in edges) from the customer, and on each ring grouped by type, so one
 * type forms one arc. A ring grows when its nodes would not fit side by side.
 */
export function radialLayout(graph: CustomerGraph, centreId: string): Map<string, Point> {
  const depth = distancesFrom(graph, centreId);
  const rings = new Map<number, GraphNode[]>();
  for (const node of graph.nodes) {
    if (node.id === centreId) continue;
    // Nodes not connected to the customer go on an outer ring rather than being lost.
    const ring = depth.get(node.id) ?? Math.max(1, ...depth.values()) + 1;
    rings.set(ring, [...(rings.get(ring) ?? []), node]);
  }
  const positions = new Map<string, Point>([[centreId, { x: 0, y: 0 }]]);
  for (const [ring, nodes] of rings) {
    nodes.sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
    const radius = Math.max(ring * RING_GAP, (nodes.length * MIN_ARC_PER_NODE) / (2 * Math.PI));
    // Offset each ring a little so outer nodes do not sit exactly behind inner ones.
    const offset = ring * 0.35;
    nodes.forEach((node, index) => {
      const angle = offset + (2 * Math.PI * index) / nodes.length;
      positions.set(node.id, {
        x: Math.round(radius * Math.cos(angle)),
        y: Math.round(radius * Math.sin(angle)),
      });
    });
  }
  return positions;
}

function distancesFrom(graph: CustomerGraph, startId: string): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const edge of graph.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const distance = new Map<string, number>([[startId, 0]]);
  const queue = [startId];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const next of neighbours.get(current) ?? []) {
      if (distance.has(next)) continue;
      distance.set(next, (distance.get(current) ?? 0) + 1);
      queue.push(next);
    }
  }
  distance.delete(startId);
  return distance;
}
