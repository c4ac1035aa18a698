import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { Cohort } from '../../profile/cohort.js';

/**
 * Reporting-line ancestry of a cohort as an Euler tour of the `managerId` forest: `a` is in
 * `b`'s reporting line above them iff `enter[a] <= enter[b] < leave[a]`, an O(1) test per pair
 * however deep the chain. Built in O(n) without recursion, so a chain of 100,000 managers
 * cannot overflow the stack.
 */
export interface ReportingLine {
  readonly enter: Int32Array;
  readonly leave: Int32Array;
}

/**
 * Builds the ancestry, or throws `INVALID_INPUT` listing every `managerId` cycle (a cycle has
 * no top, so "who is above whom" has no answer: it is bad data, never an infinite loop).
 */
export function reportingLine(cohort: Cohort, api: string): ReportingLine {
  const n = cohort.size;
  const manager = cohort.manager;
  // 0 = unseen, 1 = on the current walk, 2 = known to reach a root.
  const state = new Uint8Array(n);
  const walk: number[] = [];
  const issues: PeermatchIssue[] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    walk.length = 0;
    let at = start;
    while (at !== -1 && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      at = manager[at];
    }
    if (at !== -1 && state[at] === 1) {
      const from = walk.indexOf(at);
      const cycle = walk.slice(from);
      const text = [...cycle, at].map((i) => JSON.stringify(cohort.ids[i])).join(' → ');
      for (const i of cycle) {
        issues.push({
          code: 'MANAGER_CYCLE',
          path: [i, 'managerId'],
          message: `${api}: participant ${JSON.stringify(cohort.ids[i])} is in a managerId cycle (${text}); a reporting line must end at someone with no manager`,
          participantId: cohort.ids[i],
        });
      }
    }
    for (const i of walk) state[i] = 2;
  }
  if (issues.length > 0) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `${api}: managerId forms ${issues.length === 1 ? 'a cycle' : 'cycles'}`,
      issues,
    );
  }
  // Children in CSR form, then an iterative depth-first tour from every root.
  const childOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (manager[i] >= 0) childOffsets[manager[i] + 1]++;
  for (let i = 0; i < n; i++) childOffsets[i + 1] += childOffsets[i];
  const children = new Int32Array(childOffsets[n]);
  const cursor = childOffsets.slice(0, n);
  for (let i = 0; i < n; i++) if (manager[i] >= 0) children[cursor[manager[i]]++] = i;
  const enter = new Int32Array(n);
  const leave = new Int32Array(n);
  const stack = new Int32Array(n);
  const next = childOffsets.slice(0, n);
  let clock = 0;
  for (let root = 0; root < n; root++) {
    if (manager[root] >= 0) continue;
    let top = 0;
    stack[0] = root;
    enter[root] = clock++;
    while (top >= 0) {
      const node = stack[top];
      if (next[node] < childOffsets[node + 1]) {
        const child = children[next[node]++];
        enter[child] = clock++;
        stack[++top] = child;
      } else {
        leave[node] = clock;
        top--;
      }
    }
  }
  return { enter, leave };
}

/** The chain of ids from `lower` up to `upper` (who must be above them). */
export function chainBetween(cohort: Cohort, lower: number, upper: number): string[] {
  const chain: string[] = [];
  for (let at = lower; at !== -1; at = cohort.manager[at]) {
    chain.push(cohort.ids[at]);
    if (at === upper) break;
  }
  return chain;
}
