import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('sharedLanguage', () => {
  it.each([
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
    [
      'a required language the mentor lacks, with a mentee who gave none (whenUnknown: allow)',
      [mentor({ languages: ['fr'] }), mentee()],
      { constraints: { sharedLanguage: true }, matching: { requiredLanguage: 'de' } },
      [],
    ],
  ])('verdict(records, program) with sharedLanguage: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });
});
