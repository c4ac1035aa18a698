import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('optOut', () => {
  it.each([
    ['opt-out', [mentor(), mentee({ optOut: true })], {}, ['OPTED_OUT: bo opted out of matching']],
  ])('verdict(records, program) with optOut: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });
});
