import type { CompatibilityOptions } from '../../compatibility/build-compatibility.js';
import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { Cohort } from '../../profile/cohort.js';
import type { Program } from '../../profile/program-schema.js';
import { BALANCE_FIELDS, type BalanceLevel, type GroupBalance } from './group-weights.js';

export type GroupKind = 'mentoring' | 'peer-circle';

/** Options of `matchGroups`. */
export interface MatchGroupsOptions
  extends Pick<CompatibilityOptions, 'scorers' | 'constraints' | 'weights' | 'signal'> {
  /**
   * `'mentoring'` (one mentor, several mentees) or `'peer-circle'` (no mentor).
   * @default 'peer-circle' when `program.kind` is `'peer-circle'`, else 'mentoring'
   */
  readonly kind?: GroupKind;
  /**
   * Group mentoring: mentees per mentor.
   * @default the mentor's `capacity`
   */
  readonly groupSize?: number;
  /**
   * Peer circles: the smallest circle.
   * @default program.group.min (3)
   */
  readonly minSize?: number;
  /**
   * Peer circles: the largest circle.
   * @default program.group.max (6)
   */
  readonly maxSize?: number;
  /**
   * Group mentoring: weight of a member's mean fit with the other members, next to their fit
   * with the mentor (weight 1).
   * @default 0.5
   */
  readonly peerWeight?: number;
  /**
   * Balance rules among members: `department`, `team`, `stage`, each `'off'`, `'prefer'`
   * (penalty per same-value pair) or `'require'` (never two with the same value).
   * @default {} (all off)
   */
  readonly balance?: GroupBalance;
  /**
   * What one pair breaking a `prefer` balance rule costs.
   * @default 0.1
   */
  readonly balancePenalty?: number;
  /**
   * Upper bound on local-search passes.
   * @default 50
   */
  readonly maxPasses?: number;
  /**
   * Peer circles: participant ids taking part.
   * @default everyone
   */
  readonly participants?: readonly string[];
  /**
   * Group mentoring: mentor ids.
   * @default every participant with role `mentor`
   */
  readonly mentors?: readonly string[];
  /**
   * Group mentoring: mentee ids.
   * @default every participant with role `mentee`
   */
  readonly mentees?: readonly string[];
}

/** The defaults of {@link MatchGroupsOptions}. */
export const MATCH_GROUPS_DEFAULTS: Readonly<{
  peerWeight: number;
  balancePenalty: number;
  maxPasses: number;
}> = Object.freeze({ peerWeight: 0.5, balancePenalty: 0.1, maxPasses: 50 });

const API = 'matchGroups';
const KEYS = new Set([
  'kind',
  'groupSize',
  'minSize',
  'maxSize',
  'peerWeight',
  'balance',
  'balancePenalty',
  'maxPasses',
  'participants',
  'mentors',
  'mentees',
  'scorers',
  'constraints',
  'weights',
  'signal',
]);
const LEVELS: readonly BalanceLevel[] = ['off', 'prefer', 'require'];

export interface ReadGroupOptions {
  readonly opts: MatchGroupsOptions;
  readonly kind: GroupKind;
  readonly minSize: number;
  readonly maxSize: number;
  readonly groupSize: number | undefined;
  readonly peerWeight: number;
  readonly balance: GroupBalance;
  readonly balancePenalty: number;
  readonly maxPasses: number;
}

function ids(
  cohort: Cohort,
  given: unknown,
  key: string,
  issues: PeermatchIssue[],
  byDefault: (i: number) => boolean,
): string[] {
  if (given === undefined) {
    const out: string[] = [];
    for (let i = 0; i < cohort.size; i++) if (byDefault(i)) out.push(cohort.ids[i]);
    return out.sort();
  }
  if (!Array.isArray(given)) {
    issues.push({
      code: 'INVALID_TYPE',
      path: [key],
      message: `${API}: options.${key} must be an array of participant ids`,
    });
    return [];
  }
  const seen = new Set<string>();
  given.forEach((id: unknown, k) => {
    if (typeof id !== 'string' || !cohort.indexOf.has(id)) {
      issues.push({
        code: 'UNKNOWN_PARTICIPANT',
        path: [key, k],
        message: `${API}: options.${key}[${k}] is ${JSON.stringify(id)}, who is not in the cohort`,
      });
    } else if (seen.has(id)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: [key, k],
        message: `${API}: options.${key}[${k}] repeats ${JSON.stringify(id)}`,
        participantId: id,
      });
    } else seen.add(id);
  });
  return [...seen].sort();
}

function integer(
  value: unknown,
  key: string,
  min: number,
  issues: PeermatchIssue[],
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    issues.push({
      code: 'OUT_OF_RANGE',
      path: [key],
      message: `${API}: options.${key} must be an integer ≥ ${min}, got ${String(value)}`,
    });
    return undefined;
  }
  return value;
}

