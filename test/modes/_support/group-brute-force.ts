/**
 * Exact group formation on small instances, for measuring the heuristic's gap.
 */

/** The best partition of `n ≤ 14` people into groups of `min`–`max` with no forbidden pair. */
export function bestPartition(
  n: number,
  weight: (i: number, j: number) => number,
  forbidden: (i: number, j: number) => boolean,
  min: number,
  max: number,
): { value: number; groups: number[][] } | null {
  const full = (1 << n) - 1;
  const groupValue = new Float64Array(1 << n).fill(Number.NEGATIVE_INFINITY);
  for (let mask = 1; mask <= full; mask++) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) members.push(i);
    if (members.length < min || members.length > max) continue;
    let value = 0;
    let ok = true;
    for (let a = 0; a < members.length && ok; a++) {
      for (let b = a + 1; b < members.length; b++) {
        if (forbidden(members[a], members[b])) {
          ok = false;
          break;
        }
        value += weight(members[a], members[b]);
      }
    }
    if (ok) groupValue[mask] = value;
  }
  // best[mask]: the best partition of exactly the people in mask; the group holding the lowest
  // member is enumerated, so each partition is met once.
  const best = new Float64Array(1 << n).fill(Number.NEGATIVE_INFINITY);
  const choice = new Int32Array(1 << n);
  best[0] = 0;
  for (let mask = 1; mask <= full; mask++) {
    const low = mask & -mask;
    const rest = mask ^ low;
    for (let sub = rest; ; sub = (sub - 1) & rest) {
      const group = sub | low;
      const v = groupValue[group] + best[mask ^ group];
      if (v > best[mask]) {
        best[mask] = v;
        choice[mask] = group;
      }
      if (sub === 0) break;
    }
  }
  if (best[full] === Number.NEGATIVE_INFINITY) return null;
  const groups: number[][] = [];
  for (let mask = full; mask !== 0; mask ^= choice[mask]) {
    const g: number[] = [];
    for (let i = 0; i < n; i++) if (choice[mask] & (1 << i)) g.push(i);
    groups.push(g);
  }
  return { value: best[full], groups };
}

/**
 * The best group mentoring: each mentee with one mentor (within capacity) or none, maximising
 * the number placed, then `Σ fit + Σ pair` over members of one group.
 */
export function bestMentoring(
  mentees: number,
  capacity: readonly number[],
  fitOf: (mentor: number, mentee: number) => number | null,
  pair: (a: number, b: number) => number | null,
): { placed: number; value: number } {
  const groupOf = new Int32Array(mentees).fill(-1);
  const used = new Int32Array(capacity.length);
  let best = { placed: -1, value: Number.NEGATIVE_INFINITY };
  const visit = (e: number, placed: number, value: number) => {
    if (e === mentees) {
      if (placed > best.placed || (placed === best.placed && value > best.value + 1e-12)) {
        best = { placed, value };
      }
      return;
    }
    visit(e + 1, placed, value);
    for (let m = 0; m < capacity.length; m++) {
      if (used[m] >= capacity[m]) continue;
      const f = fitOf(m, e);
      if (f === null) continue;
      let add = f;
      let ok = true;
      for (let o = 0; o < e && ok; o++) {
        if (groupOf[o] !== m) continue;
        const p = pair(o, e);
        if (p === null) ok = false;
        else add += p;
      }
      if (!ok) continue;
      groupOf[e] = m;
      used[m]++;
      visit(e + 1, placed + 1, value + add);
      used[m]--;
      groupOf[e] = -1;
    }
  };
  visit(0, 0, 0);
  return best;
}
