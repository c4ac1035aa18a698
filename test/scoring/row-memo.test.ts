import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBy, RowMemo } from '../../src/scoring/_internal/row-memo.js';
import { numRuns } from '../_support/runs.js';

describe('groupBy (the row memo of the fused scorers)', () => {
  it('groupBy(size, hash, same) puts two participants in one group exactly when same() says so, whatever the hash collides', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (facts, buckets) => {
          const { keys, count } = groupBy(
            facts.length,
            (i) => facts[i] % buckets, // few buckets: collisions on purpose
            (a, b) => facts[a] === facts[b],
          );
          expect(count).toBe(new Set(facts).size);
          for (let a = 0; a < facts.length; a++) {
            expect(keys[a]).toBeLessThan(count);
            for (let b = 0; b < facts.length; b++) {
              expect(keys[a] === keys[b]).toBe(facts[a] === facts[b]);
            }
          }
        },
      ),
      { numRuns: numRuns(100) },
    );
  });

  it('RowMemo.next() gives every row a new stamp, so no term of a previous row is read again', () => {
    const memo = new RowMemo({ keys: new Int32Array([0, 1, 0]), count: 2 });
    const first = memo.next();
    memo.stamp[0] = first;
    const second = memo.next();
    expect(second).not.toBe(first);
    expect(memo.stamp[0]).not.toBe(second);
  });
});
