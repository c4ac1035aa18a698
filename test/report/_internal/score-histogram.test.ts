import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binScores, scoreHistogramSvg } from '../../../src/report/_internal/score-histogram.js';
import { numRuns } from '../../_support/runs.js';

describe('binScores', () => {
  it('binScores puts each score in its tenth, and 1 in the last bin', () => {
    expect(binScores([0, 0.05, 0.1, 0.55, 0.999, 1], 10)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('binScores counts every score in [0, 1] exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true })), (scores) => {
        const bins = binScores(scores, 10);
        expect(bins.reduce((a, b) => a + b, 0)).toBe(scores.length);
        scores.forEach((s) => {
          const b = Math.min(9, Math.floor(s * 10));
          expect(bins[b]).toBeGreaterThan(0);
        });
      }),
      { numRuns: numRuns(100) },
    );
  });
});

describe('scoreHistogramSvg', () => {
  it('scoreHistogramSvg draws bars whose heights follow the counts, and the median line', () => {
    const svg = scoreHistogramSvg([0.15, 0.55, 0.56, 0.57, 0.58], 0.56);
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(10);
    expect(heights[5]).toBeCloseTo(heights[1] * 4, 5);
    expect(heights[0]).toBe(0);
    expect(svg).toContain('class="median"');
  });
});
