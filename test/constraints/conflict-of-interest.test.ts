import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('conflictOfInterest', () => {
  it.each([
    [
      'a direct manager',
      [mentor(), mentee({ managerId: 'ana' })],
      {},
      ['REPORTING_LINE: ana manages bo'],
    ],
    [
      'the same manager, when switched on',
      [mentor({ managerId: 'z' }), mentee({ managerId: 'z' }), { id: 'z', role: 'mentor' }],
      { constraints: { sameManager: true } },
      ['SAME_MANAGER: ana and bo both report to z'],
    ],
    [
      'the same team is allowed by default',
      [mentor({ team: 'web' }), mentee({ team: 'Web' })],
      {},
      [],
    ],
    [
      'the same team, when switched on',
      [mentor({ team: 'web' }), mentee({ team: 'Web' })],
      { constraints: { sameTeam: true } },
      ['SAME_TEAM: ana and bo are both in team web'],
    ],
    [
      'the same department, when switched on',
      [mentor({ department: 'Sales' }), mentee({ department: 'sales' })],
      { constraints: { sameDepartment: true } },
      ['SAME_DEPARTMENT: ana and bo are both in department sales'],
    ],
  ])(
    'verdict(records, program) with conflictOfInterest: %s',
    (_name, records, program, expected) => {
      expect(
        verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
      ).toEqual(expected);
    },
  );
});
