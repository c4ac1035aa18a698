import { describe, expect, it } from 'vitest';
import { mentee, mentor, verdict } from './_support/verdict.js';

describe('capacityZero', () => {
  it.each([
    ['capacity 0', [mentor({ capacity: 0 }), mentee()], {}, ['CAPACITY_ZERO: ana has capacity 0']],
  ])('verdict(records, program) with capacityZero: %s', (_name, records, program, expected) => {
    expect(
      verdict(records as Record<string, unknown>[], program as Record<string, unknown>),
    ).toEqual(expected);
  });
});
