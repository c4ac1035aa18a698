import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { BUILT_IN_CONSTRAINTS } from '../../src/constraints/built-in-constraints.js';
import type { MatrixLayout } from '../../src/constraints/constraint.js';
import type { Cohort } from '../../src/profile/cohort.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { parseProgram } from '../../src/profile/parse-program.js';
import type { Program, ProgramInput } from '../../src/profile/program-schema.js';
import { BUILT_IN_SCORERS } from '../../src/scoring/built-in-scorers.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { generateParticipantRecords, SAMPLE_PROGRAM, seededRandom } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';

// The row kernel scores built-in rules and scorers in fused passes (`BuiltInRules`,
// `BuiltInRow`). These properties hold them to the per-pair contract on random cohorts and
// programs: the same allowed set as every constraint's `allows`, and bit-for-bit the score the
// weighted per-pair `score()` calls give.

const FIELDS = ['department', 'team', 'location', 'stage', 'background', 'languages', 'interests'];
const KINDS = ['mentoring', 'reverse', 'buddy', 'situational', 'peer-circle', 'skill-swap'];
const RULES = [
  'roles',
  'optOut',
  'capacity',
  'safeguarding',
  'reportingLine',
  'sameManager',
  'sameTeam',
  'sameDepartment',
  'blockList',
  'noRepeat',
  'sharedLanguage',
  'minimumOverlap',
];

interface Case {
  readonly cohort: Cohort;
  readonly program: ProgramInput;
  readonly weights: Record<string, number>;
  readonly layout: MatrixLayout;
}

/** A small cohort with every field the rules and scorers read varied, and a random program. */
function randomCase(seed: number, size: number): Case {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const subset = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.3);
  const id = () => `p${Math.floor(random() * size)}`;
  const records = generateParticipantRecords(size, seed).map((r, i) => {
    const record: Record<string, unknown> = {
      ...r,
      capacity: random() < 0.05 ? 0 : r.capacity,
      optOut: random() < 0.05,
      communicationStyle: random() < 0.8 ? pick(['direct', 'reflective']) : undefined,
      learningStyle: random() < 0.8 ? pick(['visual', 'hands-on']) : undefined,
      location: random() < 0.8 ? pick(['Lisbon', 'Pune']) : undefined,
      modes: subset(['video', 'in-person', 'chat', 'phone']),
      cadence: random() < 0.8 ? pick(['weekly', 'fortnightly', 'monthly', 'ad-hoc']) : undefined,
      sessionMinutes: random() < 0.3 ? pick([30, 45, 90]) : undefined,
      background: subset(['international student', 'first generation', 'career changer']),
      prefer: random() < 0.3 ? [id(), id()] : [],
      avoid: random() < 0.15 ? [id()] : [],
      previousPartners: random() < 0.15 ? [id()] : [],
      safeguarding: {
        minor: random() < 0.1,
        vulnerable: random() < 0.05,
        backgroundCheck:
          random() < 0.5
            ? {
                checkedOn: pick(['2024-01-01', '2025-06-01']),
                expiresOn: pick(['2025-01-01', '2026-01-01']),
              }
            : undefined,
      },
      // Managers only among earlier participants, so chains never cycle.
      managerId: i > 0 && random() < 0.5 ? `p${Math.floor(random() * i)}` : undefined,
      languages: random() < 0.1 ? [] : r.languages,
      availability: random() < 0.1 ? { windows: [] } : r.availability,
    };
    for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
    return record;
  });
  const constraints = Object.fromEntries(RULES.map((rule) => [rule, random() < 0.6]));
  const program: ProgramInput = {
    ...SAMPLE_PROGRAM,
    kind: pick(KINDS) as Program['kind'],
    constraints,
    matching: {
      minimumOverlapMinutes: pick([0, 30, 60, 240]),
      whenUnknown: pick(['allow', 'forbid'] as const),
      ...(random() < 0.5 ? { requiredLanguage: pick(['en', 'en-GB', 'de', 'pt-BR', 'ko']) } : {}),
      ...(random() < 0.3 ? { stageGap: pick([-1, 0, 3]) } : {}),
      stageTolerance: pick([1, 2, 3]),
      diversity: subset(FIELDS) as Program['matching']['diversity'],
      affinity: subset(FIELDS) as Program['matching']['affinity'],
    },
  };
  const cohort = normalizeCohort(
    parseParticipants(records, program, { unknownFields: 'strip' }),
    program,
  );
  const weights = Object.fromEntries(
    BUILT_IN_SCORERS.map((s) => [s.name, random() < 0.25 ? 0 : pick([0.5, 1, 1.5, 3])]),
  );
  weights.skills = 1; // never all zero
  return { cohort, program, weights, layout: random() < 0.5 ? 'square' : 'directed' };
}

/** A custom scorer after the built-ins, so the fused sum must leave room for it in order. */
const parity: Scorer = {
  name: 'parity',
  prepare: () => ({ score: (a, b) => ((a + b) % 3) / 2 }),
};

describe('the row kernel (fused built-in rules and scorers)', () => {
  it('buildCompatibility(cohort, program, { weights, layout }) allows exactly the pairs every constraint allows, and scores them as the weighted per-pair score() calls do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { cohort, program, weights, layout } = randomCase(seed, 24);
        const allWeights: Record<string, number> = { ...weights, parity: 0.75 };
        const options = { weights: allWeights, layout, scorers: [parity] };
        const matrix = buildCompatibility(cohort, program, options);
        const enabled = new Set(matrix.rules);
        const context = { cohort, program: parseProgram(program), layout };
        const rules = BUILT_IN_CONSTRAINTS.flatMap((c) => {
          const p = c.prepare({ ...context, enabled: (rule) => enabled.has(rule) });
          return p === undefined ? [] : [p];
        });
        const scorers = [...BUILT_IN_SCORERS, parity]
          .filter((s) => (options.weights[s.name] ?? 0) > 0)
          .map((s) => ({ weight: options.weights[s.name], prepared: s.prepare(context) }));
        const total = scorers.reduce((sum, s) => sum + s.weight, 0);
        for (let i = 0; i < matrix.rows; i++) {
          for (let j = 0; j < matrix.cols; j++) {
            const l = matrix.left[i];
            const r = matrix.right[j];
            const allowed = rules.every((p) => p.allows(l, r));
            expect(matrix.allowed[i * matrix.cols + j]).toBe(allowed ? 1 : 0);
            if (!allowed) continue;
            let sum = 0;
            for (const { weight, prepared } of scorers) sum += weight * prepared.score(l, r);
            expect(matrix.scores[i * matrix.cols + j]).toBe(Math.min(sum * (1 / total), 1));
          }
        }
      }),
      { numRuns: numRuns(25) },
    );
  });

  it("each built-in constraint's fillRow(left, rights) clears exactly the pairs its allows(left, right) forbids", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { cohort, program, layout } = randomCase(seed, 16);
        const all = new Set(RULES);
        const context = { cohort, program: parseProgram(program), layout };
        const rights = Int32Array.from({ length: cohort.size }, (_, i) => i);
        const flags = new Uint8Array(cohort.size);
        for (const c of BUILT_IN_CONSTRAINTS) {
          const p = c.prepare({ ...context, enabled: (rule) => all.has(rule) });
          if (p?.fillRow === undefined) continue;
          for (let l = 0; l < cohort.size; l++) {
            flags.fill(1);
            p.fillRow(l, rights, cohort.size, flags);
            for (let r = 0; r < cohort.size; r++) expect(flags[r] === 1).toBe(p.allows(l, r));
          }
        }
      }),
      { numRuns: numRuns(15) },
    );
  });
});
