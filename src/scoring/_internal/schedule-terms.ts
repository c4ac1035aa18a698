import type { Cohort } from '../../profile/cohort.js';
import { AD_HOC } from './constants.js';

/**
 * Shared weekly minutes that earn the `schedule` scorer's full marks for `a` and `b`: the
 * longer session either asked for (else `defaultSession`) times the sessions of slack of the
 * more demanding cadence (`slack`, by cadence code).
 */
export function minutesNeeded(
  cohort: Cohort,
  slack: Float64Array,
  defaultSession: number,
  a: number,
  b: number,
): number {
  const { sessionMinutes: session, cadence } = cohort;
  const length = Math.max(session[a], session[b]) || defaultSession;
  return length * Math.max(slack[cadence[a]], slack[cadence[b]]);
}

/**
 * The `schedule` scorer's factor for two cadence codes: 1 when either has none or is ad hoc,
 * else `penalty` less per step between them (never below 0).
 */
export function cadenceAgreement(x: number, y: number, penalty: number): number {
  if (x === 0 || y === 0 || x === AD_HOC || y === AD_HOC) return 1;
  return Math.max(0, 1 - penalty * Math.abs(x - y));
}
