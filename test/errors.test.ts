import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../src/errors.js';

describe('PeermatchError', () => {
  it('new PeermatchError(code, message, issues) keeps the code and every issue, and lists them in the message', () => {
    const issues = [
      { code: 'NAN_CELL', path: [0, 1], message: 'cell (0, 1) is NaN' },
      {
        code: 'DUPLICATE_ID',
        path: [3, 'id'],
        message: 'id "ana" appears twice',
        participantId: 'ana',
      },
    ];
    const error = new PeermatchError('INVALID_INPUT', 'two problems', issues);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual(issues);
    expect(error.name).toBe('PeermatchError');
    expect(error.message).toBe('two problems\n  - cell (0, 1) is NaN\n  - id "ana" appears twice');
    expect(error).toBeInstanceOf(Error);
  });

  it('PeermatchError.is(error) and instanceof recognise an error from another copy of the library', () => {
    // A second installed copy has its own class but the same global brand symbol.
    const foreign = Object.assign(new Error('elsewhere'), { code: 'INFEASIBLE', issues: [] });
    Object.defineProperty(foreign, Symbol.for('peermatch.error'), { value: true });
    expect(PeermatchError.is(foreign)).toBe(true);
    expect(foreign instanceof PeermatchError).toBe(true);
    expect(PeermatchError.is(new Error('plain'))).toBe(false);
    expect(new Error('plain') instanceof PeermatchError).toBe(false);
    expect(PeermatchError.is(null)).toBe(false);
  });

  it('new PeermatchError(code, message, manyIssues) shows the first 20 in the message and counts the rest', () => {
    const issues = Array.from({ length: 25 }, (_, i) => ({
      code: 'X',
      path: [i],
      message: `problem ${i}`,
    }));
    const error = new PeermatchError('INVALID_INPUT', 'many', issues);
    expect(error.issues).toHaveLength(25);
    expect(error.message.split('\n')).toHaveLength(22);
    expect(error.message).toContain('… and 5 more');
  });
});
