import { describe, expect, it } from 'vitest';
import { mentee, verdict } from './_support/verdict.js';

describe('roles', () => {
  it.each([
    [
      'a mentee cannot mentor',
      [mentee({ id: 'x' }), mentee()],
      {},
      ['ROLE_MISMATCH: x is a mentee, so cannot mentor bo'],
    ],
  ])('verdict(records, program) with roles: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });

  it("verdict([mentee, mentee], {}, 'square') with roles forbids only pairing someone with themself", () => {
    expect(verdict([mentee({ id: 'x' }), mentee()], {}, 'square')).toEqual([]);
  });
});
