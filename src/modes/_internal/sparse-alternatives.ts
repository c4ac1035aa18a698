import type { AlternativePartner, ParticipantAlternatives } from '../match-result.js';
import type { PairGraph } from './sparse-pair-graph.js';

/**
 * The dense `oneToOneAlternatives` on the candidate pairs only (the top-k path): for every
 * mentee, the `k` best suitable candidate mentors other than their own, with the change in total
 * of moving there; a full mentor's weakest mentee (ties: smaller index) is re-placed at their
 * best candidate mentor with a free seat after the move, or left unmatched. O(edges × k).
 */
export function graphAlternatives(
  graph: PairGraph,
  leftIds: readonly string[],
  rightIds: readonly string[],
  capacity: Int32Array,
  assigned: Int32Array,
  current: Float64Array,
  minScore: number,
  k: number,
): ParticipantAlternatives[] {
  const { mentors, mentees, menteeOffsets, menteeMentors, menteeScores } = graph;
  const used = new Int32Array(mentors);
  const weakest = new Int32Array(mentors).fill(-1);
  for (let e = 0; e < mentees; e++) {
    const m = assigned[e];
    if (m < 0) continue;
    used[m]++;
    const w = weakest[m];
    if (w < 0 || current[e] < current[w]) weakest[m] = e;
  }
  const out: ParticipantAlternatives[] = [];
  const picks: number[] = [];
  for (let e = 0; e < mentees; e++) {
    const m0 = assigned[e];
    const s0 = m0 >= 0 ? current[e] : 0;
    // Edge positions of the k best, higher score first, ties by mentor index (lists ascend).
    picks.length = 0;
    for (let p = menteeOffsets[e]; p < menteeOffsets[e + 1]; p++) {
      const m = menteeMentors[p];
      const s = menteeScores[p];
      if (m === m0 || capacity[m] === 0 || s < minScore) continue;
      if (picks.length === k && s <= menteeScores[picks[k - 1]]) continue;
      let at = picks.length;
      while (at > 0 && menteeScores[picks[at - 1]] < s) at--;
      picks.splice(at, 0, p);
      if (picks.length > k) picks.pop();
    }
    const options: AlternativePartner[] = picks.map((p) => {
      const m = menteeMentors[p];
      const score = menteeScores[p];
      if (used[m] < capacity[m])
        return { partnerId: leftIds[m], score, delta: score - s0, displaced: [] };
      const d = weakest[m];
      let bestMentor = -1;
      let bestScore = 0;
      for (let q = menteeOffsets[d]; q < menteeOffsets[d + 1]; q++) {
        const x = menteeMentors[q];
        const s = menteeScores[q];
        if (x === m || s < minScore) continue;
        if (x !== m0 && used[x] >= capacity[x]) continue;
        if (bestMentor < 0 || s > bestScore) {
          bestMentor = x;
          bestScore = s;
        }
      }
      return {
        partnerId: leftIds[m],
        score,
        delta: score - s0 - current[d] + bestScore,
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
