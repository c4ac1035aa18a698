import type { CompatibilityOptions } from '../../compatibility/build-compatibility.js';
import type { Cohort } from '../../profile/cohort.js';
import type { Program } from '../../profile/program-schema.js';
import type { ProgressCallback } from '../../solvers/_internal/read-options.js';
import { BALANCE_FIELDS, type BalanceLevel, type GroupBalance } from './group-weights.js';
import { OptionReader } from './option-reader.js';

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
  /**
   * Called as the run advances, with `(phase, done, total)`: `'matrix'`, `'solve'` (group
   * formation and local search) and `'report'`; each phase ends with `done === total`.
   * @default undefined
   */
  readonly onProgress?: ProgressCallback;
}

/** The defaults of {@link MatchGroupsOptions}. */
export const MATCH_GROUPS_DEFAULTS: Readonly<{
  peerWeight: number;
  balancePenalty: number;
  maxPasses: number;
}> = Object.freeze({ peerWeight: 0.5, balancePenalty: 0.1, maxPasses: 50 });

const API = 'matchGroups';
const KEYS = [
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
  'onProgress',
];
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
  readonly progress: ProgressCallback | undefined;
}

/** Reads and checks every option at once; sides are returned in id order. */
export function readGroupOptions(
  cohort: Cohort,
  program: Program,
  options: MatchGroupsOptions | undefined,
): ReadGroupOptions & { participants: string[]; mentors: string[]; mentees: string[] } {
  const read = new OptionReader(API, options, KEYS);
  const { opts } = read;
  const kind = read.oneOf<GroupKind>(
    'kind',
    opts.kind,
    program.kind === 'peer-circle' ? 'peer-circle' : 'mentoring',
    ['mentoring', 'peer-circle'],
  );
  const groupSize = read.integer('groupSize', opts.groupSize, 1);
  const minSize = read.integer('minSize', opts.minSize, 1) ?? program.group.min;
  const maxSize = read.integer('maxSize', opts.maxSize, 1) ?? program.group.max;
  if (minSize > maxSize) {
    read.problem(
      ['minSize'],
      'OUT_OF_RANGE',
      `the minimum group size (${minSize}) is above the maximum (${maxSize})`,
    );
  }
  const d = MATCH_GROUPS_DEFAULTS;
  const peerWeight = read.nonNegative('peerWeight', opts.peerWeight, d.peerWeight);
  const balancePenalty = read.nonNegative('balancePenalty', opts.balancePenalty, d.balancePenalty);
  const maxPasses = read.integer('maxPasses', opts.maxPasses, 0) ?? d.maxPasses;
  const progress = read.progress(opts.onProgress);
  const balance = opts.balance ?? {};
  if (typeof balance !== 'object' || balance === null) {
    read.problem(['balance'], 'INVALID_TYPE', 'options.balance must be an object');
  } else {
    for (const key of Object.keys(balance)) {
      const level = (balance as Record<string, unknown>)[key];
      if (!(BALANCE_FIELDS as readonly string[]).includes(key)) {
        read.problem(
          ['balance', key],
          'UNKNOWN_OPTION',
          `options.balance.${key} is not a balance rule (${BALANCE_FIELDS.join(', ')})`,
        );
      } else if (!LEVELS.includes(level as BalanceLevel)) {
        read.problem(
          ['balance', key],
          'INVALID_VALUE',
          `options.balance.${key} must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(level)}`,
        );
      }
    }
  }
  const participants = read.ids(cohort, opts.participants, 'participants', () => true);
  const mentors = read.ids(cohort, opts.mentors, 'mentors', (i) => cohort.role[i] === 0);
  const mentees = read.ids(cohort, opts.mentees, 'mentees', (i) => cohort.role[i] === 1);
  if (kind === 'mentoring') {
    read.disjoint(mentors, mentees, 'group mentoring needs disjoint sides');
  }
  read.done();
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
    progress,
    participants,
    mentors,
    mentees,
  };
}
