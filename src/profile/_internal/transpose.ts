import type { CohortLists } from '../cohort.js';

/**
 * The reverse of a participant-to-participant list (`prefer`, `avoid`, `previousPartners`):
 * participant `i` owns everyone who lists `i`, in ascending order. Lets a row find "who named
 * me" in O(degree) instead of scanning every list.
 */
export function transposeLists(lists: CohortLists, size: number): CohortLists {
  const offsets = new Int32Array(size + 1);
  for (let k = 0; k < lists.values.length; k++) offsets[lists.values[k] + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  const values = new Int32Array(lists.values.length);
  const cursor = offsets.slice(0, size);
  for (let i = 0; i < size; i++) {
    for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) {
      values[cursor[lists.values[k]]++] = i;
    }
  }
  return { offsets, values };
}
