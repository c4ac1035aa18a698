import type { CompatibilityDiagnostics, PartnerDiagnosis, Unpartnered } from '../types.js';
import { violationsOf } from './explain-pair.js';
import type { Setup } from './setup.js';

/** Participants with no allowed partner, rows first. */
export function unpartneredOf(
  setup: Setup,
  perLeft: Int32Array,
  perRight: Int32Array,
): Unpartnered[] {
  const { cohort, left, right } = setup;
  const out: Unpartnered[] = [];
  for (let i = 0; i < left.length; i++) {
    if (perLeft[i] === 0) out.push({ participantId: cohort.ids[left[i]], side: 'left' });
  }
  for (let j = 0; j < right.length; j++) {
    if (perRight[j] === 0) out.push({ participantId: cohort.ids[right[j]], side: 'right' });
  }
  return out;
}

const ROLE_NOUNS = ['mentor', 'mentee', 'peer'] as const;

/**
 * What a coordinator calls the other side in a message: the role its members share ("mentor",
 * "mentee", "peer"), or the matrix's neutral word when they mix roles.
 */
function partnerNoun(setup: Setup, others: ArrayLike<number>, neutral: string): string {
  const role = setup.cohort.role;
  let seen = -1;
  for (let k = 0; k < others.length; k++) {
    const r = role[others[k]];
    if (seen === -1) seen = r;
    else if (r !== seen) return neutral;
  }
  return seen === -1 ? neutral : ROLE_NOUNS[seen];
}

/**
 * For each participant without a partner: which rules exclude whom (counted per rule), and
 * which single rule, relaxed, would give them candidates (those excluded by that rule alone).
 */
export function diagnose(
  setup: Setup,
  unpartnered: readonly Unpartnered[],
): CompatibilityDiagnostics {
  const { cohort, left, right } = setup;
  const out: PartnerDiagnosis[] = [];
  const relaxTotals = new Map<string, number>();
  for (const who of unpartnered) {
    const self = cohort.indexOf.get(who.participantId) ?? -1;
    const others = who.side === 'left' ? right : left;
    const excluded = new Map<string, { rule: string; code: string; count: number }>();
    const alone = new Map<string, number>();
    let candidates = 0;
    for (let k = 0; k < others.length; k++) {
      const other = others[k];
      if (other === self) continue;
      candidates++;
      const v =
        who.side === 'left' ? violationsOf(setup, self, other) : violationsOf(setup, other, self);
      const rules = new Set<string>();
      for (const violation of v) {
        const key = `${violation.rule}\u0000${violation.code}`;
        const entry = excluded.get(key) ?? { rule: violation.rule, code: violation.code, count: 0 };
        if (!rules.has(key)) entry.count++;
        excluded.set(key, entry);
        rules.add(key);
      }
      const ruleNames = new Set(v.map((x) => x.rule));
      if (ruleNames.size === 1) {
        const [rule] = ruleNames;
        alone.set(rule, (alone.get(rule) ?? 0) + 1);
      }
    }
    const excludedBy = [...excluded.values()].sort(
      (a, b) => b.count - a.count || a.rule.localeCompare(b.rule),
    );
    const relax = [...alone.entries()]
      .map(([rule, gains]) => ({ rule, gains }))
      .sort((a, b) => b.gains - a.gains || a.rule.localeCompare(b.rule));
    for (const r of relax) relaxTotals.set(r.rule, (relaxTotals.get(r.rule) ?? 0) + 1);
    const role = partnerNoun(setup, others, who.side === 'left' ? 'receiver' : 'giver');
    const message =
      candidates === 0
        ? `${who.participantId} has no possible ${role} at all: the other side is empty`
        : `${who.participantId} has no allowed ${role} among ${candidates}: ${excludedBy
            .map((e) => `${e.rule} excludes ${e.count}`)
            .join(', ')}; ${
            relax.length > 0
              ? `relaxing ${relax[0].rule} alone would allow ${relax[0].gains}`
              : 'no single rule, relaxed, would allow anyone (every candidate is excluded by two or more rules)'
          }`;
    out.push({ ...who, candidates, excludedBy, relax, message });
  }
  const summary =
    out.length === 0
      ? 'everyone has at least one allowed partner'
      : `${out.length} participant${out.length > 1 ? 's have' : ' has'} no allowed partner${
          relaxTotals.size > 0
            ? `; relaxing ${[...relaxTotals.entries()]
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .map(([rule, n]) => `${rule} would help ${n}`)
                .join(', ')}`
            : ''
        }`;
  return { unpartnered: out, summary };
}
