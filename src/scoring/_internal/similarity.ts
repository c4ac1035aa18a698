import type { Cohort, CohortLists } from '../../profile/cohort.js';
import type { ConsentField } from '../../profile/participant-schema.js';
import type { Program } from '../../profile/program-schema.js';
import type { MissingData } from '../scorer.js';
import { intersectionSize, lengthOf, missing, RowMarks } from './facts.js';

export type SimilarityField = Program['matching']['diversity'][number];

export interface FieldReader {
  readonly field: SimilarityField;
  readonly consent: ConsentField;
  /** The raw data, for the fused row: one label id per participant (-1 none)… */
  readonly labels?: Int32Array;
  /** …or one sorted list per participant, over a vocabulary of `names.length` values. */
  readonly lists?: CohortLists;
  readonly names: readonly string[];
  /** Similarity in [0, 1], or -1 when either side has no data. */
  similarity(a: number, b: number): number;
  describe(i: number): string;
  /** Row fast path: adds each comparable right's similarity to `sum[k]` and counts it in `compared[k]`. */
  accumulate(
    left: number,
    rights: Int32Array,
    count: number,
    sum: Float64Array,
    compared: Int32Array,
  ): void;
}

function labelReader(
  field: SimilarityField,
  consent: ConsentField,
  ids: Int32Array,
  names: readonly string[],
): FieldReader {
  return {
    field,
    consent,
    labels: ids,
    names,
    similarity: (a, b) => (ids[a] < 0 || ids[b] < 0 ? -1 : ids[a] === ids[b] ? 1 : 0),
    describe: (i) => names[ids[i]],
    accumulate(left, rights, count, sum, compared) {
      const a = ids[left];
      if (a < 0) return;
      for (let k = 0; k < count; k++) {
        const b = ids[rights[k]];
        if (b >= 0) {
          if (a === b) sum[k] += 1;
          compared[k]++;
        }
      }
    },
  };
}

function listReader(
  field: SimilarityField,
  consent: ConsentField,
  lists: CohortLists,
  names: readonly string[],
): FieldReader {
  const marks = new RowMarks(names.length);
  return {
    field,
    consent,
    lists,
    names,
    similarity(a, b) {
      const x = lengthOf(lists, a);
      const y = lengthOf(lists, b);
      if (x === 0 || y === 0) return -1;
      return (2 * intersectionSize(lists, a, b)) / (x + y);
    },
    describe(i) {
      const out: string[] = [];
      for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++)
        out.push(names[lists.values[k]]);
      return out.join(', ');
    },
    accumulate(left, rights, count, sum, compared) {
      const { offsets } = lists;
      const x = offsets[left + 1] - offsets[left];
      if (x === 0) return;
      marks.mark(lists, left);
      for (let k = 0; k < count; k++) {
        const r = rights[k];
        const y = offsets[r + 1] - offsets[r];
        if (y > 0) {
          sum[k] += (2 * marks.hits(lists, r)) / (x + y);
          compared[k]++;
        }
      }
      marks.clear(lists, left);
    },
  };
}

/** Readers for the configured fields: only consented data exists in the cohort to read. */
export function similarityReaders(
  cohort: Cohort,
  fields: readonly SimilarityField[],
): FieldReader[] {
  const v = cohort.vocabularies;
  return fields.map((field) => {
    switch (field) {
      case 'department':
        return labelReader(field, 'department', cohort.department, v.departments.names);
      case 'team':
        return labelReader(field, 'team', cohort.team, v.teams.names);
      case 'location':
        return labelReader(field, 'location', cohort.location, v.locations.names);
      case 'stage':
        return labelReader(field, 'stage', cohort.stageLabel, v.stages.names);
      case 'background':
        return listReader(field, 'background', cohort.background, v.tags.names);
      case 'interests':
        return listReader(field, 'interests', cohort.interests, v.tags.names);
      default:
        return listReader(field, 'languages', cohort.baseLanguages, v.baseLanguages.names);
    }
  });
}

/** Mean similarity over the fields both sides have, or -1 when none. */
export function meanSimilarity(readers: readonly FieldReader[], a: number, b: number): number {
  let sum = 0;
  let count = 0;
  for (let f = 0; f < readers.length; f++) {
    const s = readers[f].similarity(a, b);
    if (s >= 0) {
      sum += s;
      count++;
    }
  }
  return count === 0 ? -1 : sum / count;
}

/** Per field: similar, different, or missing (with who lacks it). */
export function describeFields(
  cohort: Cohort,
  readers: readonly FieldReader[],
  a: number,
  b: number,
): { parts: string[]; gaps: MissingData[] } {
  const parts: string[] = [];
  const gaps: MissingData[] = [];
  for (const reader of readers) {
    const s = reader.similarity(a, b);
    if (s < 0) {
      for (const i of [a, b]) {
        if (reader.similarity(i, i) < 0) gaps.push(missing(cohort, i, reader.consent));
      }
      parts.push(`${reader.field} unknown`);
    } else {
      parts.push(
        s === 1
          ? `same ${reader.field} (${reader.describe(a)})`
          : s === 0
            ? `different ${reader.field} (${reader.describe(a)} vs ${reader.describe(b)})`
            : `${reader.field} partly shared (${reader.describe(a)} vs ${reader.describe(b)})`,
      );
    }
  }
  return { parts, gaps };
}

/** Row fast path of {@link meanSimilarity}: fills `sum` and `compared` for `k < count`. */
export function fillSimilarity(
  readers: readonly FieldReader[],
  left: number,
  rights: Int32Array,
  count: number,
  sum: Float64Array,
  compared: Int32Array,
): void {
  sum.fill(0, 0, count);
  compared.fill(0, 0, count);
  for (const reader of readers) reader.accumulate(left, rights, count, sum, compared);
}
