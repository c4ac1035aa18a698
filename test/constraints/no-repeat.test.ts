import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('noRepeat', () => {
  it.each([
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
  ])('verdict(records, program) with noRepeat: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });
});
