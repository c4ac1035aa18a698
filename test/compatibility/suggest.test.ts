import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { suggest } from '../../src/compatibility/suggest.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { cohortOf, PEOPLE, TAXONOMY } from './_cohort.js';

const small = cohortOf(PEOPLE, TAXONOMY);
const records = generateParticipantRecords(150, 9);
const generated = normalizeCohort(
  parseParticipants(records, SAMPLE_PROGRAM, { unknownFields: 'strip' }),
  SAMPLE_PROGRAM,
);

describe('suggest', () => {
  it("suggest(cohort, undefined, 'bo') lists the allowed mentors best first, with a percentage and an explanation", () => {
    const list = suggest(small, undefined, 'bo');
    expect(list.map((s) => s.participantId)).toEqual(['ana']);
    const m = buildCompatibility(small);
    expect(list[0].score).toBeCloseTo(m.explain('ana', 'bo').score, 12);
    expect(list[0].percent).toBe(Math.round(list[0].score * 100));
    expect(list[0].as).toBe('giver');
    expect(list[0].openSlots).toBe(2);
  });

  it("suggest(cohort, undefined, 'bo', { pairs }) skips a mentor already at capacity", () => {
    expect(
      suggest(small, undefined, 'bo', {
        pairs: [
          ['ana', 'eve'],
          ['ana', 'x' as string],
        ].slice(0, 1) as [string, string][],
      })[0].openSlots,
    ).toBe(1);
    const full = cohortOf(
      PEOPLE.map((p) => (p.id === 'ana' ? { ...p, capacity: 1 } : p)),
      TAXONOMY,
    );
    expect(suggest(full, undefined, 'bo', { pairs: [['ana', 'eve']] })).toEqual([]);
  });

  it('suggest(cohort, undefined, mentorId, { limit }) ranks exactly like the matrix row', () => {
    const m = buildCompatibility(generated);
    const i = 0;
    const expected = Array.from({ length: m.cols }, (_, j) => j)
      .filter((j) => m.allowed[i * m.cols + j] === 1)
      .sort(
        (a, b) => m.scores[i * m.cols + b] - m.scores[i * m.cols + a] || m.right[a] - m.right[b],
      )
      .slice(0, 4)
      .map((j) => m.rightIds[j]);
    const got = suggest(generated, undefined, m.leftIds[i], { limit: 4 }).map(
      (s) => s.participantId,
    );
    expect(got).toEqual(expected);
  });

  it("suggest(cohort, undefined, 'nobody') throws INVALID_INPUT", () => {
    expect(() => suggest(small, undefined, 'nobody')).toThrow(/not in the cohort/);
  });
});

describe('buildCandidates', () => {
  it('buildCandidates(cohort, undefined, { k }) keeps the k best allowed partners of each row, as the dense matrix would', () => {
    const k = 5;
    const dense = buildCompatibility(generated);
    const sparse = buildCandidates(generated, undefined, { k });
    expect(sparse.allowedPerLeft).toEqual(dense.allowedPerLeft);
    for (let i = 0; i < dense.rows; i++) {
      const best = Array.from({ length: dense.cols }, (_, j) => j)
        .filter((j) => dense.allowed[i * dense.cols + j] === 1)
        .sort(
          (a, b) => dense.scores[i * dense.cols + b] - dense.scores[i * dense.cols + a] || a - b,
        )
        .slice(0, k);
      const got = Array.from(
        sparse.forLeft.partners.subarray(sparse.forLeft.offsets[i], sparse.forLeft.offsets[i + 1]),
      );
      expect(got).toEqual(best);
    }
  });

  it('buildCandidates(cohort) edges are the union of row and column picks, sorted, each with its dense score', () => {
    const dense = buildCompatibility(generated);
    const sparse = buildCandidates(generated, undefined, { k: 3 });
    const { rows, cols, scores } = sparse.edges;
    for (let e = 0; e < rows.length; e++) {
      expect(dense.allowed[rows[e] * dense.cols + cols[e]]).toBe(1);
      expect(scores[e]).toBe(dense.scores[rows[e] * dense.cols + cols[e]]);
      if (e > 0)
        expect(rows[e - 1] < rows[e] || (rows[e - 1] === rows[e] && cols[e - 1] < cols[e])).toBe(
          true,
        );
    }
    for (let j = 0; j < sparse.cols; j++) {
      for (let x = sparse.forRight.offsets[j]; x < sparse.forRight.offsets[j + 1]; x++) {
        const i = sparse.forRight.partners[x];
        let found = false;
        for (let e = 0; e < rows.length; e++) if (rows[e] === i && cols[e] === j) found = true;
        expect(found).toBe(true);
      }
    }
  });

  it('buildCandidates(cohort, undefined, { k: 0 }) throws INVALID_OPTIONS', () => {
    expect(() => buildCandidates(generated, undefined, { k: 0 })).toThrow(
      /k must be a whole number/,
    );
  });
});
