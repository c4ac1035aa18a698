import type { MatchResult } from '../index.js';
import { describeScale } from '../report/_internal/describe-scale.js';
import { formatTable } from './format-table.js';

/** How many pairs the summary lists before pointing to `--out`. */
export const SHOWN_PAIRS = 25;

/** The reasons of a pair summary (`a → b: 83% (skills 100%, …)` → `skills 100%, …`): ids and score are in their own columns. */
function reasons(summary: string): string {
  const inner = /\((.*)\)\s*$/.exec(summary);
  return inner ? inner[1] : summary;
}

/** A table of the first `shown` items, and a line pointing to `--out` for the rest. */
function listed<T>(
  items: readonly T[],
  shown: number,
  noun: string,
  row: (item: T) => string[],
  header: string[],
): string[] {
  const numeric = header.flatMap((h, k) => (h === 'score' || h === 'imbalance' ? [k] : []));
  const out = [formatTable(header, items.slice(0, shown).map(row), { right: numeric })];
  if (items.length > shown) {
    out.push(`… and ${items.length - shown} more ${noun} (write them all with --out).`);
  }
  return out;
}

/** The summary `peermatch match` prints: figures, the best-known pairs, and who is unmatched. */
export function summarizeResult(result: MatchResult, shown = SHOWN_PAIRS): string {
  const { stats } = result;
  const lines: string[] = [];
  lines.push(
    `${result.mode}, objective ${result.objective}${result.minScore > 0 ? `, min score ${result.minScore}` : ''}: ` +
      `${stats.matched} pairs; ${stats.mentees - stats.unmatchedMentees} of ${stats.mentees} mentees and ` +
      `${stats.mentors - stats.unmatchedMentors} of ${stats.mentors} mentors matched; ` +
      `${stats.seats.used} of ${stats.seats.total} seats filled.`,
  );
  if (stats.scores) {
    const s = stats.scores;
    lines.push(
      `scores: mean ${s.mean.toFixed(2)}, min ${s.min.toFixed(2)}, median ${s.median.toFixed(2)}, max ${s.max.toFixed(2)}; total ${stats.totalScore.toFixed(2)}`,
    );
  }
  lines.push(...describeScale(result));
  if (result.groups !== undefined) {
    lines.push(
      '',
      ...listed(
        result.groups,
        shown,
        'groups',
        (g) => [g.id, g.mentorId ?? '—', g.memberIds.join(', '), g.score.toFixed(2)],
        ['group', 'mentor', 'members', 'score'],
      ),
    );
  } else if (result.rings !== undefined) {
    lines.push(
      '',
      ...listed(
        result.rings,
        shown,
        'pairs and rings',
        (r) => [
          r.memberIds.join(r.memberIds.length === 2 ? ' ⇄ ' : ' → '),
          r.score.toFixed(2),
          r.imbalance.toFixed(2),
        ],
        ['who teaches whom', 'score', 'imbalance'],
      ),
    );
  } else if (result.pairs.length > 0) {
    lines.push('');
    const rows = result.pairs
      .slice(0, shown)
      .map((p) => [p.mentorId, p.menteeId, p.score.toFixed(2), reasons(p.explanation.summary)]);
    lines.push(formatTable(['mentor', 'mentee', 'score', 'why'], rows, { right: [2] }));
    if (result.pairs.length > shown) {
      lines.push(`… and ${result.pairs.length - shown} more pairs (write them all with --out).`);
    }
  }
  if (result.unmatched.length > 0) {
    lines.push('', `unmatched (${result.unmatched.length}):`);
    const counts = new Map<string, number>();
    for (const u of result.unmatched) counts.set(u.code, (counts.get(u.code) ?? 0) + 1);
    lines.push(
      formatTable(
        ['code', 'people'],
        [...counts].map(([code, n]) => [code, String(n)]),
        { right: [1] },
      ),
    );
    lines.push('');
    for (const u of result.unmatched.slice(0, shown)) {
      lines.push(`  ${u.role} ${u.participantId}: ${u.message}`);
    }
    if (result.unmatched.length > shown) {
      lines.push(`  … and ${result.unmatched.length - shown} more (see --out).`);
    }
  }
  return `${lines.join('\n')}\n`;
}
