import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('minimumOverlap', () => {
  it.each([
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
  ])('verdict(records, program) with minimumOverlap: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });
});
