import type { CompatibilityMatrix, PartnerDiagnosis } from '../../compatibility/types.js';
import type { UnmatchedParticipant } from '../match-result.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Mentors (matrix rows) from which a seat can be freed without losing a pair: those with a free
 * seat, and, transitively, mentors one of whose mentees could move to such a mentor. An
 * unmatched mentee with a suitable reachable mentor lies on an augmenting path: one more pair
 * was possible, so the objective left them out on purpose. One backward search, O(rows × cols).
 */
function freeableMentors(
  matrix: CompatibilityMatrix,
  capacity: Int32Array,
  assigned: Int32Array,
  suitable: (m: number, e: number) => boolean,
): Uint8Array {
  const { rows, cols } = matrix;
  const used = new Int32Array(rows);
  for (const m of assigned) if (m >= 0) used[m]++;
  const reached = new Uint8Array(rows);
  const queue: number[] = [];
  for (let m = 0; m < rows; m++) {
    if (used[m] < capacity[m]) {
      reached[m] = 1;
      queue.push(m);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const m = queue[head];
    for (let e = 0; e < cols; e++) {
      const from = assigned[e];
      if (from >= 0 && from !== m && reached[from] === 0 && suitable(m, e)) {
        reached[from] = 1;
        queue.push(from);
      }
    }
  }
  return reached;
}

/** Every unmatched mentee, then every unmatched mentor, each in id order, with the reason. */
export function explainUnmatched(
  matrix: CompatibilityMatrix,
  capacity: Int32Array,
  assigned: Int32Array,
  minScore: number,
): UnmatchedParticipant[] {
  const { rows, cols, scores, allowed, leftIds, rightIds } = matrix;
  const suitable = (m: number, e: number): boolean =>
    allowed[m * cols + e] === 1 && scores[m * cols + e] >= minScore;
  let diagnoses: Map<string, PartnerDiagnosis> | undefined;
  const diagnosisOf = (id: string): PartnerDiagnosis | undefined => {
    diagnoses ??= new Map(matrix.diagnose().unpartnered.map((d) => [d.participantId, d]));
    return diagnoses.get(id);
  };
  type Role = UnmatchedParticipant['role'];
  /** Counts one participant's allowed and suitable partners (`cell(k)` is their k-th cell). */
  const survey = (id: string, role: Role, count: number, cell: (k: number) => number) => {
    let allowedPartners = 0;
    let suitablePartners = 0;
    let best = 0;
    for (let k = 0; k < count; k++) {
      const c = cell(k);
      if (allowed[c] !== 1) continue;
      allowedPartners++;
      best = Math.max(best, scores[c]);
      if (scores[c] >= minScore) suitablePartners++;
    }
    return { base: { participantId: id, role, allowedPartners, suitablePartners }, best };
  };
  const reason = (
    base: ReturnType<typeof survey>['base'],
    code: UnmatchedParticipant['code'],
    message: string,
  ): UnmatchedParticipant => ({ ...base, code, message, excludedBy: [] });
  /** The reasons both sides share: nobody allowed, or nobody scoring `minScore`. */
  const sharedReason = (
    { base, best }: ReturnType<typeof survey>,
    other: string,
  ): UnmatchedParticipant | undefined => {
    const id = base.participantId;
    if (base.allowedPartners === 0) {
      const d = diagnosisOf(id);
      return {
        ...reason(base, 'NO_ALLOWED_PARTNER', d?.message ?? `${id} has no allowed ${other}`),
        excludedBy: d?.excludedBy.map((x) => ({ ...x })) ?? [],
      };
    }
    if (base.suitablePartners > 0) return undefined;
    return reason(
      base,
      'BELOW_MIN_SCORE',
      `${id} has ${plural(base.allowedPartners, `allowed ${other}`, `allowed ${other}s`)}, but none scores at least ${minScore} (best ${best.toFixed(3)})`,
    );
  };

  const mentees: UnmatchedParticipant[] = [];
  let reached: Uint8Array | undefined;
  for (let e = 0; e < cols; e++) {
    if (assigned[e] >= 0) continue;
    const id = rightIds[e];
    const found = survey(id, 'mentee', rows, (m) => m * cols + e);
    const shared = sharedReason(found, 'mentor');
    if (shared) {
      mentees.push(shared);
      continue;
    }
    const suitableCount = found.base.suitablePartners;
    reached ??= freeableMentors(matrix, capacity, assigned, suitable);
    let augmentable = false;
    for (let m = 0; m < rows && !augmentable; m++) augmentable = suitable(m, e) && reached[m] === 1;
    mentees.push(
      augmentable
        ? reason(
            found.base,
            'LOST_TO_BETTER_ASSIGNMENT',
            `${id} could have been matched by moving other mentees, but the objective scores higher without them (${plural(suitableCount, 'suitable mentor', 'suitable mentors')})`,
          )
        : reason(
            found.base,
            'MENTORS_AT_CAPACITY',
            `all ${plural(suitableCount, 'suitable mentor', 'suitable mentors')} of ${id} are at capacity, and no reshuffle frees a seat without leaving another mentee out`,
          ),
    );
  }

  const hasMentee = new Uint8Array(rows);
  for (const m of assigned) if (m >= 0) hasMentee[m] = 1;
  const mentors: UnmatchedParticipant[] = [];
  for (let m = 0; m < rows; m++) {
    if (hasMentee[m] === 1) continue;
    const id = leftIds[m];
    const found = survey(id, 'mentor', cols, (e) => m * cols + e);
    // A mentor without allowed mentees says so first; capacity 0 comes before a low score.
    const shared = sharedReason(found, 'mentee');
    if (shared?.code === 'NO_ALLOWED_PARTNER') mentors.push(shared);
    else if (capacity[m] === 0)
      mentors.push(reason(found.base, 'NO_CAPACITY', `${id} has capacity 0`));
    else if (shared) mentors.push(shared);
    else {
      mentors.push(
        reason(
          found.base,
          'LOST_TO_BETTER_ASSIGNMENT',
          `${id}'s ${plural(found.base.suitablePartners, 'suitable mentee is', 'suitable mentees are')} better placed, for the objective, with other mentors or unmatched`,
        ),
      );
    }
  }
  const byId = (a: UnmatchedParticipant, b: UnmatchedParticipant) =>
    a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;
  return [...mentees.sort(byId), ...mentors.sort(byId)];
}
