import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('blockList', () => {
  it.each([
    [
      'a block list, in the other direction',
      [mentor(), mentee({ avoid: ['ana'] })],
      {},
      ['BLOCKED: bo asked not to be matched with ana'],
    ],
  ])('verdict(records, program) with blockList: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });
});
