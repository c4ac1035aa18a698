import type { CompatibilityMatrix } from '../../compatibility/types.js';
import type { Cohort } from '../../profile/cohort.js';

/** How a balance rule is applied: not at all, as a penalty per same-value pair, or as a hard rule. */
export type BalanceLevel = 'off' | 'prefer' | 'require';

/** Balance rules on the members of a group (the mentor is not counted). */
export interface GroupBalance {
  /** Mix departments: penalise (`prefer`) or forbid (`require`) two members of one department. */
  readonly department?: BalanceLevel;
  /** At most one person per team: penalise or forbid two members of one team. */
  readonly team?: BalanceLevel;
  /** Spread stages: penalise or forbid two members at the same stage. */
  readonly stage?: BalanceLevel;
}

export const BALANCE_FIELDS = ['department', 'team', 'stage'] as const;

/** Pair weights among the members: what is reported (`raw`) and what is optimised (`weight`). */
export interface MemberWeights {
  readonly n: number;
  /** Symmetric mean of both directions' compatibility; 0 on the diagonal. */
  readonly raw: Float64Array;
  /** `scale × raw` minus the balance penalties; 0 on the diagonal. */
  readonly weight: Float64Array;
  /** 1 when a hard rule (either direction) or a required balance rule forbids the pair. */
  readonly forbidden: Uint8Array;
  /** 1 when a compatibility rule (not a balance rule) forbids the pair. */
  readonly ruleForbidden: Uint8Array;
}

function valuesOf(cohort: Cohort, field: (typeof BALANCE_FIELDS)[number]): ArrayLike<number> {
  if (field === 'department') return cohort.department;
  if (field === 'team') return cohort.team;
  return cohort.stageLabel;
}

/**
 * Member × member weights from a square compatibility matrix whose rows and columns are the same
 * people in the same order. A pair counts as forbidden when either direction is, so a group never
 * holds two people a hard rule keeps apart, whichever way the rule reads.
 */
export function memberWeights(
  cohort: Cohort,
  square: CompatibilityMatrix,
  scale: number,
  balance: GroupBalance,
  penalty: number,
): MemberWeights {
  const n = square.rows;
  const raw = new Float64Array(n * n);
  const weight = new Float64Array(n * n);
  const forbidden = new Uint8Array(n * n);
  const ruleForbidden = new Uint8Array(n * n);
  const { scores, allowed } = square;
  const rules = BALANCE_FIELDS.filter((f) => (balance[f] ?? 'off') !== 'off').map((f) => ({
    values: valuesOf(cohort, f),
    hard: balance[f] === 'require',
  }));
  for (let i = 0; i < n; i++) {
    const a = square.left[i];
    for (let j = i + 1; j < n; j++) {
      const b = square.left[j];
      const ij = i * n + j;
      const ji = j * n + i;
      const value = (scores[ij] + scores[ji]) / 2;
      let w = scale * value;
      let hard = allowed[ij] === 0 || allowed[ji] === 0;
      if (hard) ruleForbidden[ij] = ruleForbidden[ji] = 1;
      for (const rule of rules) {
        const x = rule.values[a];
        // -1 is "none or withheld": unknown values never count as the same.
        if (x < 0 || x !== rule.values[b]) continue;
        if (rule.hard) hard = true;
        else w -= penalty;
      }
      raw[ij] = raw[ji] = value;
      weight[ij] = weight[ji] = w;
      if (hard) forbidden[ij] = forbidden[ji] = 1;
    }
  }
  return { n, raw, weight, forbidden, ruleForbidden };
}
