import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotOverlap } from '../../src/constraints/_internal/slot-overlap.js';
import { overlapMinutes } from '../../src/profile/_internal/overlap.js';
import type { CohortAvailability } from '../../src/profile/cohort.js';
import { numRuns } from '../_support/runs.js';

/** Sorted, disjoint weekly intervals on a `grid`-minute raster, per participant. */
const availabilityArb = fc
  .tuple(
    fc.constantFrom(1, 5, 7, 15, 30, 60),
    fc.array(fc.array(fc.integer({ min: 0, max: 10080 }), { maxLength: 12 }), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(([grid, people]) => {
    const offsets = [0];
    const starts: number[] = [];
    const ends: number[] = [];
    for (const cuts of people) {
      // Consecutive pairs of distinct sorted cut points are the intervals.
      const points = [...new Set(cuts.map((c) => Math.floor(c / grid) * grid))].sort(
        (a, b) => a - b,
      );
      for (let k = 0; k + 1 < points.length; k += 2) {
        starts.push(points[k]);
        ends.push(points[k + 1]);
      }
      offsets.push(starts.length);
    }
    const intervals = {
      offsets: Int32Array.from(offsets),
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
    };
    return { intervals } as unknown as CohortAvailability;
  });

describe('SlotOverlap', () => {
  it('with(right, Infinity) is the exact shared minutes of the merge pass, on any minute grid', () => {
    fc.assert(
      fc.property(availabilityArb, (availability) => {
        const overlap = new SlotOverlap(availability);
        const size = availability.intervals.offsets.length - 1;
        for (let a = 0; a < size; a++) {
          overlap.load(a);
          for (let b = 0; b < size; b++) {
            expect(overlap.with(b, Number.POSITIVE_INFINITY)).toBe(
              overlapMinutes(availability, a, b),
            );
          }
        }
      }),
      { numRuns: numRuns(200) },
    );
  });

  it('with(right, enough) is exact below enough and at least enough from there on', () => {
    fc.assert(
      fc.property(availabilityArb, fc.integer({ min: 0, max: 3000 }), (availability, enough) => {
        const overlap = new SlotOverlap(availability);
        const size = availability.intervals.offsets.length - 1;
        for (let a = 0; a < size; a++) {
          overlap.load(a);
          for (let b = 0; b < size; b++) {
            const exact = overlapMinutes(availability, a, b);
            const counted = overlap.with(b, enough);
            if (exact < enough) expect(counted).toBe(exact);
            else {
              expect(counted).toBeGreaterThanOrEqual(enough);
              expect(counted).toBeLessThanOrEqual(exact);
            }
          }
        }
      }),
      { numRuns: numRuns(200) },
    );
  });
});
