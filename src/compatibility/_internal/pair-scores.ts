import type { Cohort } from '../../profile/cohort.js';
import type { Program, ProgramInput } from '../../profile/program-schema.js';
import { checkAborted, RowKernel } from './row-kernel.js';
import { type CompatibilityOptions, setup as prepare, type Setup } from './setup.js';

/** Scores chosen directed pairs, with the same rules, scorers and weights as the dense matrix. */
export interface PairScorer {
  readonly setup: Setup;
  /**
   * Scores the pairs `(givers[p], receivers[p])` (indices into the left and right sides) into
   * `scores[p]` and `allowed[p]` (1 allowed, 0 forbidden; the score is 0 when forbidden), exactly
   * as `buildCompatibility` would fill those cells. `onGivers(done, total)` hears how many of
   * the left side's participants are done, from 0 to all, every 1,024 of them.
   */
  score(
    givers: Int32Array,
    receivers: Int32Array,
    scores: Float64Array,
    allowed: Uint8Array,
    onGivers?: (done: number, total: number) => void,
  ): void;
}

/**
 * A batched pair scorer for sparse work (the reciprocal top-k path needs the reverse direction
 * of every candidate pair): the pairs are grouped by giver with a counting sort and each giver's
 * receivers go through the row kernel in one call, so no dense row and no object per pair is
 * made. The kernel decides every cell, so a pair scores bit for bit what the matrix holds.
 */
export function pairScorer(
  api: string,
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  options: CompatibilityOptions,
): PairScorer {
  const setup = prepare(api, cohort, program, options);
  const rows = setup.left.length;
  return {
    setup,
    score(givers, receivers, scores, allowed, onGivers) {
      const count = givers.length;
      // Counting sort of the pairs by giver: `order` lists pair indices giver by giver.
      const start = new Int32Array(rows + 1);
      for (let p = 0; p < count; p++) start[givers[p] + 1]++;
      let widest = 0;
      for (let g = 0; g < rows; g++) {
        widest = Math.max(widest, start[g + 1]);
        start[g + 1] += start[g];
      }
      const order = new Int32Array(count);
      const fill = start.slice(0, rows);
      for (let p = 0; p < count; p++) order[fill[givers[p]]++] = p;
      const kernel = new RowKernel(setup, widest);
      const batch = new Int32Array(Math.max(1, widest));
      const { position, score } = kernel;
      scores.fill(0, 0, count);
      allowed.fill(0, 0, count);
      for (let g = 0; g < rows; g++) {
        const from = start[g];
        const size = start[g + 1] - from;
        if ((g & 1023) === 0) {
          checkAborted(setup, g, rows);
          onGivers?.(g, rows);
        }
        if (size === 0) continue;
        for (let t = 0; t < size; t++) batch[t] = setup.right[receivers[order[from + t]]];
        const kept = kernel.run(setup.left[g], batch.subarray(0, size));
        for (let t = 0; t < kept; t++) {
          const p = order[from + position[t]];
          scores[p] = score[t];
          allowed[p] = 1;
        }
      }
      onGivers?.(rows, rows);
    },
  };
}
