import { expect } from 'vitest';
import { BUILT_IN_CONSTRAINTS } from '../../../src/constraints/built-in-constraints.js';
import type { MatrixLayout } from '../../../src/constraints/constraint.js';
import { cohortOf } from '../../compatibility/_cohort.js';

/** Every violation of the pair (0, 1) under the program's switches. */
export function verdict(
  records: Record<string, unknown>[],
  program: Record<string, unknown> = {},
  layout: MatrixLayout = 'directed',
) {
  const cohort = cohortOf(records, program);
  const switches = cohort.program.constraints as Record<string, boolean>;
  const found: string[] = [];
  for (const c of BUILT_IN_CONSTRAINTS) {
    const prepared = c.prepare({
      cohort,
      program: cohort.program,
      layout,
      enabled: (rule) => switches[rule] === true,
    });
    if (prepared === undefined) continue;
    const out = Uint8Array.of(1);
    prepared.fillRow?.(0, Int32Array.of(1), 1, out);
    const violations = prepared.violations(0, 1);
    expect(prepared.allows(0, 1)).toBe(violations.length === 0);
    if (prepared.fillRow !== undefined) expect(out[0]).toBe(violations.length === 0 ? 1 : 0);
    for (const v of violations) found.push(`${v.code}: ${v.message}`);
  }
  return found;
}

/** Participant `ana`, a mentor. */
export const mentor = (extra: Record<string, unknown> = {}) => ({
  id: 'ana',
  role: 'mentor',
  ...extra,
});
/** Participant `bo`, a mentee. */
export const mentee = (extra: Record<string, unknown> = {}) => ({
  id: 'bo',
  role: 'mentee',
  ...extra,
});
