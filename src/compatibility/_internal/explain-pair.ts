import type { ConstraintViolation } from '../../constraints/constraint.js';
import { PeermatchError } from '../../errors.js';
import type { ScoreExplanation } from '../../scoring/scorer.js';
import type { PairExplanation, ScorerContribution } from '../types.js';
import { badScore } from './row-kernel.js';
import type { Setup } from './setup.js';

/** Every rule that forbids the pair, across constraints. */
export function violationsOf(setup: Setup, left: number, right: number): ConstraintViolation[] {
  const found: ConstraintViolation[] = [];
  for (const { prepared } of setup.constraints) {
    if (prepared.allows(left, right) !== true) {
      const v = prepared.violations(left, right);
      // A rule that forbids without saying why is still a rule that forbids.
      if (v.length === 0)
        found.push({
          rule: 'unknown',
          code: 'FORBIDDEN',
          message: 'forbidden by a rule that gave no reason',
        });
      else found.push(...v);
    }
  }
  return found;
}

/** Resolves a participant id to its cohort index, or throws naming the id. */
export function indexOfId(
  setup: Setup,
  id: string,
  side: 'left' | 'right',
  members: ReadonlySet<number>,
): number {
  const i = setup.cohort.indexOf.get(id);
  if (i === undefined || !members.has(i)) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `explain: ${JSON.stringify(id)} is not on the ${side} side`,
      [
        {
          code: 'UNKNOWN_PARTICIPANT',
          path: [side === 'left' ? 'leftId' : 'rightId'],
          message: `explain: ${JSON.stringify(id)} is ${i === undefined ? 'not in the cohort' : `not on the ${side} side of this matrix`}`,
        },
      ],
    );
  }
  return i;
}

/** Explains one pair from scratch: scorers' explanations and the constraints' verdicts. */
export function explainPair(setup: Setup, left: number, right: number): PairExplanation {
  const { cohort, scorers, totalWeight } = setup;
  const contributions: ScorerContribution[] = [];
  let total = 0;
  for (const { name, weight, prepared } of scorers) {
    const e: ScoreExplanation = prepared.explain?.(left, right) ?? {
      score: prepared.score(left, right),
      reason: `scored by custom scorer ${name}`,
      missing: [],
    };
    if (!(e.score >= 0 && e.score <= 1))
      badScore(setup.api, name, cohort.ids[left], cohort.ids[right], e.score);
    const share = weight / totalWeight;
    total += share * e.score;
    contributions.push({
      scorer: name,
      weight,
      share,
      score: e.score,
      contribution: share * e.score,
      reason: e.reason,
      missing: e.missing ?? [],
    });
  }
  contributions.sort((a, b) => b.contribution - a.contribution || a.scorer.localeCompare(b.scorer));
  const violations = violationsOf(setup, left, right);
  const allowed = violations.length === 0;
  const scoreIfAllowed = Math.min(1, total);
  const score = allowed ? scoreIfAllowed : 0;
  const percent = Math.round(score * 100);
  const pair = `${cohort.ids[left]} → ${cohort.ids[right]}`;
  const top = contributions.slice(0, 2).map((c) => `${c.scorer} ${Math.round(c.score * 100)}%`);
  const missingCount = contributions.reduce((n, c) => n + c.missing.length, 0);
  const summary = allowed
    ? `${pair}: ${percent}% (${top.join(', ')}${missingCount > 0 ? `; ${missingCount} missing fact${missingCount > 1 ? 's' : ''} scored neutral` : ''})`
    : `${pair}: forbidden — ${violations.map((v) => v.message).join('; ')} (would score ${Math.round(scoreIfAllowed * 100)}%)`;
  return {
    leftId: cohort.ids[left],
    rightId: cohort.ids[right],
    allowed,
    score,
    percent,
    scoreIfAllowed,
    contributions,
    violations,
    summary,
  };
}
