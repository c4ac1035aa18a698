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
  const belowMin = (id: string, allowedCount: number, best: number, side: string) =>
    `${id} has ${plural(allowedCount, `allowed ${side}`, `allowed ${side}s`)}, but none scores at least ${minScore} (best ${best.toFixed(3)})`;

  const mentees: UnmatchedParticipant[] = [];
  let reached: Uint8Array | undefined;
  for (let e = 0; e < cols; e++) {
    if (assigned[e] >= 0) continue;
    const id = rightIds[e];
    let allowedCount = 0;
    let suitableCount = 0;
    let best = 0;
    for (let m = 0; m < rows; m++) {
      if (allowed[m * cols + e] !== 1) continue;
      allowedCount++;
      best = Math.max(best, scores[m * cols + e]);
      if (suitable(m, e)) suitableCount++;
    }
    const base = {
      participantId: id,
      role: 'mentee' as const,
      allowedPartners: allowedCount,
      suitablePartners: suitableCount,
    };
    if (allowedCount === 0) {
      const d = diagnosisOf(id);
      mentees.push({
        ...base,
        code: 'NO_ALLOWED_PARTNER',
        message: d?.message ?? `${id} has no allowed mentor`,
        excludedBy: d?.excludedBy.map((x) => ({ ...x })) ?? [],
      });
      continue;
    }
    if (suitableCount === 0) {
      mentees.push({
        ...base,
        code: 'BELOW_MIN_SCORE',
        message: belowMin(id, allowedCount, best, 'mentor'),
        excludedBy: [],
      });
      continue;
    }
    reached ??= freeableMentors(matrix, capacity, assigned, suitable);
    let augmentable = false;
    for (let m = 0; m < rows && !augmentable; m++) augmentable = suitable(m, e) && reached[m] === 1;
    mentees.push(
      augmentable
        ? {
            ...base,
            code: 'LOST_TO_BETTER_ASSIGNMENT',
            message: `${id} could have been matched by moving other mentees, but the objective scores higher without them (${plural(suitableCount, 'suitable mentor', 'suitable mentors')})`,
            excludedBy: [],
          }
        : {
            ...base,
            code: 'MENTORS_AT_CAPACITY',
            message: `all ${plural(suitableCount, 'suitable mentor', 'suitable mentors')} of ${id} are at capacity, and no reshuffle frees a seat without leaving another mentee out`,
            excludedBy: [],
          },
    );
  }

  const hasMentee = new Uint8Array(rows);
  for (const m of assigned) if (m >= 0) hasMentee[m] = 1;
  const mentors: UnmatchedParticipant[] = [];
  for (let m = 0; m < rows; m++) {
    if (hasMentee[m] === 1) continue;
    const id = leftIds[m];
    let allowedCount = 0;
    let suitableCount = 0;
    let best = 0;
    for (let e = 0; e < cols; e++) {
      if (allowed[m * cols + e] !== 1) continue;
      allowedCount++;
      best = Math.max(best, scores[m * cols + e]);
      if (suitable(m, e)) suitableCount++;
    }
    const base = {
      participantId: id,
      role: 'mentor' as const,
      allowedPartners: allowedCount,
      suitablePartners: suitableCount,
    };
    if (allowedCount === 0) {
      const d = diagnosisOf(id);
      mentors.push({
        ...base,
        code: 'NO_ALLOWED_PARTNER',
        message: d?.message ?? `${id} has no allowed mentee`,
        excludedBy: d?.excludedBy.map((x) => ({ ...x })) ?? [],
      });
    } else if (capacity[m] === 0) {
      mentors.push({
        ...base,
        code: 'NO_CAPACITY',
        message: `${id} has capacity 0`,
        excludedBy: [],
      });
    } else if (suitableCount === 0) {
      mentors.push({
        ...base,
        code: 'BELOW_MIN_SCORE',
        message: belowMin(id, allowedCount, best, 'mentee'),
        excludedBy: [],
      });
    } else {
      mentors.push({
        ...base,
        code: 'LOST_TO_BETTER_ASSIGNMENT',
        message: `${id}'s ${plural(suitableCount, 'suitable mentee is', 'suitable mentees are')} better placed, for the objective, with other mentors or unmatched`,
        excludedBy: [],
      });
    }
  }
  const byId = (a: UnmatchedParticipant, b: UnmatchedParticipant) =>
    a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;
  return [...mentees.sort(byId), ...mentors.sort(byId)];
}
