import type { Cohort, CohortLists } from '../../profile/cohort.js';
import { CONSENT_FIELD_NAMES, type ConsentField } from '../../profile/participant-schema.js';
import type { MissingData, ScoreExplanation } from '../scorer.js';

/** The score of a fact nobody gave: neither a reward nor a penalty. */
export const NEUTRAL = 0.5;

const BIT = new Map<string, number>(CONSENT_FIELD_NAMES.map((f, i) => [f, 1 << i]));

/** True when participant `i` withheld `field` through consent. */
export function isWithheld(cohort: Cohort, i: number, field: ConsentField): boolean {
  return (cohort.withheld[i] & (BIT.get(field) ?? 0)) !== 0;
}

/** A {@link MissingData} entry for participant `i`. */
export function missing(cohort: Cohort, i: number, field: ConsentField): MissingData {
  return { participantId: cohort.ids[i], field, withheld: isWithheld(cohort, i, field) };
}

/** `"ana's skills are withheld"` or `"ana gave no skills"`. */
export function describeMissing(m: MissingData): string {
  return m.withheld
    ? `${m.participantId} withheld ${m.field}`
    : `${m.participantId} gave no ${m.field}`;
}

/** A neutral explanation naming what is missing. */
export function neutral(what: string, gaps: readonly MissingData[]): ScoreExplanation {
  return {
    score: NEUTRAL,
    reason: `neutral: ${gaps.map(describeMissing).join(' and ')}, so ${what} cannot be judged`,
    missing: gaps,
  };
}

/** Length of participant `i`'s list. */
export function lengthOf(lists: CohortLists, i: number): number {
  return lists.offsets[i + 1] - lists.offsets[i];
}

/** Size of the intersection of two participants' sorted lists (one merge pass). */
export function intersectionSize(lists: CohortLists, a: number, b: number): number {
  const { offsets, values } = lists;
  let i = offsets[a];
  let j = offsets[b];
  const ie = offsets[a + 1];
  const je = offsets[b + 1];
  let count = 0;
  while (i < ie && j < je) {
    const x = values[i];
    const y = values[j];
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}

/** The values two participants share, mapped through `names`. */
export function sharedNames(
  lists: CohortLists,
  a: number,
  b: number,
  names: readonly string[],
): string[] {
  const { offsets, values } = lists;
  const out: string[] = [];
  let i = offsets[a];
  let j = offsets[b];
  while (i < offsets[a + 1] && j < offsets[b + 1]) {
    if (values[i] === values[j]) {
      out.push(names[values[i]]);
      i++;
      j++;
    } else if (values[i] < values[j]) i++;
    else j++;
  }
  return out;
}

/** Names of participant `i`'s list. */
export function namesOf(lists: CohortLists, i: number, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) out.push(names[lists.values[k]]);
  return out;
}

/** `a, b and c`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Rounds for sentences: `0.6667` → `0.67`. */
export function round2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/**
 * A row marker over a vocabulary: `mark` the left participant's values once, test each right
 * participant's values in O(1), then `clear` only what was marked (no O(vocabulary) reset).
 */
export class RowMarks {
  readonly marks: Uint8Array;

  constructor(size: number) {
    this.marks = new Uint8Array(Math.max(1, size));
  }

  mark(lists: CohortLists, i: number): void {
    for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) this.marks[lists.values[k]] = 1;
  }

  clear(lists: CohortLists, i: number): void {
    for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) this.marks[lists.values[k]] = 0;
  }

  /** How many of participant `j`'s values are marked. */
  hits(lists: CohortLists, j: number): number {
    const { offsets, values } = lists;
    const marks = this.marks;
    let count = 0;
    for (let k = offsets[j], e = offsets[j + 1]; k < e; k++) count += marks[values[k]];
    return count;
  }
}
