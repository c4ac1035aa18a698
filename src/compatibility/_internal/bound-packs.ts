import {
  type FactGroups,
  groupBy,
  HASH_SEED,
  hashList,
  mix,
  sameList,
} from '../../profile/_internal/fact-groups.js';
import type { Cohort } from '../../profile/cohort.js';

/**
 * The parts of {@link CandidateBound}'s pair bound that read few facts of the right participant:
 * columns grouped by those facts, and groups of several parts packed into one key per column.
 */

/** Most combinations a pack may have (the product of its parts' group counts). */
export const PACK_LIMIT = 4096;

/** Parts of the bound that share one key per column: their distinct combinations. */
export interface Pack {
  /** Per column: its combination. */
  readonly of: Int32Array;
  /** Per combination, `width` indices into `termValue`, one per part. */
  readonly parts: Int32Array;
  readonly width: number;
  /** For the current row: each combination's sum of its parts' values. */
  readonly value: Float64Array;
}

export function packOf(members: readonly Int32Array[], cols: number): Pack {
  const width = members.length;
  const groups = groupBy(
    cols,
    (j) => {
      let h = HASH_SEED;
      for (const at of members) h = mix(h, at[j]);
      return h;
    },
    (a, b) => members.every((at) => at[a] === at[b]),
  );
  const parts = new Int32Array(Math.max(1, groups.count * width));
  for (let j = 0; j < cols; j++) {
    const c = groups.keys[j];
    for (let p = 0; p < width; p++) parts[c * width + p] = members[p][j];
  }
  return { of: groups.keys, parts, width, value: new Float64Array(groups.count) };
}

/** `value[k] +=` the pack's value for the column `position[k]`. */
export function addPack(
  count: number,
  position: Int32Array,
  value: Float64Array,
  of: Int32Array,
  packValue: Float64Array,
): void {
  for (let k = 0; k < count; k++) value[k] += packValue[of[position[k]]];
}

/**
 * The columns grouped by what scorer `name` reads of the right participant (as the fused row
 * groups them), or `undefined` for a scorer whose term is not a function of such a group.
 */
export function factGroups(
  cohort: Cohort,
  name: string,
  right: Int32Array,
): FactGroups | undefined {
  const n = right.length;
  const list = (lists: Cohort['goals']): FactGroups =>
    groupBy(
      n,
      (j) => hashList(lists, right[j], HASH_SEED),
      (a, b) => sameList(lists, right[a], right[b]),
    );
  switch (name) {
    case 'goals':
      return list(cohort.goals);
    case 'interests':
      return list(cohort.interests);
    case 'stage': {
      const stage = cohort.stage;
      return groupBy(
        n,
        (j) => stage[right[j]],
        (a, b) => stage[right[a]] === stage[right[b]],
      );
    }
    case 'communication': {
      const { communicationStyle: style, learningStyle: learning, modes, location } = cohort;
      return groupBy(
        n,
        (j) => {
          const r = right[j];
          return mix(mix(mix(mix(HASH_SEED, style[r]), learning[r]), modes[r]), location[r]);
        },
        (a, b) => {
          const x = right[a];
          const y = right[b];
          return (
            style[x] === style[y] &&
            learning[x] === learning[y] &&
            modes[x] === modes[y] &&
            location[x] === location[y]
          );
        },
      );
    }
    case 'languages': {
      const { languages, baseLanguages } = cohort;
      return groupBy(
        n,
        (j) => hashList(baseLanguages, right[j], hashList(languages, right[j], HASH_SEED)),
        (a, b) =>
          sameList(languages, right[a], right[b]) && sameList(baseLanguages, right[a], right[b]),
      );
    }
    default:
      return undefined;
  }
}
