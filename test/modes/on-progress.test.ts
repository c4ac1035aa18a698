import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import { matchGroups } from '../../src/modes/match-groups.js';
import { matchOneToOne } from '../../src/modes/match-one-to-one.js';
import { matchReciprocal } from '../../src/modes/match-reciprocal.js';
import type { MatchResult } from '../../src/modes/match-result.js';
import { rematch } from '../../src/modes/rematch.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';

const cohort = normalizeCohort(
  parseParticipants(generateParticipantRecords(90, 5), SAMPLE_PROGRAM, { unknownFields: 'strip' }),
  SAMPLE_PROGRAM,
);
const previous = matchOneToOne(cohort);
const changes = {
  left: [previous.pairs[0].menteeId],
  failed: [{ mentorId: previous.pairs[1].mentorId, menteeId: previous.pairs[1].menteeId }],
};

type Report = [phase: string, done: number, total: number];
type Run = (options: Record<string, unknown>) => MatchResult;

/** Every mode besides one-to-one, called with extra options. */
const MODES: [string, Run][] = [
  ['matchReciprocal (pairs)', (o) => matchReciprocal(cohort, undefined, o)],
  [
    'matchReciprocal (rings)',
    (o) => matchReciprocal(cohort, undefined, { structure: 'rings', ...o }),
  ],
  ['matchGroups (circles)', (o) => matchGroups(cohort, undefined, { kind: 'peer-circle', ...o })],
  ['matchGroups (mentoring)', (o) => matchGroups(cohort, undefined, { kind: 'mentoring', ...o })],
  ['rematch', (o) => rematch(cohort, previous, changes, undefined, o)],
];

describe.each(MODES)('%s with onProgress and signal', (_name, run) => {
  it('reports matrix, solve and report in order, each from 0 to its total, without repeats, and changes nothing', () => {
    const reports: Report[] = [];
    const watched = run({ onProgress: (...r: Report) => reports.push(r) });
    expect(JSON.stringify(watched)).toBe(JSON.stringify(run({})));
    const phases = reports.map((r) => r[0]).filter((p, k, all) => k === 0 || all[k - 1] !== p);
    expect(phases).toEqual(['matrix', 'solve', 'report']);
    for (const phase of phases) {
      const mine = reports.filter((r) => r[0] === phase);
      expect(mine[0][1]).toBe(0);
      const last = mine.at(-1) as Report;
      expect(last[1]).toBe(last[2]);
    }
    for (let k = 1; k < reports.length; k++) {
      expect(reports[k]).not.toEqual(reports[k - 1]);
    }
  });

  it('throws ABORTED when the signal fires during the run', () => {
    const controller = new AbortController();
    let error: unknown;
    try {
      run({
        signal: controller.signal,
        onProgress: (phase: string) => {
          if (phase === 'solve') controller.abort();
        },
      });
    } catch (caught) {
      error = caught;
    }
    expect(PeermatchError.is(error) && error.code).toBe('ABORTED');
  });

  it('rejects an onProgress that is not a function, as INVALID_OPTIONS naming the option', () => {
    let error: unknown;
    try {
      run({ onProgress: 'yes' });
    } catch (caught) {
      error = caught;
    }
    expect(PeermatchError.is(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as PeermatchError).issues.map((issue) => issue.path)).toContainEqual([
      'onProgress',
    ]);
  });
});
