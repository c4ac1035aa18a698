import type { CompatibilityMatrix } from '../../compatibility/types.js';
import type { AlternativePartner, ParticipantAlternatives } from '../match-result.js';

/** The `k` best indices by `score` (higher first, ties by smaller index), skipping `-Infinity`. */
function topK(count: number, k: number, score: (i: number) => number): number[] {
  const best: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = score(i);
    if (s === Number.NEGATIVE_INFINITY) continue;
    if (best.length === k && s <= score(best[k - 1])) continue;
    let at = best.length;
    while (at > 0 && score(best[at - 1]) < s) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * For every mentee, the `k` best suitable mentors other than their own, and the change in total
 * score of moving there. When that mentor is full, their lowest-scoring mentee (ties: smaller id)
 * is displaced and re-placed at the best suitable mentor with a free seat after the move (the
 * mover's old mentor included), or left unmatched; nobody else moves. O(mentees × mentors × k).
 */
export function oneToOneAlternatives(
  matrix: CompatibilityMatrix,
  capacity: Int32Array,
  assigned: Int32Array,
  minScore: number,
  k: number,
): ParticipantAlternatives[] {
  const { rows, cols, scores, allowed, leftIds, rightIds } = matrix;
  const suitable = (m: number, e: number) =>
    allowed[m * cols + e] === 1 && scores[m * cols + e] >= minScore;
  const used = new Int32Array(rows);
  const weakest = new Int32Array(rows).fill(-1);
  for (let e = 0; e < cols; e++) {
    const m = assigned[e];
    if (m < 0) continue;
    used[m]++;
    const w = weakest[m];
    if (w < 0 || scores[m * cols + e] < scores[m * cols + w]) weakest[m] = e;
  }
  const out: ParticipantAlternatives[] = [];
  for (let e = 0; e < cols; e++) {
    const m0 = assigned[e];
    const s0 = m0 >= 0 ? scores[m0 * cols + e] : 0;
    const picks = topK(rows, k, (m) =>
      m !== m0 && capacity[m] > 0 && suitable(m, e)
        ? scores[m * cols + e]
        : Number.NEGATIVE_INFINITY,
    );
    const options: AlternativePartner[] = picks.map((m) => {
      const score = scores[m * cols + e];
      if (used[m] < capacity[m])
        return { partnerId: leftIds[m], score, delta: score - s0, displaced: [] };
      const d = weakest[m];
      let bestMentor = -1;
      let bestScore = 0;
      for (let x = 0; x < rows; x++) {
        if (x === m || !suitable(x, d)) continue;
        if (x !== m0 && used[x] >= capacity[x]) continue;
        const s = scores[x * cols + d];
        if (bestMentor < 0 || s > bestScore) {
          bestMentor = x;
          bestScore = s;
        }
      }
      return {
        partnerId: leftIds[m],
        score,
        delta: score - s0 - scores[m * cols + d] + bestScore,
        displaced: [
          {
            participantId: rightIds[d],
            newPartnerId: bestMentor >= 0 ? leftIds[bestMentor] : null,
          },
        ],
      };
    });
    out.push({
      participantId: rightIds[e],
      currentPartnerId: m0 >= 0 ? leftIds[m0] : null,
      options,
    });
  }
  return out;
}

/**
 * For every peer of a pairs result, the `k` best suitable peers other than their partner, and
 * the change in total of pairing with them: the two displaced partners (theirs and the new
 * peer's) pair with each other when suitable, else stay unmatched. With `partnersOf` (the
 * top-k path), only those candidates of each peer are considered.
 */
export function reciprocalAlternatives(
  ids: readonly string[],
  pairScore: (a: number, b: number) => number,
  mate: Int32Array,
  k: number,
  partnersOf?: (a: number) => Int32Array,
): ParticipantAlternatives[] {
  const n = ids.length;
  const out: ParticipantAlternatives[] = [];
  for (let a = 0; a < n; a++) {
    const b0 = mate[a];
    // Candidates ascending, so ties still go to the smaller index.
    const list = partnersOf?.(a);
    const score = (b: number) => (b === a || b === b0 ? Number.NEGATIVE_INFINITY : pairScore(a, b));
    const picks =
      list === undefined
        ? topK(n, k, score)
        : topK(list.length, k, (t) => score(list[t])).map((t) => list[t]);
    const options: AlternativePartner[] = picks.map((b) => {
      const score = pairScore(a, b);
      const b1 = mate[b];
      let delta = score - (b0 >= 0 ? pairScore(a, b0) : 0) - (b1 >= 0 ? pairScore(b, b1) : 0);
      const together = b0 >= 0 && b1 >= 0 ? pairScore(b0, b1) : Number.NEGATIVE_INFINITY;
      if (together !== Number.NEGATIVE_INFINITY) delta += together;
      const paired = together !== Number.NEGATIVE_INFINITY;
      const displaced = [b0, b1]
        .filter((x) => x >= 0)
        .map((x) => ({
          participantId: ids[x],
          newPartnerId: paired ? ids[x === b0 ? b1 : b0] : null,
        }));
      return { partnerId: ids[b], score, delta, displaced };
    });
    out.push({ participantId: ids[a], currentPartnerId: b0 >= 0 ? ids[b0] : null, options });
  }
  return out;
}
