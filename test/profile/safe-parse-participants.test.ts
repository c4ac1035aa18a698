import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import { safeParseParticipants } from '../../src/profile/safe-parse-participants.js';

describe('safeParseParticipants', () => {
  it("safeParseParticipants([{ id: 'bo', role: 'mentee', managerId: 'zed' }]) succeeds with an UNKNOWN_MANAGER warning", () => {
    const result = safeParseParticipants([{ id: 'bo', role: 'mentee', managerId: 'zed' }]);
    expect(result.success).toBe(true);
    expect(result.success && result.data[0].managerId).toBe('zed');
    expect(result.warnings.map((w) => [w.code, w.participantId])).toEqual([
      ['UNKNOWN_MANAGER', 'bo'],
    ]);
  });

  it('safeParseParticipants(bad) returns the error instead of throwing, with warnings alongside', () => {
    const result = safeParseParticipants([
      { id: 'a', role: 'mentor', managerId: 'ghost' },
      { id: 'b', role: 'mentor', capacity: 1.5 },
    ]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(PeermatchError);
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ['INVALID_TYPE', [1, 'capacity']],
    ]);
    expect(result.error.issues[0].message).toBe(
      'safeParseParticipants: record 1 ("b") capacity must be a whole number from 0 to 1000, got 1.5',
    );
    expect(result.warnings.map((w) => w.code)).toEqual(['UNKNOWN_MANAGER']);
  });

  it('safeParseParticipants(records, undefined, { unknownFields: 42 }) throws: bad options are a programming error', () => {
    expect(() => safeParseParticipants([], undefined, { unknownFields: 42 as never })).toThrow(
      /options.unknownFields/,
    );
  });
});
