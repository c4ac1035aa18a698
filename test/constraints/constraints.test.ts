import { describe, expect, it } from 'vitest';
import { BUILT_IN_CONSTRAINTS } from '../../src/constraints/built-in-constraints.js';
import type { MatrixLayout } from '../../src/constraints/constraint.js';
import { defineConstraint } from '../../src/constraints/define-constraint.js';
import { cohortOf } from '../compatibility/_cohort.js';

/** Every violation of the pair (0, 1) under the program's switches. */
function verdict(
  records: Record<string, unknown>[],
  program: Record<string, unknown> = {},
  layout: MatrixLayout = 'directed',
) {
  const cohort = cohortOf(records, program);
  const switches = cohort.program.constraints as Record<string, boolean>;
  const found: string[] = [];
  for (const c of BUILT_IN_CONSTRAINTS) {
    const prepared = c.prepare({
      cohort,
      program: cohort.program,
      layout,
      enabled: (rule) => switches[rule] === true,
    });
    if (prepared === undefined) continue;
    const out = Uint8Array.of(1);
    prepared.fillRow?.(0, Int32Array.of(1), 1, out);
    const violations = prepared.violations(0, 1);
    expect(prepared.allows(0, 1)).toBe(violations.length === 0);
    if (prepared.fillRow !== undefined) expect(out[0]).toBe(violations.length === 0 ? 1 : 0);
    for (const v of violations) found.push(`${v.code}: ${v.message}`);
  }
  return found;
}

const mentor = (extra: Record<string, unknown> = {}) => ({ id: 'ana', role: 'mentor', ...extra });
const mentee = (extra: Record<string, unknown> = {}) => ({ id: 'bo', role: 'mentee', ...extra });

describe('built-in constraints', () => {
  it.each([
    ['nothing forbids an ordinary pair', [mentor(), mentee()], {}, []],
    [
      'a mentee cannot mentor',
      [mentee({ id: 'x' }), mentee()],
      {},
      ['ROLE_MISMATCH: x is a mentee, so cannot mentor bo'],
    ],
    ['opt-out', [mentor(), mentee({ optOut: true })], {}, ['OPTED_OUT: bo opted out of matching']],
    ['capacity 0', [mentor({ capacity: 0 }), mentee()], {}, ['CAPACITY_ZERO: ana has capacity 0']],
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
    [
      'a minor with an unchecked mentor',
      [mentor(), mentee({ safeguarding: { minor: true } })],
      {},
      ['SAFEGUARDING: bo is a minor and ana has no background check'],
    ],
    [
      'a minor with a checked mentor',
      [
        mentor({ safeguarding: { backgroundCheck: { expiresOn: '2026-01-01' } } }),
        mentee({ safeguarding: { minor: true } }),
      ],
      {},
      [],
    ],
    [
      'a vulnerable mentee with an expired check',
      [
        mentor({ safeguarding: { backgroundCheck: { expiresOn: '2025-01-31' } } }),
        mentee({ safeguarding: { vulnerable: true } }),
      ],
      {},
      [
        'SAFEGUARDING: bo is a vulnerable participant and ana has no background check valid on 2025-03-15 (expired 2025-01-31)',
      ],
    ],
    [
      'a block list, in the other direction',
      [mentor(), mentee({ avoid: ['ana'] })],
      {},
      ['BLOCKED: bo asked not to be matched with ana'],
    ],
    [
      'a previous pairing',
      [mentor({ previousPartners: ['bo'] }), mentee()],
      {},
      ['PREVIOUS_PARTNERS: ana and bo were partners before'],
    ],
    [
      'a previous pairing, rule off',
      [mentor({ previousPartners: ['bo'] }), mentee()],
      { constraints: { noRepeat: false } },
      [],
    ],
    [
      'too little overlap',
      [
        mentor({ availability: { windows: ['Mon 09:00-09:30'] } }),
        mentee({ availability: { windows: ['Mon 09:00-12:00'] } }),
      ],
      { constraints: { minimumOverlap: true } },
      ['NOT_ENOUGH_OVERLAP: ana and bo share 30 minutes a week; the program requires 60'],
    ],
    [
      'unknown overlap allowed by default',
      [mentor(), mentee({ availability: { windows: ['Mon 09:00-12:00'] } })],
      { constraints: { minimumOverlap: true } },
      [],
    ],
    [
      'unknown overlap forbidden on request',
      [mentor(), mentee({ availability: { windows: ['Mon 09:00-12:00'] } })],
      { constraints: { minimumOverlap: true }, matching: { whenUnknown: 'forbid' } },
      [
        'NOT_ENOUGH_OVERLAP: ana gave no availability (or withheld it), and the program forbids pairs whose overlap is unknown',
      ],
    ],
    [
      'no shared language',
      [mentor({ languages: ['fr'] }), mentee({ languages: ['de'] })],
      { constraints: { sharedLanguage: true } },
      ['NO_SHARED_LANGUAGE: ana and bo share no language'],
    ],
    [
      'en-GB meets en-US',
      [mentor({ languages: ['en-GB'] }), mentee({ languages: ['en-US'] })],
      { constraints: { sharedLanguage: true } },
      [],
    ],
    [
      'a required language',
      [mentor({ languages: ['de', 'en'] }), mentee({ languages: ['en-GB'] })],
      { constraints: { sharedLanguage: true }, matching: { requiredLanguage: 'de' } },
      ['REQUIRED_LANGUAGE: bo does not speak de, which the program requires'],
    ],
  ])('%s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });

  it('roles in a square layout forbid only pairing someone with themself', () => {
    expect(verdict([mentee({ id: 'x' }), mentee()], {}, 'square')).toEqual([]);
  });

  it('defineConstraint({ name, code, allows, message }) forbids what the predicate rejects, unless switched off', () => {
    const cohort = cohortOf([mentor({ location: 'Lisbon' }), mentee({ location: 'Porto' })]);
    const rule = defineConstraint({
      name: 'sameCampus',
      code: 'DIFFERENT_CAMPUS',
      allows: (a, b, c) => c.location[a] === c.location[b],
      message: (a, b, c) => `${c.ids[a]} and ${c.ids[b]} study on different campuses`,
    });
    const prepared = rule.prepare({
      cohort,
      program: cohort.program,
      layout: 'directed',
      enabled: () => true,
    });
    expect(prepared?.violations(0, 1)).toEqual([
      {
        rule: 'sameCampus',
        code: 'DIFFERENT_CAMPUS',
        message: 'ana and bo study on different campuses',
      },
    ]);
    expect(
      rule.prepare({ cohort, program: cohort.program, layout: 'directed', enabled: () => false }),
    ).toBeUndefined();
  });
});
