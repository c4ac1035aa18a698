import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/profile/_internal/fact-groups.js';
import { RowMemo } from '../../src/scoring/_internal/row-memo.js';
import { numRuns } from '../_support/runs.js';

describe('groupBy (the row memo of the fused scorers)', () => {
  it("groupBy(size, hash, same) puts two participants in one group exactly when same() says so, whatever the hash collides, and names each group's first member", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (facts, buckets) => {
          const { keys, count, first } = groupBy(
            facts.length,
            (i) => facts[i] % buckets, // few buckets: collisions on purpose
            (a, b) => facts[a] === facts[b],
          );
          expect(count).toBe(new Set(facts).size);
          // first[g] is the earliest member of group g
          expect(Array.from(first ?? [])).toEqual(
            Array.from({ length: count }, (_, g) => keys.indexOf(g)),
          );
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

  it('RowMemo.prepare(rights, count, term) leaves value[keys[r]] = term(r) for every right of each row, computed at most once per group, whether the row is long (every group at once) or short (the groups met)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.array(
          fc.record({
            row: fc.integer({ min: 0, max: 1000 }),
            rights: fc.array(fc.nat(), { maxLength: 40 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (facts, rows) => {
          const { keys, count } = groupBy(
            facts.length,
            (i) => facts[i],
            (a, b) => facts[a] === facts[b],
          );
          const memo = new RowMemo({ keys, count });
          for (const { row, rights } of rows) {
            const list = Int32Array.from(rights, (r) => r % facts.length);
            const calls = new Map<number, number>();
            const term = (r: number): number => {
              calls.set(keys[r], (calls.get(keys[r]) ?? 0) + 1);
              return row * 10 + facts[r]; // a term of the row and of the facts a group shares
            };
            memo.prepare(list, list.length, term);
            for (const r of list) expect(memo.value[keys[r]]).toBe(row * 10 + facts[r]);
            for (const n of calls.values()) expect(n).toBe(1);
          }
        },
      ),
      { numRuns: numRuns(100) },
    );
  });
});
