import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as solvers from '../src/solvers/index.js';

describe('the public API', () => {
  it('re-exports every value of peermatch/solvers from peermatch', () => {
    const missing = Object.keys(solvers).filter((name) => !(name in api));
    expect(missing).toEqual([]);
  });

  it('exports the same objects, not copies', () => {
    for (const [name, value] of Object.entries(solvers)) {
      expect((api as Record<string, unknown>)[name]).toBe(value);
    }
  });
});
