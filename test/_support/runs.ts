/**
 * How many cases each fast-check property runs. CI keeps the default small enough for a
 * 2-core machine; `npm run test:heavy` raises it through `PEERMATCH_NUM_RUNS`.
 */
export function numRuns(base = 100): number {
  const fromEnv = Number(process.env.PEERMATCH_NUM_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? Math.max(base, fromEnv) : base;
}
