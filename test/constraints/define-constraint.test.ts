import { describe, expect, it } from 'vitest';
import { defineConstraint } from '../../src/constraints/define-constraint.js';
import { cohortOf } from '../compatibility/_cohort.js';
import { mentee, mentor } from './_support/verdict.js';

describe('defineConstraint', () => {
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
