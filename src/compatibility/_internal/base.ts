import type { CompatibilityBase, CompatibilityDiagnostics } from '../types.js';
import { diagnose, unpartneredOf } from './diagnose.js';
import { explainPair, indexOfId } from './explain-pair.js';
import type { Setup } from './setup.js';

/** The parts every builder's result shares. Diagnostics are computed once, on first call. */
export function baseOf(setup: Setup, perLeft: Int32Array, perRight: Int32Array): CompatibilityBase {
  const { cohort, left, right } = setup;
  const leftSet = new Set(left);
  const rightSet = new Set(right);
  const unpartnered = Object.freeze(unpartneredOf(setup, perLeft, perRight));
  let diagnostics: CompatibilityDiagnostics | undefined;
  return {
    layout: setup.layout,
    rows: left.length,
    cols: right.length,
    leftIds: Object.freeze(Array.from(left, (i) => cohort.ids[i])),
    rightIds: Object.freeze(Array.from(right, (i) => cohort.ids[i])),
    left,
    right,
    allowedPerLeft: perLeft,
    allowedPerRight: perRight,
    unpartnered,
    weights: setup.weights,
    rules: Object.freeze([...setup.rules]),
    explain(leftId: string, rightId: string) {
      return explainPair(
        setup,
        indexOfId(setup, leftId, 'left', leftSet),
        indexOfId(setup, rightId, 'right', rightSet),
      );
    },
    diagnose() {
      diagnostics ??= Object.freeze(diagnose(setup, unpartnered));
      return diagnostics;
    },
  };
}
