import {
  groupBy,
  HASH_SEED,
  hashList,
  mix,
  sameList,
} from '../../profile/_internal/fact-groups.js';
import type { CohortLists } from '../../profile/cohort.js';
import { RowMemo } from './row-memo.js';
import type { FieldReader } from './similarity.js';

// The `diversity` and `affinity` fields of the fused row (`BuiltInRow`): each opted-in field
// flattened to typed arrays, participants grouped by all of them, and the row's mean over them.

/** One opted-in field of `diversity` or `affinity`, flattened for the cell loop. */
export interface SimilarityColumn {
  readonly labels: Int32Array | undefined;
  readonly lists: CohortLists | undefined;
  readonly marks: Uint8Array;
}

export function columnsOf(readers: readonly FieldReader[]): SimilarityColumn[] {
  return readers.map((r) => ({
    labels: r.labels,
    lists: r.lists,
    marks: new Uint8Array(Math.max(1, r.names.length)),
  }));
}

/** Groups of participants with the same values in every similarity column. */
export function similarityMemo(size: number, columns: readonly SimilarityColumn[]): RowMemo {
  return new RowMemo(
    groupBy(
      size,
      (i) => {
        let h = HASH_SEED;
        for (const { labels, lists } of columns) {
          if (labels !== undefined) h = mix(h, labels[i]);
          else if (lists !== undefined) h = hashList(lists, i, h);
        }
        return h;
      },
      (a, b) =>
        columns.every(({ labels, lists }) =>
          labels !== undefined
            ? labels[a] === labels[b]
            : lists === undefined || sameList(lists, a, b),
        ),
    ),
  );
}

/**
 * Mean similarity over the fields both sides have (labels: equal or not; lists: Dice overlap
 * against the row's marks), or -1 when none — field by field in the program's order, as
 * `fillSimilarity` adds them.
 */
export function meanOver(columns: readonly SimilarityColumn[], left: number, r: number): number {
  let sum = 0;
  let compared = 0;
  for (let f = 0; f < columns.length; f++) {
    const { labels, lists, marks } = columns[f];
    if (labels !== undefined) {
      const a = labels[left];
      const b = labels[r];
      if (a >= 0 && b >= 0) {
        if (a === b) sum += 1;
        compared++;
      }
    } else if (lists !== undefined) {
      const { offsets, values } = lists;
      const x = offsets[left + 1] - offsets[left];
      const y = offsets[r + 1] - offsets[r];
      if (x > 0 && y > 0) {
        let hits = 0;
        for (let k = offsets[r], e = offsets[r + 1]; k < e; k++) hits += marks[values[k]];
        sum += (2 * hits) / (x + y);
        compared++;
      }
    }
  }
  return compared === 0 ? -1 : sum / compared;
}