function number(value: unknown, key: string, fallback: number, issues: PeermatchIssue[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    issues.push({
      code: 'OUT_OF_RANGE',
      path: [key],
      message: `${API}: options.${key} must be a finite number ≥ 0, got ${String(value)}`,
    });
    return fallback;
  }
  return value;
}

/** Reads and checks every option at once; sides are returned in id order. */
export function readGroupOptions(
  cohort: Cohort,
  program: Program,
  options: MatchGroupsOptions | undefined,
): ReadGroupOptions & { participants: string[]; mentors: string[]; mentees: string[] } {
  const opts = options ?? {};
  if (typeof opts !== 'object' || opts === null) {
    throw new PeermatchError('INVALID_OPTIONS', `${API}: options must be an object`, [
      { code: 'INVALID_TYPE', path: [], message: `${API}: options must be an object` },
    ]);
  }
  const issues: PeermatchIssue[] = [];
  for (const key of Object.keys(opts)) {
    if (!KEYS.has(key)) {
      issues.push({
        code: 'UNKNOWN_OPTION',
        path: [key],
        message: `${API}: unknown option ${JSON.stringify(key)}`,
      });
    }
  }
  const kind: GroupKind =
    opts.kind ?? (program.kind === 'peer-circle' ? 'peer-circle' : 'mentoring');
  if (kind !== 'mentoring' && kind !== 'peer-circle') {
    issues.push({
      code: 'INVALID_VALUE',
      path: ['kind'],
      message: `${API}: options.kind must be "mentoring" or "peer-circle", got ${JSON.stringify(kind)}`,
    });
  }
  const groupSize = integer(opts.groupSize, 'groupSize', 1, issues);
  const minSize = integer(opts.minSize, 'minSize', 1, issues) ?? program.group.min;
  const maxSize = integer(opts.maxSize, 'maxSize', 1, issues) ?? program.group.max;
  if (minSize > maxSize) {
    issues.push({
      code: 'OUT_OF_RANGE',
      path: ['minSize'],
      message: `${API}: the minimum group size (${minSize}) is above the maximum (${maxSize})`,
    });
  }
  const peerWeight = number(
    opts.peerWeight,
    'peerWeight',
    MATCH_GROUPS_DEFAULTS.peerWeight,
    issues,
  );
  const balancePenalty = number(
    opts.balancePenalty,
    'balancePenalty',
    MATCH_GROUPS_DEFAULTS.balancePenalty,
    issues,
  );
  const maxPasses =
    integer(opts.maxPasses, 'maxPasses', 0, issues) ?? MATCH_GROUPS_DEFAULTS.maxPasses;
  const balance = opts.balance ?? {};
  if (typeof balance !== 'object' || balance === null) {
    issues.push({
      code: 'INVALID_TYPE',
      path: ['balance'],
      message: `${API}: options.balance must be an object`,
    });
  } else {
    for (const key of Object.keys(balance)) {
      const level = (balance as Record<string, unknown>)[key];
      if (!(BALANCE_FIELDS as readonly string[]).includes(key)) {
        issues.push({
          code: 'UNKNOWN_OPTION',
          path: ['balance', key],
          message: `${API}: options.balance.${key} is not a balance rule (${BALANCE_FIELDS.join(', ')})`,
        });
      } else if (!LEVELS.includes(level as BalanceLevel)) {
        issues.push({
          code: 'INVALID_VALUE',
          path: ['balance', key],
          message: `${API}: options.balance.${key} must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(level)}`,
        });
      }
    }
  }
  const participants = ids(cohort, opts.participants, 'participants', issues, () => true);
  const mentors = ids(cohort, opts.mentors, 'mentors', issues, (i) => cohort.role[i] === 0);
  const mentees = ids(cohort, opts.mentees, 'mentees', issues, (i) => cohort.role[i] === 1);
  if (kind === 'mentoring') {
    const menteeSet = new Set(mentees);
    for (const id of mentors) {
      if (menteeSet.has(id)) {
        issues.push({
          code: 'BOTH_SIDES',
          path: ['mentors'],
          message: `${API}: ${JSON.stringify(id)} is both a mentor and a mentee`,
          participantId: id,
        });
      }
    }
  }
  if (issues.length > 0) {
    throw new PeermatchError(
      'INVALID_OPTIONS',
      `${API}: ${issues.length} problem(s) with the options`,
      issues,
    );
  }
  return {
    opts,
    kind,
    minSize,
    maxSize,
    groupSize,
    peerWeight,
    balance,
    balancePenalty,
    maxPasses,
    participants,
    mentors,
    mentees,
  };
}
