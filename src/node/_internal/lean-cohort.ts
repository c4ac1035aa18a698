import type { Cohort } from '../../index.js';

/**
 * The cohort without the participant records a worker does not read: cloning 20,000 records
 * into each worker costs more than a second, while the typed arrays clone in milliseconds. The
 * built-in rules and scorers read only the safeguarding facts of the records (background
 * checks); the worker-thread tests hold the workers' results equal to the calling thread's with
 * every rule on.
 */
export function leanCohort(cohort: Cohort): Cohort {
  const profiles = cohort.profiles.map(
    (p) => ({ id: p.id, safeguarding: p.safeguarding }) as Cohort['profiles'][number],
  );
  return { ...cohort, profiles, warnings: [] };
}
