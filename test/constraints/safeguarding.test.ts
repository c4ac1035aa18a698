import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('safeguarding', () => {
  it.each([
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
  ])('verdict(records, program) with safeguarding: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });
});
