import type { MatchScale } from '../match-result.js';

/** `result.scale` of a run on the dense path: every pair scored, nothing widened or priced. */
export function denseScale(cells: number, denseLimit: number): MatchScale {
  return {
    method: 'dense',
    cells,
    denseLimit,
    k: null,
    edges: null,
    widened: [],
    pricing: null,
    notes: [],
  };
}
