/**
 * Allowed mentor–mentee pairs as a sparse graph, in both orientations (CSR), for the top-k path
 * of one-to-one matching. Built by two stable counting sorts, so lists come out in index order
 * without comparison sorting, and a pair given twice is kept once.
 */
export interface PairGraph {
  readonly mentors: number;
  readonly mentees: number;
  /** Mentee `e`'s mentors are `menteeMentors[menteeOffsets[e] … menteeOffsets[e + 1] − 1]`, ascending. */
  readonly menteeOffsets: Int32Array;
  readonly menteeMentors: Int32Array;
  readonly menteeScores: Float64Array;
  /** Mentor `m`'s mentees, ascending, in the same form. */
  readonly mentorOffsets: Int32Array;
  readonly mentorMentees: Int32Array;
  readonly mentorScores: Float64Array;
}

/** Edges as parallel arrays: pair `i` is mentor `mentors[i]`, mentee `mentees[i]`. */
export interface EdgeArrays {
  readonly mentors: ArrayLike<number>;
  readonly mentees: ArrayLike<number>;
  readonly scores: ArrayLike<number>;
}

/** Stable counting sort of edge positions `order` by `key`; returns the new order and offsets. */
function countingSort(
  order: Int32Array,
  key: ArrayLike<number>,
  buckets: number,
): { order: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(buckets + 1);
  for (let i = 0; i < order.length; i++) offsets[key[order[i]] + 1]++;
  for (let b = 0; b < buckets; b++) offsets[b + 1] += offsets[b];
  const next = offsets.slice(0, buckets);
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[next[key[order[i]]]++] = order[i];
  return { order: out, offsets };
}

/** The graph of the given edges (every one assumed allowed); duplicates keep their best score. */
export function pairGraphOf(mentors: number, mentees: number, edges: EdgeArrays): PairGraph {
  const n = edges.mentors.length;
  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  // Radix sort: by mentor, then stably by mentee, gives mentee-major lists in mentor order.
  const byMentor = countingSort(identity, edges.mentors, mentors);
  const byMentee = countingSort(byMentor.order, edges.mentees, mentees);
  const menteeOffsets = new Int32Array(mentees + 1);
  const kept: number[] = [];
  for (let e = 0; e < mentees; e++) {
    let last = -1;
    for (let p = byMentee.offsets[e]; p < byMentee.offsets[e + 1]; p++) {
      const i = byMentee.order[p];
      const m = edges.mentors[i];
      if (m === last) {
        const at = kept[kept.length - 1];
        if (edges.scores[i] > edges.scores[at]) kept[kept.length - 1] = i;
        continue;
      }
      last = m;
      kept.push(i);
    }
    menteeOffsets[e + 1] = kept.length;
  }
  const menteeMentors = new Int32Array(kept.length);
  const menteeScores = new Float64Array(kept.length);
  const menteeOf = new Int32Array(kept.length);
  for (let e = 0; e < mentees; e++) {
    for (let p = menteeOffsets[e]; p < menteeOffsets[e + 1]; p++) {
      menteeMentors[p] = edges.mentors[kept[p]];
      menteeScores[p] = edges.scores[kept[p]];
      menteeOf[p] = e;
    }
  }
  const positions = new Int32Array(kept.length);
  for (let p = 0; p < kept.length; p++) positions[p] = p;
  const byMentor2 = countingSort(positions, menteeMentors, mentors);
  const mentorMentees = new Int32Array(kept.length);
  const mentorScores = new Float64Array(kept.length);
  for (let q = 0; q < kept.length; q++) {
    const p = byMentor2.order[q];
    mentorMentees[q] = menteeOf[p];
    mentorScores[q] = menteeScores[p];
  }
  return {
    mentors,
    mentees,
    menteeOffsets,
    menteeMentors,
    menteeScores,
    mentorOffsets: byMentor2.offsets,
    mentorMentees,
    mentorScores,
  };
}

/** Every edge of `graph` followed by `extra`, as edge arrays (for widening). */
export function withEdges(graph: PairGraph, extra: EdgeArrays): EdgeArrays {
  const base = graph.menteeMentors.length;
  const n = base + extra.mentors.length;
  const mentors = new Int32Array(n);
  const mentees = new Int32Array(n);
  const scores = new Float64Array(n);
  mentors.set(graph.menteeMentors);
  scores.set(graph.menteeScores);
  for (let e = 0; e < graph.mentees; e++) {
    mentees.fill(e, graph.menteeOffsets[e], graph.menteeOffsets[e + 1]);
  }
  for (let i = 0; i < extra.mentors.length; i++) {
    mentors[base + i] = extra.mentors[i];
    mentees[base + i] = extra.mentees[i];
    scores[base + i] = extra.scores[i];
  }
  return { mentors, mentees, scores };
}

/** The score of pair (m, e), or `-Infinity` when it is not an edge (binary search). */
export function edgeScore(graph: PairGraph, m: number, e: number): number {
  let lo = graph.menteeOffsets[e];
  let hi = graph.menteeOffsets[e + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = graph.menteeMentors[mid];
    if (x === m) return graph.menteeScores[mid];
    if (x < m) lo = mid + 1;
    else hi = mid - 1;
  }
  return Number.NEGATIVE_INFINITY;
}
