import type { CompatibilityMatrix, PartnerDiagnosis } from '../../compatibility/types.js';
import type { UnmatchedParticipant } from '../match-result.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Every peer outside a relationship (`group[i] < 0`), in id order, with the reason: no peer
 * allowed both ways; none suitable (`minScore`); a suitable peer is also left out (the objective
 * preferred it); or every suitable peer is taken. O(peers × unmatched).
 */
export function reciprocalUnmatched(
  matrix: CompatibilityMatrix,
  group: Int32Array,
  minScore: number,
  suitable: (a: number, b: number) => boolean,
): UnmatchedParticipant[] {
  const n = matrix.rows;
  const { allowed, leftIds: ids } = matrix;
  let diagnoses: Map<string, PartnerDiagnosis> | undefined;
  const out: UnmatchedParticipant[] = [];
  for (let a = 0; a < n; a++) {
    if (group[a] >= 0) continue;
    const id = ids[a];
    let allowedPartners = 0;
    let suitablePartners = 0;
    let alsoOut = -1;
    for (let b = 0; b < n; b++) {
      if (b === a || allowed[a * n + b] !== 1 || allowed[b * n + a] !== 1) continue;
      allowedPartners++;
      if (!suitable(a, b)) continue;
      suitablePartners++;
      if (alsoOut < 0 && group[b] < 0) alsoOut = b;
    }
    const base = { participantId: id, role: 'peer' as const, allowedPartners, suitablePartners };
    if (allowedPartners === 0) {
      diagnoses ??= new Map(matrix.diagnose().unpartnered.map((d) => [d.participantId, d]));
      const d = diagnoses.get(id);
      out.push({
        ...base,
        code: 'NO_ALLOWED_PARTNER',
        message: d?.message ?? `${id} has no peer allowed with them in both directions`,
        excludedBy: d?.excludedBy.map((x) => ({ ...x })) ?? [],
      });
    } else if (suitablePartners === 0) {
      out.push({
        ...base,
        code: 'BELOW_MIN_SCORE',
        message: `${id} has ${plural(allowedPartners, 'allowed peer', 'allowed peers')}, but none scores at least ${minScore}`,
        excludedBy: [],
      });
    } else if (alsoOut >= 0) {
      out.push({
        ...base,
        code: 'LOST_TO_BETTER_ASSIGNMENT',
        message: `${id} could have joined ${ids[alsoOut]}, who is also unmatched, but the objective scores higher without that pair`,
        excludedBy: [],
      });
    } else {
      out.push({
        ...base,
        code: 'PARTNERS_TAKEN',
        message: `all ${plural(suitablePartners, 'suitable peer', 'suitable peers')} of ${id} are in other relationships`,
        excludedBy: [],
      });
    }
  }
  return out;
}
