import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { BUILT_IN_SCORERS } from '../../src/scoring/built-in-scorers.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';

describe('BUILT_IN_SCORERS', () => {
  it('BUILT_IN_SCORERS.every((s) => s.prepare(context).score(l, r) is in [0, 1]) on generated cohorts, and each fillRow equals score()', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const program = {
          ...SAMPLE_PROGRAM,
          matching: {
            diversity: ['department', 'languages'] as ('department' | 'languages')[],
            affinity: ['interests', 'stage'] as ('interests' | 'stage')[],
          },
        };
        const cohort = normalizeCohort(
          parseParticipants(generateParticipantRecords(12, seed), program, {
            unknownFields: 'strip',
          }),
          program,
        );
        const rights = Int32Array.from({ length: 12 }, (_, i) => i);
        const out = new Float64Array(12);
        for (const scorer of BUILT_IN_SCORERS) {
          const prepared = scorer.prepare({ cohort, program: cohort.program });
          for (let l = 0; l < 12; l++) {
            prepared.fillRow?.(l, rights, 12, out);
            for (let r = 0; r < 12; r++) {
              const s = prepared.score(l, r);
              expect(s >= 0 && s <= 1).toBe(true);
              expect(out[r]).toBeCloseTo(s, 12);
              if (scorer.symmetric) expect(prepared.score(r, l)).toBeCloseTo(s, 12);
            }
          }
        }
      }),
      { numRuns: numRuns(10) },
    );
  });
});
