import { OverlapRow, overlapMinutes } from '../profile/_internal/overlap.js';
import { MEETING_CADENCES } from '../profile/participant-schema.js';
import { AD_HOC } from './_internal/constants.js';
import { missing, NEUTRAL, neutral, round2 } from './_internal/facts.js';
import { cadenceAgreement, minutesNeeded } from './_internal/schedule-terms.js';
import type { Scorer } from './scorer.js';

/** Options of {@link createScheduleScorer}. */
export interface ScheduleScorerOptions {
  /**
   * Session length assumed when neither participant gives `sessionMinutes`.
   * @default 60
   */
  readonly sessionMinutes?: number;
  /**
   * Sessions' worth of shared weekly time that earns full marks, per cadence (index = cadence
   * code: none, weekly, fortnightly, monthly, ad-hoc). Meeting weekly needs room to move a session;
   * monthly needs less.
   * @default [2, 3, 2, 1.5, 1]
   */
  readonly sessionsOfSlack?: readonly number[];
  /**
   * Score lost per step between two different cadences (weekly vs monthly = 2 steps); ad-hoc
   * agrees with anything.
   * @default 0.15
   */
  readonly cadenceMismatchPenalty?: number;
}

/** Defaults of {@link ScheduleScorerOptions}. */
export const SCHEDULE_SCORER_DEFAULTS: Readonly<{
  sessionMinutes: number;
  sessionsOfSlack: readonly number[];
  cadenceMismatchPenalty: number;
}> = Object.freeze({
  sessionMinutes: 60,
  sessionsOfSlack: Object.freeze([2, 3, 2, 1.5, 1]),
  cadenceMismatchPenalty: 0.15,
});

const NEUTRAL_SCORE = NEUTRAL;

/**
 * A `schedule` scorer with its own options: shared weekly minutes (exact, in UTC at the program
 * date's offsets) against what the cadence both asked for needs — `session length × sessions of
 * slack` of the more demanding cadence earns 1 — times a penalty when their cadences differ.
 * No shared time scores 0; a participant without availability (none given or withheld) makes
 * the pair neutral.
 *
 * @param options - See {@link ScheduleScorerOptions}.
 * @returns A scorer named `schedule`.
 * @example
 * ```ts
 * const relaxed = { ...createScheduleScorer({ sessionMinutes: 30 }), name: 'schedule30' };
 * buildCompatibility(cohort, program, { scorers: [relaxed], weights: { schedule: 0, schedule30: 2 } });
 * //=> a matrix where 90 shared minutes are enough for weekly half-hour sessions
 * ```
 */
export function createScheduleScorer(options: ScheduleScorerOptions = {}): Scorer {
  const config = { ...SCHEDULE_SCORER_DEFAULTS, ...options };
  const slack = Float64Array.from({ length: 5 }, (_, c) => config.sessionsOfSlack[c] ?? 1);
  const penalty = config.cadenceMismatchPenalty;
  return Object.freeze<Scorer>({
    name: 'schedule',
    description: 'Shared weekly time against the cadence and session length both asked for.',
    symmetric: true,
    prepare({ cohort }) {
      const availability = cohort.availability;
      const offsets = availability.intervals.offsets;
      const cadence = cohort.cadence;
      const row = new OverlapRow(availability);
      const session = cohort.sessionMinutes;
      const need = (a: number, b: number): number =>
        minutesNeeded(cohort, slack, config.sessionMinutes, a, b);
      const agreement = (a: number, b: number): number =>
        cadenceAgreement(cadence[a], cadence[b], penalty);
      const score = (a: number, b: number): number => {
        if (offsets[a + 1] === offsets[a] || offsets[b + 1] === offsets[b]) return NEUTRAL;
        const shared = overlapMinutes(availability, a, b);
        return Math.min(1, shared / need(a, b)) * agreement(a, b);
      };
      return {
        score,
        fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
          // Inlined: a call per cell returning a double would box it on the heap.
          if (offsets[left] === offsets[left + 1]) {
            out.fill(NEUTRAL_SCORE, 0, count);
            return;
          }
          row.load(left);
          const lc = cadence[left];
          const lSession = session[left];
          const lSlack = slack[lc];
          const lFlexible = lc === 0 || lc === AD_HOC;
          const defaultSession = config.sessionMinutes;
          for (let k = 0; k < count; k++) {
            const r = rights[k];
            if (offsets[r] === offsets[r + 1]) {
              out[k] = NEUTRAL_SCORE;
              continue;
            }
            const shared = row.with(r);
            const rc = cadence[r];
            const length = Math.max(lSession, session[r]) || defaultSession;
            const need = length * Math.max(lSlack, slack[rc]);
            let value = shared >= need ? 1 : shared / need;
            if (!lFlexible && rc !== 0 && rc !== AD_HOC && rc !== lc) {
              const agree = 1 - penalty * (rc > lc ? rc - lc : lc - rc);
              value *= Math.max(agree, 0);
            }
            out[k] = value;
          }
        },
        explain(left: number, right: number) {
          const empty = [left, right].filter((i) => offsets[i + 1] === offsets[i]);
          if (empty.length > 0) {
            return neutral(
              'the schedule overlap',
              empty.map((i) => missing(cohort, i, 'availability')),
            );
          }
          const shared = overlapMinutes(availability, left, right);
          const needed = need(left, right);
          const agree = agreement(left, right);
          const name = (i: number) =>
            cadence[i] === 0 ? 'no cadence' : MEETING_CADENCES[cadence[i] - 1];
          const cadenceText =
            agree === 1
              ? ''
              : `; cadences differ (${name(left)} vs ${name(right)}) ×${round2(agree)}`;
          let wanted = 'their cadences call for';
          if (cadence[left] === 0 && cadence[right] === 0) wanted = 'a session needs';
          else if (cadence[left] === cadence[right] || cadence[right] === 0) {
            wanted = `meeting ${name(left)} calls for`;
          } else if (cadence[left] === 0) wanted = `meeting ${name(right)} calls for`;
          return {
            score: score(left, right),
            reason: `${shared} shared minutes a week of the ${needed} that ${wanted}${cadenceText}`,
            missing: [],
          };
        },
      };
    },
  });
}

/**
 * The built-in `schedule` scorer (default options); see {@link createScheduleScorer}.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'schedule')?.reason;
 * //=> '90 shared minutes a week of the 120 that meeting fortnightly calls for'
 * ```
 */
export const scheduleScorer: Scorer = createScheduleScorer();
