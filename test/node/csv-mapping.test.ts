import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/index.js';
import { fieldForHeader } from '../../src/node/csv-convention.js';
import { parseCsvMapping } from '../../src/node/csv-mapping.js';

describe('parseCsvMapping', () => {
  it('parseCsvMapping(valid) returns the mapping unchanged', () => {
    const mapping = { delimiter: ';', columns: { 'Employee ID': 'id', Notes: null } };
    expect(parseCsvMapping(mapping)).toBe(mapping);
  });

  it('parseCsvMapping(bad) throws one INVALID_OPTIONS error listing every problem', () => {
    let error: unknown;
    try {
      parseCsvMapping({
        delimiter: ',,',
        unknownColumns: 'maybe',
        columns: { Team: 'squad', Role: { field: 'role', values: { x: 1 }, extra: true } },
        colour: 'blue',
      });
    } catch (e) {
      error = e;
    }
    expect(PeermatchError.is(error)).toBe(true);
    const { code, issues } = error as PeermatchError;
    expect(code).toBe('INVALID_OPTIONS');
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'colour',
      'delimiter',
      'unknownColumns',
      'columns.Team',
      'columns.Role.extra',
      'columns.Role.values',
    ]);
  });

  it('parseCsvMapping([]) is refused as not an object', () => {
    expect(() => parseCsvMapping([])).toThrow(/must be a JSON object/);
  });
});

describe('fieldForHeader', () => {
  it('fieldForHeader ignores case, spaces and punctuation and knows the aliases', () => {
    expect(fieldForHeader('Manager_ID')?.path).toEqual(['managerId']);
    expect(fieldForHeader('Time zone')?.path).toEqual(['availability', 'timeZone']);
    expect(fieldForHeader('wants')?.kind).toBe('wanted');
    expect(fieldForHeader('Safeguarding.Minor')?.kind).toBe('boolean');
    expect(fieldForHeader('favourite colour')).toBeUndefined();
  });
});
