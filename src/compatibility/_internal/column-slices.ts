import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { CandidatePartial, CandidateSlice, Shape } from '../prepare-candidates.js';
import { offerAll } from './candidate-heaps.js';

/**
 * One partial of the whole build from the partials of builds on consecutive column slices, each
 * scanned over every row: row heaps are merged (every slice's kept columns offered again, in
 * the whole build's column numbers), column heaps and counts are copied in place (each column
 * belongs to one slice), and each row's allowed count is the sum over slices. The heaps hold
 * the same pairs as one scan of the whole build (heap order is a strict total order), so
 * `merge` gives the same candidates.
 */
export function combineSlices(
  api: string,
  slices: readonly CandidateSlice[],
  k: number,
  shape: Shape,
): CandidatePartial {
  checkSlices(api, slices, k, shape);
  const { rows, cols, rowK, colK } = shape;
  const perLeft = new Int32Array(rows);
  const rowScores = new Float64Array(rows * rowK);
  const rowPartners = new Int32Array(rows * rowK);
  const perRight = new Int32Array(cols);
  const colScores = new Float64Array(cols * colK);
  const colPartners = new Int32Array(cols * colK);
  for (const { from, partial } of slices) {
    const width = partial.perRight.length;
    const sliceK = Math.min(k, width);
    for (let i = 0; i < rows; i++) {
      const kept = Math.min(partial.perLeft[i], sliceK);
      perLeft[i] = offerAll(
        rowScores,
        rowPartners,
        i * rowK,
        perLeft[i],
        rowK,
        partial.rowScores,
        partial.rowPartners,
        i * sliceK,
        kept,
        from,
      );
    }
    perRight.set(partial.perRight, from);
    colScores.set(partial.colScores, from * colK);
    colPartners.set(partial.colPartners, from * colK);
  }
  // Counted kept pairs to size the heaps; now every allowed partner.
  perLeft.fill(0);
  for (const { partial } of slices) for (let i = 0; i < rows; i++) perLeft[i] += partial.perLeft[i];
  return { perLeft, rowScores, rowPartners, perRight, colScores, colPartners };
}

/** The slices must tile the columns and be whole scans of their builds. */
function checkSlices(
  api: string,
  slices: readonly CandidateSlice[],
  k: number,
  { rows, cols, colK }: Shape,
): void {
  const issues: PeermatchIssue[] = [];
  const fail = (path: (string | number)[], message: string): void => {
    issues.push({ code: 'INVALID_INPUT', path, message: `${api}: ${message}` });
  };
  if (!Array.isArray(slices) || slices.length === 0) {
    fail(['slices'], 'mergeSlices needs an array of at least one { from, partial }');
  } else {
    const order = slices
      .map((slice, s) => ({ s, from: slice?.from, partial: slice?.partial }))
      .sort((a, b) => Number(a.from) - Number(b.from));
    let next = 0;
    for (const { s, from, partial } of order) {
      const path = ['slices', s];
      const width = partial?.perRight instanceof Int32Array ? partial.perRight.length : -1;
      const sliceK = Math.min(k, width);
      const ok =
        width >= 1 &&
        partial.perLeft instanceof Int32Array &&
        partial.perLeft.length === rows &&
        partial.rowScores instanceof Float64Array &&
        partial.rowScores.length === rows * sliceK &&
        partial.rowPartners instanceof Int32Array &&
        partial.rowPartners.length === rows * sliceK &&
        partial.colScores instanceof Float64Array &&
        partial.colScores.length === width * colK &&
        partial.colPartners instanceof Int32Array &&
        partial.colPartners.length === width * colK;
      if (!ok) {
        fail(
          path,
          `slices[${s}].partial is not a partial of a build on ${rows} rows, as scan makes it`,
        );
        continue;
      }
      if (from !== next) {
        fail(
          [...path, 'from'],
          `slices[${s}].from is ${String(from)}; the slices must cover the columns in turn, and the next starts at ${next}`,
        );
      }
      if ((partial.perLeft as Int32Array).some((n: number) => n < 0)) {
        fail([...path, 'partial'], `slices[${s}] did not scan every row`);
      }
      next = Number(from) + width;
    }
    if (issues.length === 0 && next !== cols) {
      fail(['slices'], `the slices cover ${next} of the ${cols} columns`);
    }
  }
  if (issues.length > 0) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `${api}: ${issues.length} problem(s) with the slices`,
      issues,
    );
  }
}
