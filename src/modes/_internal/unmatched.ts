import type {
  CompatibilityDiagnostics,
  CompatibilityMatrix,
  PartnerDiagnosis,
} from '../../compatibility/types.js';
import type { UnmatchedParticipant } from '../match-result.js';
import type { PairGraph } from './sparse-pair-graph.js';

/**
 * The pairs the reasons are judged on: every allowed pair of a dense matrix, or the candidate
 * pairs of the top-k path. `allowedPer…` always count every allowed partner; the visits see
 * only the pairs the neighbourhood holds (on top-k, each side's best ones, so the best score
 * of anyone is always among them).
 */
export interface Neighbourhood {
  readonly rows: number;
  readonly cols: number;
  readonly leftIds: readonly string[];
  readonly rightIds: readonly string[];
  readonly allowedPerLeft: Int32Array;
  readonly allowedPerRight: Int32Array;
  /** Calls `visit(e, score)` for each allowed mentee of mentor `m` it holds. */
  menteesOf(m: number, visit: (e: number, score: number) => void): void;
  /** Calls `visit(m, score)` for each allowed mentor of mentee `e` it holds. */
  mentorsOf(e: number, visit: (m: number, score: number) => void): void;
  diagnose(): CompatibilityDiagnostics;
}

/** Every allowed cell of a dense matrix. */
export function denseNeighbourhood(matrix: CompatibilityMatrix): Neighbourhood {
  const { rows, cols, scores, allowed } = matrix;
  return {
    rows,
    cols,
    leftIds: matrix.leftIds,
    rightIds: matrix.rightIds,
    allowedPerLeft: matrix.allowedPerLeft,
    allowedPerRight: matrix.allowedPerRight,
    menteesOf(m, visit) {
      const base = m * cols;
      for (let e = 0; e < cols; e++) if (allowed[base + e] === 1) visit(e, scores[base + e]);
    },
    mentorsOf(e, visit) {
      for (let m = 0; m < rows; m++)
        if (allowed[m * cols + e] === 1) visit(m, scores[m * cols + e]);
    },
    diagnose: () => matrix.diagnose(),
  };
}

