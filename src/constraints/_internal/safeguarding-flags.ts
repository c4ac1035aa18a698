import type { Cohort } from '../../profile/cohort.js';

/** Who needs a checked partner, and whose background check is valid on `date`. */
export interface SafeguardingFlags {
  /** 1 for a minor or vulnerable participant. */
  readonly protectedOne: Uint8Array;
  /** 1 when checked on or before `date` and expiring on or after it. */
  readonly checked: Uint8Array;
}

/** The flags the safeguarding rule tests, once per cohort and program date. */
export function safeguardingFlags(cohort: Cohort, date: string): SafeguardingFlags {
  const n = cohort.size;
  const protectedOne = new Uint8Array(n);
  const checked = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    protectedOne[i] = cohort.minor[i] | cohort.vulnerable[i];
    const check = cohort.profiles[i].safeguarding.backgroundCheck;
    checked[i] =
      check !== undefined &&
      check.expiresOn >= date &&
      (check.checkedOn === undefined || check.checkedOn <= date)
        ? 1
        : 0;
  }
  return { protectedOne, checked };
}
