import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/solvers/_internal/event-queue.js';
import { numRuns } from '../../_support/runs.js';

describe('EventQueue', () => {
  it('EventQueue pops the earliest time first, through growth, interleaved pushes and clear', () => {
    // An operation: push (time, item), pop, or now and then clear; times with many ties.
    // Pushes outnumber pops, so the heap grows deep enough for sifting mistakes to show.
    const operation = fc.oneof(
      {
        arbitrary: fc.tuple(
          fc.constant('push' as const),
          fc.integer({ min: 0, max: 20 }),
          fc.nat(1000),
        ),
        weight: 6,
      },
      { arbitrary: fc.constant(['pop'] as const), weight: 3 },
      { arbitrary: fc.constant(['clear'] as const), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(operation, { minLength: 20, maxLength: 400 }), (operations) => {
        const queue = new EventQueue();
        // Reference: the pending (time, item) pairs in a plain array.
        let pending: [number, number][] = [];
        for (const op of operations) {
          if (op[0] === 'push') {
            queue.push(op[1] / 4, op[2]);
            pending.push([op[1] / 4, op[2]]);
          } else if (op[0] === 'clear') {
            queue.clear();
            pending = [];
          } else if (pending.length > 0) {
            const earliest = Math.min(...pending.map((p) => p[0]));
            expect(queue.peekTime()).toBe(earliest);
            const item = queue.pop();
            // Ties come out in any order, but the item must be one pushed at that time.
            const at = pending.findIndex((p) => p[0] === earliest && p[1] === item);
            expect(at).toBeGreaterThanOrEqual(0);
            pending.splice(at, 1);
          }
          expect(queue.length).toBe(pending.length);
        }
      }),
      { numRuns: numRuns(200) },
    );
  });

  it('EventQueue grows past its first capacity and pops every event in time order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1e6, max: 1e6 }).map((x) => x / 8),
          {
            minLength: 65,
            maxLength: 600,
          },
        ),
        (times) => {
          const queue = new EventQueue();
          for (let i = 0; i < times.length; i++) queue.push(times[i], i);
          const popped: number[] = [];
          while (queue.length > 0) popped.push(queue.pop());
          expect(popped.map((i) => times[i])).toEqual([...times].sort((a, b) => a - b));
          expect([...popped].sort((a, b) => a - b)).toEqual(times.map((_, i) => i));
        },
      ),
      { numRuns: numRuns(100) },
    );
  });
});