/** The candidate pairs of the top-k path (ids and counts from the candidates' base). */
export function graphNeighbourhood(
  graph: PairGraph,
  base: Pick<
    Neighbourhood,
    'leftIds' | 'rightIds' | 'allowedPerLeft' | 'allowedPerRight' | 'diagnose'
  >,
): Neighbourhood {
  const { menteeOffsets, menteeMentors, menteeScores, mentorOffsets, mentorMentees, mentorScores } =
    graph;
  return {
    rows: graph.mentors,
    cols: graph.mentees,
    leftIds: base.leftIds,
    rightIds: base.rightIds,
    allowedPerLeft: base.allowedPerLeft,
    allowedPerRight: base.allowedPerRight,
    menteesOf(m, visit) {
      for (let p = mentorOffsets[m]; p < mentorOffsets[m + 1]; p++)
        visit(mentorMentees[p], mentorScores[p]);
    },
    mentorsOf(e, visit) {
      for (let p = menteeOffsets[e]; p < menteeOffsets[e + 1]; p++)
        visit(menteeMentors[p], menteeScores[p]);
    },
    diagnose: () => base.diagnose(),
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Mentors from which a seat can be freed without losing a pair: those with a free seat, and,
 * transitively, mentors one of whose mentees could move to such a mentor. An unmatched mentee
 * with a suitable reachable mentor lies on an augmenting path: one more pair was possible, so
 * the objective left them out on purpose. One backward search over the neighbourhood's pairs.
 */
function freeableMentors(
  pairs: Neighbourhood,
  capacity: Int32Array,
  assigned: Int32Array,
  minScore: number,
): Uint8Array {
  const { rows } = pairs;
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
  const reach = (e: number, score: number) => {
    const from = assigned[e];
    if (from >= 0 && reached[from] === 0 && score >= minScore) {
      reached[from] = 1;
      queue.push(from);
    }
  };
  for (let head = 0; head < queue.length; head++) pairs.menteesOf(queue[head], reach);
  return reached;
}

/** Every unmatched mentee, then every unmatched mentor, each in id order, with the reason. */
export function explainUnmatched(
  matrix: CompatibilityMatrix,
  capacity: Int32Array,
  assigned: Int32Array,
  minScore: number,
): UnmatchedParticipant[] {
  return explainUnmatchedOn(denseNeighbourhood(matrix), capacity, assigned, minScore);
}

/**
 * {@link explainUnmatched} on any neighbourhood. On the top-k path `suitablePartners` counts
 * the suitable candidates when `minScore > 0` (a lower bound: unseen allowed mentors may reach
 * it too); `NO_ALLOWED_PARTNER` and `BELOW_MIN_SCORE` stay exact, since the best allowed
 * partner of everyone is a candidate.
 */
export function explainUnmatchedOn(
  pairs: Neighbourhood,
  capacity: Int32Array,
  assigned: Int32Array,
  minScore: number,
): UnmatchedParticipant[] {
  const { rows, cols, leftIds, rightIds } = pairs;
  let diagnoses: Map<string, PartnerDiagnosis> | undefined;
  const diagnosisOf = (id: string): PartnerDiagnosis | undefined => {
    diagnoses ??= new Map(pairs.diagnose().unpartnered.map((d) => [d.participantId, d]));
    return diagnoses.get(id);
  };
  type Role = UnmatchedParticipant['role'];
  // One survey at a time: the visit writes these instead of allocating per participant.
  let suitableSeen = 0;
  let best = 0;
  let reachable = false;
  let reached: Uint8Array | undefined;
  const count = (_: number, score: number) => {
    best = Math.max(best, score);
    if (score >= minScore) suitableSeen++;
  };
  /** Counts one participant's allowed and suitable partners. */
  const survey = (id: string, role: Role, allowedPartners: number) => {
    // Scores are ≥ 0, so without a minimum every allowed partner is suitable, seen or not.
    const suitablePartners = minScore <= 0 ? allowedPartners : suitableSeen;
    return { base: { participantId: id, role, allowedPartners, suitablePartners }, best };
  };
  const reason = (
    base: ReturnType<typeof survey>['base'],
    code: UnmatchedParticipant['code'],
    message: string,
  ): UnmatchedParticipant => ({ ...base, code, message, excludedBy: [] });
  /** The reasons both sides share: nobody allowed, or nobody scoring `minScore`. */
  const sharedReason = (
    { base, best: top }: ReturnType<typeof survey>,
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
      `${id} has ${plural(base.allowedPartners, `allowed ${other}`, `allowed ${other}s`)}, but none scores at least ${minScore} (best ${top.toFixed(3)})`,
    );
  };
  const reset = () => {
    suitableSeen = 0;
    best = 0;
  };
  const augment = (m: number, score: number) => {
    if (score >= minScore && reached?.[m] === 1) reachable = true;
  };

  const mentees: UnmatchedParticipant[] = [];
  for (let e = 0; e < cols; e++) {
    if (assigned[e] >= 0) continue;
    const id = rightIds[e];
    reset();
    pairs.mentorsOf(e, count);
    const found = survey(id, 'mentee', pairs.allowedPerRight[e]);
    const shared = sharedReason(found, 'mentor');
    if (shared) {
      mentees.push(shared);
      continue;
    }
    const suitableCount = found.base.suitablePartners;
    reached ??= freeableMentors(pairs, capacity, assigned, minScore);
    reachable = false;
    pairs.mentorsOf(e, augment);
    mentees.push(
      reachable
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
    reset();
    pairs.menteesOf(m, count);
    const found = survey(id, 'mentor', pairs.allowedPerLeft[m]);
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
