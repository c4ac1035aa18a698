import { expect } from 'vitest';
import type {
  CompatibilityCandidates,
  CompatibilityMatrix,
} from '../../../src/compatibility/types.js';

/** The index of the first element that differs (`Object.is`: -0 and NaN told apart), or -1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let x = 0; x < a.length; x++) if (!Object.is(a[x], b[x])) return x;
  return -1;
}

/** Everything two candidate builds hold, element for element. */
export function expectSameCandidates(
  actual: CompatibilityCandidates,
  expected: CompatibilityCandidates,
): void {
  expect([actual.rows, actual.cols, actual.k]).toEqual([expected.rows, expected.cols, expected.k]);
  expect(actual.leftIds).toEqual(expected.leftIds);
  expect(actual.rightIds).toEqual(expected.rightIds);
  for (const side of ['forLeft', 'forRight'] as const) {
    for (const field of ['offsets', 'partners', 'scores'] as const) {
      expect({
        side,
        field,
        at: firstDifference(actual[side][field], expected[side][field]),
      }).toEqual({ side, field, at: -1 });
    }
  }
  for (const field of ['rows', 'cols', 'scores'] as const) {
    expect({ field, at: firstDifference(actual.edges[field], expected.edges[field]) }).toEqual({
      field,
      at: -1,
    });
  }
  expect(Array.from(actual.allowedPerLeft)).toEqual(Array.from(expected.allowedPerLeft));
  expect(Array.from(actual.allowedPerRight)).toEqual(Array.from(expected.allowedPerRight));
  expect(actual.unpartnered).toEqual(expected.unpartnered);
}

/** One side's k best allowed partners from a dense matrix, by brute force: score down, index up. */
function bestOf(
  matrix: CompatibilityMatrix,
  k: number,
  owners: number,
  partners: number,
  cell: (owner: number, partner: number) => number,
): { partners: number[][]; scores: number[][] } {
  const out = { partners: [] as number[][], scores: [] as number[][] };
  for (let o = 0; o < owners; o++) {
    const best = Array.from({ length: partners }, (_, p) => p)
      .filter((p) => matrix.allowed[cell(o, p)] === 1)
      .sort((a, b) => matrix.scores[cell(o, b)] - matrix.scores[cell(o, a)] || a - b)
      .slice(0, k);
    out.partners.push(best);
    out.scores.push(best.map((p) => matrix.scores[cell(o, p)]));
  }
  return out;
}

/** Lists per owner from CSR. */
function perOwner(offsets: Int32Array, values: ArrayLike<number>): number[][] {
  return Array.from({ length: offsets.length - 1 }, (_, o) =>
    Array.from({ length: offsets[o + 1] - offsets[o] }, (_, x) => values[offsets[o] + x]),
  );
}

/**
 * The candidates a dense matrix implies, computed the slow obvious way: each row's and column's
 * k best allowed partners, their union as sorted edges, and every allowed pair counted.
 */
export function expectCandidatesOfMatrix(
  candidates: CompatibilityCandidates,
  matrix: CompatibilityMatrix,
  k: number,
): void {
  const { rows, cols } = matrix;
  const byRow = bestOf(matrix, k, rows, cols, (i, j) => i * cols + j);
  const byCol = bestOf(matrix, k, cols, rows, (j, i) => i * cols + j);
  expect(perOwner(candidates.forLeft.offsets, candidates.forLeft.partners)).toEqual(byRow.partners);
  expect(perOwner(candidates.forLeft.offsets, candidates.forLeft.scores)).toEqual(byRow.scores);
  expect(perOwner(candidates.forRight.offsets, candidates.forRight.partners)).toEqual(
    byCol.partners,
  );
  expect(perOwner(candidates.forRight.offsets, candidates.forRight.scores)).toEqual(byCol.scores);
  const union = new Set<number>();
  byRow.partners.forEach((js, i) => {
    for (const j of js) union.add(i * cols + j);
  });
  byCol.partners.forEach((is, j) => {
    for (const i of is) union.add(i * cols + j);
  });
  const cells = [...union].sort((a, b) => a - b);
  expect(Array.from(candidates.edges.rows)).toEqual(cells.map((c) => Math.floor(c / cols)));
  expect(Array.from(candidates.edges.cols)).toEqual(cells.map((c) => c % cols));
  expect(Array.from(candidates.edges.scores)).toEqual(cells.map((c) => matrix.scores[c]));
  // Safety: a pair a rule forbids is never a candidate.
  for (const c of cells) expect(matrix.allowed[c]).toBe(1);
  expect(candidates.allowedPerLeft).toEqual(matrix.allowedPerLeft);
  expect(candidates.allowedPerRight).toEqual(matrix.allowedPerRight);
}
