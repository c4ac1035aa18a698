import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('BUILT_IN_CONSTRAINTS', () => {
  it.each([['nothing forbids an ordinary pair', [mentor(), mentee()], {}, []]])(
    'verdict(records, program) with BUILT_IN_CONSTRAINTS: %s',
    (_name, records, program, expected) => {
      expect(
        verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
      ).toEqual(expected);
    },
  );
});
