/**
 * How many cases a fast-check property runs: `base` times `PEERMATCH_RUNS_SCALE` (default 1).
 * CI runs the base counts, sized for a 2-core machine; `npm run test:heavy` multiplies them.
 */
export function numRuns(base = 100): number {
  const scale = Number(process.env.PEERMATCH_RUNS_SCALE);
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(base * scale)) : base;
}

/** The seed every fast-check property runs from under `npm test` (see `fast-check-seed.ts`). */
export const FIXED_SEED = 20_261_207;
