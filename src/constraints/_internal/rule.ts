import type { ConstraintViolation, PreparedConstraint } from '../constraint.js';

export interface RuleParts {
  readonly rule: string;
  readonly code: string;
  /** `true` when the pair is forbidden. */
  forbids(left: number, right: number): boolean;
  message(left: number, right: number): string;
  /** Fast path; may skip cells whose flag is already 0 (another rule forbade them). */
  fillRow?(left: number, rights: Int32Array, count: number, out: Uint8Array): void;
}

const NONE: readonly ConstraintViolation[] = Object.freeze([]);

/** A prepared constraint of one rule and one code. */
export function singleRule(parts: RuleParts): PreparedConstraint {
  const { rule, code, forbids, message } = parts;
  return {
    allows: (left, right) => !forbids(left, right),
    fillRow:
      parts.fillRow ??
      ((left, rights, count, out) => {
        for (let k = 0; k < count; k++) if (out[k] !== 0 && forbids(left, rights[k])) out[k] = 0;
      }),
    violations: (left, right) =>
      forbids(left, right) ? [{ rule, code, message: message(left, right) }] : NONE,
  };
}
