import type {
  CompatibilityDiagnostics,
  CompatibilityMatrix,
  PartnerDiagnosis,
} from '../../compatibility/types.js';
import type { UnmatchedParticipant } from '../match-result.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The pairs reasons are judged on: every pair of a dense matrix, or the candidate graph of the
 * top-k path, where a peer's partners may be only partly seen (`complete` false).
 */
export interface PeerNeighbourhood {
  readonly n: number;
  readonly ids: readonly string[];
  diagnose(): CompatibilityDiagnostics;
  /** Visits every peer allowed with `a` both ways that this neighbourhood holds, ascending. */
  forEachPartner(a: number, visit: (b: number, suitable: boolean) => void): void;
  /** Whether `forEachPartner(a)` visits every allowed partner in the cohort. */
  complete(a: number): boolean;
}

/** Every pair of a dense square matrix; `suitable` says whether a pair may be formed. */
export function densePeerNeighbourhood(
  matrix: CompatibilityMatrix,
  suitable: (a: number, b: number) => boolean,
): PeerNeighbourhood {
  const n = matrix.rows;
  const { allowed } = matrix;
  return {
    n,
    ids: matrix.leftIds,
    diagnose: () => matrix.diagnose(),
    forEachPartner(a, visit) {
      for (let b = 0; b < n; b++) {
        if (b === a || allowed[a * n + b] !== 1 || allowed[b * n + a] !== 1) continue;
        visit(b, suitable(a, b));
      }
    },
    complete: () => true,
  };
}

/**
 * Every peer outside a relationship (`group[i] < 0`), in id order, with the reason: no peer
 * allowed both ways; none suitable (`minScore`); a suitable peer is also left out (the objective
 * preferred it); or every suitable peer is taken. O(peers × unmatched) on a dense matrix. Where
 * a peer's partners were only partly seen (top-k), the counts and the reason are about the
 * candidate partners, and the message says so.
 */
export function reciprocalUnmatched(
  pairs: PeerNeighbourhood,
  group: Int32Array,
  minScore: number,
): UnmatchedParticipant[] {
  const { n, ids } = pairs;
  let diagnoses: Map<string, PartnerDiagnosis> | undefined;
  const out: UnmatchedParticipant[] = [];
  // One peer at a time: the visit writes these instead of allocating per pair.
  let allowedPartners = 0;
  let suitablePartners = 0;
  let alsoOut = -1;
  const visit = (b: number, suitable: boolean) => {
    allowedPartners++;
    if (!suitable) return;
    suitablePartners++;
    if (alsoOut < 0 && group[b] < 0) alsoOut = b;
  };
  for (let a = 0; a < n; a++) {
    if (group[a] >= 0) continue;
    const id = ids[a];
    allowedPartners = 0;
    suitablePartners = 0;
    alsoOut = -1;
    pairs.forEachPartner(a, visit);
    const seen = pairs.complete(a) ? '' : ' among its candidates';
    const base = { participantId: id, role: 'peer' as const, allowedPartners, suitablePartners };
    if (allowedPartners === 0) {
      diagnoses ??= new Map(pairs.diagnose().unpartnered.map((d) => [d.participantId, d]));
      const d = diagnoses.get(id);
      out.push({
        ...base,
        code: 'NO_ALLOWED_PARTNER',
        message: d?.message ?? `${id} has no peer allowed with them in both directions${seen}`,
        excludedBy: d?.excludedBy.map((x) => ({ ...x })) ?? [],
      });
    } else if (suitablePartners === 0) {
      out.push({
        ...base,
        code: 'BELOW_MIN_SCORE',
        message: `${id} has ${plural(allowedPartners, 'allowed peer', 'allowed peers')}${seen}, but none scores at least ${minScore}`,
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
        message: `all ${plural(suitablePartners, 'suitable peer', 'suitable peers')} of ${id}${seen} are in other relationships`,
        excludedBy: [],
      });
    }
  }
  return out;
}
